#!/usr/bin/env bash
# Contacts at a million records: search and card latency through the gateway, and what the indexes buy
# compared with plain ILIKE. Starts the suite with ./crm up (the gateway's per-user rate limit raised so
# that the load is measured, not refused), signs up a benchmark company, writes one million contacts
# into its database (generate.sql), then drives each scenario with LoadDriver.java.
#
#   bench/contacts/run.sh [rows] [requests] [concurrency]     (defaults: 1000000 2000 4)
#   BENCH_EMAIL=bench-...@example.com bench/contacts/run.sh ...  measures an earlier run's company again
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
ROOT=$PWD
ROWS=${1:-1000000}
REQUESTS=${2:-2000}
CONCURRENCY=${3:-4}
WORK=$ROOT/.crm/bench
mkdir -p "$WORK"
source bench/common/suite.sh
DB="${PG%/*}/crm_contacts"

export CRM_GATEWAY_RATELIMIT_PERUSER=100000000
./crm up

bench_company bench "Benchmark"
if [[ -z "${BENCH_EMAIL:-}" ]]; then
  echo "== writing $ROWS contacts for tenant $tenant"
  start=$SECONDS
  psql -q "$DB" -v tenant="$tenant" -v owner="$owner" -v rows="$ROWS" -f bench/contacts/generate.sql
  echo "   generated in $((SECONDS - start)) s"
fi

echo "== the requests: misspelt surnames, phones typed with spaces and dashes, e-mail fragments, cards"
psql -qAt "$DB" -v tenant="$tenant" >"$WORK/sample.tsv" <<'SQL'
select last_name, phone, email, id from contact where tenant_id = :'tenant' order by random() limit 500;
SQL
psql -qAt "$DB" -v tenant="$tenant" >"$WORK/cards.txt" <<'SQL'
select distinct contact_id from timeline_entry where tenant_id = :'tenant';
SQL
python3 - "$WORK" <<'PY'
import sys, urllib.parse
work = sys.argv[1]
rows = [line.rstrip('\n').split('|') for line in open(f'{work}/sample.tsv') if line.strip()]
q = lambda text: '/api/contacts?q=' + urllib.parse.quote(text)
def typo(name):  # one letter dropped from the middle, as fast typing does
    return name[:len(name) // 2] + name[len(name) // 2 + 1:] if len(name) > 4 else name
def dashed(phone):  # "+380 67 123 4567" -> "067 123-45-67"
    digits = phone.replace(' ', '')[4:]
    return f'0{digits[:2]} {digits[2:5]}-{digits[5:7]}-{digits[7:]}'
with open(f'{work}/search-name-typo.txt', 'w') as f:
    f.writelines(q(typo(r[0])) + '\n' for r in rows)
with open(f'{work}/search-phone.txt', 'w') as f:
    f.writelines(q(dashed(r[1])) + '\n' for r in rows)
with open(f'{work}/search-email.txt', 'w') as f:
    f.writelines(q(r[2].split('@')[0]) + '\n' for r in rows)
cards = [line.strip() for line in open(f'{work}/cards.txt') if line.strip()]
with open(f'{work}/card.txt', 'w') as f:
    f.writelines(f'/api/contacts/{c}\n' for c in cards)
with open(f'{work}/timeline.txt', 'w') as f:
    f.writelines(f'/api/contacts/{c}/timeline\n' for c in cards)
with open(f'{work}/list.txt', 'w') as f:
    f.write('/api/contacts\n/api/contacts?sort=name\n/api/contacts?tag=wholesale&status=ACTIVE\n')
PY

echo "== load through the gateway: $REQUESTS requests per scenario, $CONCURRENCY at a time"
for scenario in search-name-typo search-phone search-email list card timeline; do
  fresh_token "$WORK/token"
  "$JAVA" bench/common/LoadDriver.java "$GATEWAY" "$WORK/token" "$scenario" "$WORK/$scenario.txt" \
    "$REQUESTS" "$CONCURRENCY"
done

echo "== the same searches as plain ILIKE, straight in PostgreSQL (no trigram or point indexes used)"
name=$(head -n 1 "$WORK/sample.tsv" | cut -d'|' -f1)
part=${name:0:$(( ${#name} - 2 ))}
digits=$(head -n 1 "$WORK/sample.tsv" | cut -d'|' -f2 | tr -d ' +' | cut -c 4-)
psql -qAt "$DB" -v tenant="$tenant" -v part="%$part%" -v digits="%$digits%" <<'SQL'
\timing on
select 'ILIKE name fragment, 3 runs:';
select count(*) from (select id from contact where tenant_id = :'tenant' and deleted_at is null
  and (last_name ilike :'part' or first_name ilike :'part') order by updated_at desc limit 51) x;
select count(*) from (select id from contact where tenant_id = :'tenant' and deleted_at is null
  and (last_name ilike :'part' or first_name ilike :'part') order by updated_at desc limit 51) x;
select count(*) from (select id from contact where tenant_id = :'tenant' and deleted_at is null
  and (last_name ilike :'part' or first_name ilike :'part') order by updated_at desc limit 51) x;
select 'ILIKE phone digits, 3 runs:';
select count(*) from (select id from contact where tenant_id = :'tenant' and deleted_at is null
  and replace(phone, ' ', '') ilike :'digits' order by updated_at desc limit 51) x;
select count(*) from (select id from contact where tenant_id = :'tenant' and deleted_at is null
  and replace(phone, ' ', '') ilike :'digits' order by updated_at desc limit 51) x;
select count(*) from (select id from contact where tenant_id = :'tenant' and deleted_at is null
  and replace(phone, ' ', '') ilike :'digits' order by updated_at desc limit 51) x;
SQL
echo "== done; the suite keeps running (./crm down stops it). Benchmark tenant: $tenant"
