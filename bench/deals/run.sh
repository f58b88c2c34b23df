#!/usr/bin/env bash
# The kanban board of a deal pipeline holding 100,000 deals: board, column pages, filtered boards and the
# list of all leads and deals, through the gateway (target: board p95 under 100 ms). Starts the suite with
# ./crm up (the gateway's per-user rate limit raised so that the load is measured, not refused), signs up
# a benchmark company, seeds its funnels through the API, writes the deals into its order funnel
# (generate.sql), then drives each scenario with bench/common/LoadDriver.java.
#
#   bench/deals/run.sh [rows] [requests] [concurrency]     (defaults: 100000 2000 4)
#   BENCH_EMAIL=bench-deals-...@example.com bench/deals/run.sh ...  measures an earlier run's company again
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
ROOT=$PWD
ROWS=${1:-100000}
REQUESTS=${2:-2000}
CONCURRENCY=${3:-4}
WORK=$ROOT/.crm/bench/deals
mkdir -p "$WORK"
source bench/common/suite.sh
DB="${PG%/*}/crm_deals"

export CRM_GATEWAY_RATELIMIT_PERUSER=100000000
./crm up

bench_company bench-deals "Deals benchmark"

# the company's funnels: seeded on tenant.created, or by this first request if that has not arrived yet
curl -fsS -H "Authorization: Bearer $access" "$GATEWAY/api/deals/pipelines?kind=DEAL" >"$WORK/pipelines.json"
pipeline=$(python3 -c "
import json, sys
print(next(p['id'] for p in json.load(open(sys.argv[1])) if p.get('code') == 'orders'))" "$WORK/pipelines.json")

if [[ -z "${BENCH_EMAIL:-}" ]]; then
  echo "== writing $ROWS deals into pipeline $pipeline of tenant $tenant"
  start=$SECONDS
  psql -q "$DB" -v tenant="$tenant" -v owner="$owner" -v pipeline="$pipeline" -v rows="$ROWS" \
    -f bench/deals/generate.sql
  echo "   generated in $((SECONDS - start)) s"
fi

echo "== the requests"
fresh_token "$WORK/token"
board="/api/deals/pipelines/$pipeline/board"
curl -fsS -H "Authorization: Bearer $(cat "$WORK/token")" "$GATEWAY$board" >"$WORK/board.json"
python3 - "$WORK" "$board" "$pipeline" "$owner" <<'PY'
import json, sys, urllib.parse
work, board, pipeline, owner = sys.argv[1:5]
columns = json.load(open(f'{work}/board.json'))['columns']
print('   columns:', ', '.join(f"{c['code'] or c['name']} {c['count']}" for c in columns))
with open(f'{work}/board.txt', 'w') as f:
    f.write(board + '\n')
with open(f'{work}/board-filtered.txt', 'w') as f:
    f.writelines(board + q + '\n' for q in ['?paymentStatus=SUCCESSFUL', '?source=facebook', f'?owner={owner}',
                                            '?createdFrom=2026-01-01T00:00:00Z', '?unassigned=true'])
with open(f'{work}/board-search.txt', 'w') as f:
    f.writelines(board + '?q=' + urllib.parse.quote(q) + '\n' for q in ['Коваленко', 'Заказ №150000', '#4242', 'SO-1234'])
with open(f'{work}/column-page.txt', 'w') as f:
    f.writelines(f"{board}/stages/{c['stageId']}?cursor={c['nextCursor']}\n" for c in columns if c['nextCursor'])
with open(f'{work}/list.txt', 'w') as f:
    f.writelines(['/api/deals/items\n', '/api/deals/items?type=deal&paymentStatus=SUCCESSFUL\n',
                  f'/api/deals/items?pipeline={pipeline}&source=shop\n', '/api/deals/deals?q=' + urllib.parse.quote('Антонов') + '\n'])
PY

echo "== load through the gateway: $REQUESTS requests per scenario, $CONCURRENCY at a time"
for scenario in board board-filtered board-search column-page list; do
  fresh_token "$WORK/token"
  "$JAVA" bench/common/LoadDriver.java "$GATEWAY" "$WORK/token" "$scenario" "$WORK/$scenario.txt" \
    "$REQUESTS" "$CONCURRENCY"
done

echo "== the board's statements in PostgreSQL"
psql -qAt "$DB" -v tenant="$tenant" -v pipeline="$pipeline" <<'SQL'
set max_parallel_workers_per_gather = 0;
set random_page_cost = 1.1;
explain (analyze, costs off, timing on) select x.stage_id, x.currency, count(*), sum(x.amount) from deal x
  where x.tenant_id = :'tenant' and x.pipeline_id = :'pipeline' group by x.stage_id, x.currency
  order by x.stage_id, x.currency;
SQL
echo "== done; the suite keeps running (./crm down stops it). Benchmark tenant: $tenant"
