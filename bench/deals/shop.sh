#!/usr/bin/env bash
# Sustained shop order ingestion through the gateway with a real API key (target: 2,000 orders per second),
# one order per request and in batches, then a check that every order was stored once (one deal each) and
# that every event went round the customer saga: order.received consumed by contacts-service, answered with
# contact.upserted, consumed by deals-service, every deal linked to its customer's contact.
# A third run sends the same batches as bulk feeds (answered with a receipt once kept, stored behind): its
# figure is how fast the shop is answered, then how long until the last receipt's orders are deals.
# BENCH_MODES picks the runs (default "single batch bulk").
# Starts the suite with ./crm up (the gateway's per-key rate limit raised so that the load is measured,
# not refused), signs up a benchmark company and creates an API key with the scope shop:write.
#
#   bench/deals/shop.sh [orders] [concurrency] [batch-size] [customers]   (defaults: 20000 8 200 2000)
#   e.g. bench/deals/shop.sh 2000 4 100 500   a short run
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
ROOT=$PWD
ORDERS=${1:-20000}
CONCURRENCY=${2:-8}
BATCH=${3:-200}
CUSTOMERS=${4:-2000}
WORK=$ROOT/.crm/bench/shop
mkdir -p "$WORK"
source bench/common/suite.sh
DEALS_DB="${PG%/*}/crm_deals"
CONTACTS_DB="${PG%/*}/crm_contacts"

export CRM_GATEWAY_RATELIMIT_PERAPIKEY=100000000
[[ -n "${BENCH_NO_UP:-}" ]] || ./crm up

echo "== the benchmark company and its shop API key"
BENCH_EMAIL= bench_company bench-shop "Shop benchmark"
key=$(curl -fsS -H "Authorization: Bearer $access" -H 'Content-Type: application/json' \
  -X POST "$GATEWAY/api/identity/api-keys" -d '{"name":"Benchmark shop","scopes":["shop:write"]}' | json key)
echo "   tenant $tenant"

MODES=${BENCH_MODES:-single batch bulk}
run() {  # label prefix batch-size [endpoint]
  "$JAVA" bench/deals/ShopLoad.java "$GATEWAY" "$key" "$1" "$2" "$ORDERS" "$CONCURRENCY" "$3" "$CUSTOMERS" "${4:-batch}" \
    | tee -a "$WORK/results.txt"
}
deals_sql() { psql -qAt "$DEALS_DB" -v tenant="$tenant" -c "$1"; }
contacts_sql() { psql -qAt "$CONTACTS_DB" -v tenant="$tenant" -c "$1"; }
# a short warm-up (its own orders), then the measured runs
"$JAVA" bench/deals/ShopLoad.java "$GATEWAY" "$key" warm-up w "$((ORDERS < 2000 ? ORDERS / 4 + 1 : 500))" \
  "$CONCURRENCY" 50 "$CUSTOMERS" >/dev/null
echo "== $(date -u +%FT%TZ) $ORDERS orders, concurrency $CONCURRENCY" | tee -a "$WORK/results.txt"
sent=0
if [[ " $MODES " == *" single "* ]]; then run "single orders" s 1; sent=$((sent + ORDERS)); fi
if [[ " $MODES " == *" batch "* ]]; then run "batches of $BATCH" b "$BATCH"; sent=$((sent + ORDERS)); fi
if [[ " $MODES " == *" bulk "* ]]; then
  bulk_start=$(date +%s.%N)
  run "bulk feeds of $BATCH" u "$BATCH" bulk
  sent=$((sent + ORDERS))
  while [[ $(deals_sql "select count(*) from shop_intake where tenant_id = '$tenant' and state <> 'DONE'") != 0 ]]; do
    sleep 0.2
  done
  bulk_end=$(date +%s.%N)
  failed=$(deals_sql "select count(*) from shop_intake where tenant_id = '$tenant' and outcomes::text like '%REJECTED%'")
  awk -v s="$bulk_start" -v e="$bulk_end" -v n="$ORDERS" -v f="$failed" 'BEGIN { printf "   bulk: every receipt DONE %.1f s after the first request: %.0f orders/s stored as deals (%d receipts with a rejected order)\n", e - s, n / (e - s), f }' \
    | tee -a "$WORK/results.txt"
fi

echo "== every order stored once"
stored=$(deals_sql "select count(*) from shop_order where tenant_id = '$tenant' and shop_order_id ~ '^[sbu]-'")
deals=$(deals_sql "select count(*) from deal where tenant_id = '$tenant' and shop_order_id ~ '^[sbu]-'")
echo "   sent $sent, orders stored $stored, deals $deals"
[[ "$stored" == "$sent" && "$deals" == "$sent" ]] || { echo "FAILED: orders lost or duplicated"; exit 1; }

echo "== every event delivered (waiting up to 5 minutes for the saga to settle)"
# an order of a customer already linked gets its contact at once (no round trip); every other order.received
# is answered by contact.upserted: each answer consumed, both outboxes empty, no deal left without its contact
all=$(deals_sql "select count(*) from shop_order where tenant_id = '$tenant'")
start=$SECONDS
while :; do
  consumed=$(contacts_sql "select count(*) from processed_event where consumer = 'customer-saga' and tenant_id = '$tenant' and event_type = 'order.received'")
  answered=$(deals_sql "select count(*) from processed_event where consumer = 'customer-link' and tenant_id = '$tenant'")
  unlinked=$(deals_sql "select count(*) from deal where tenant_id = '$tenant' and contact_id is null")
  pending=$(( $(deals_sql "select count(*) from event_publication where completion_date is null") + \
              $(contacts_sql "select count(*) from event_publication where completion_date is null") ))
  echo "   after $((SECONDS - start)) s: of $all orders, order.received taken by contacts-service $consumed, contact.upserted taken by deals-service $answered, deals without contact $unlinked, outbox backlog $pending"
  # settled: every order the saga took answered, no deal unlinked, both outboxes empty, and the saga took
  # nothing more since the last look (an order of an already linked customer is not the saga's to take)
  [[ "$consumed" == "$answered" && "$consumed" == "${before:-}" && "$unlinked" == 0 && "$pending" == 0 ]] && break
  before=$consumed
  (( SECONDS - start < 300 )) || { echo "FAILED: events not delivered within 5 minutes"; exit 1; }
  sleep 5
done
if [[ -n "${bulk_start:-}" && "$MODES" == "bulk" ]]; then
  awk -v s="$bulk_start" -v e="$(date +%s.%N)" -v n="$ORDERS" 'BEGIN { printf "   bulk: saga settled %.1f s after the first request (at most 5 s late): %.0f orders/s end to end\n", e - s, n / (e - s) }' \
    | tee -a "$WORK/results.txt"
fi
contacts=$(contacts_sql "select count(*) from contact where tenant_id = '$tenant' and source = 'shop'")
echo "   contacts created for the shop's customers: $contacts (customers: $CUSTOMERS)" | tee -a "$WORK/results.txt"
echo "== done: figures in $WORK/results.txt (copy them to docs/benchmarks.md)"
