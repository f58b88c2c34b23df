#!/usr/bin/env bash
# Importing one million CSV rows with duplicate checking, through the real import API of a running
# contacts-service: signs up a company at the gateway, writes a CSV (names, a phone, an e-mail; one row
# in ten repeats an earlier row's phone, so it is a duplicate), uploads it straight to contacts-service
# (the gateway is not what is measured, and a million rows are larger than its default upload limit),
# starts it with duplicates skipped and polls until it is committed. Prints the time of each stage.
#
#   bench/contacts/import.sh [rows] [first]  (default 1000000 rows numbered from 0; needs ./crm up, started
#                                             with CRM_CONTACTS_IMPORT_MAX_FILE_SIZE=200MB
#                                             CRM_CONTACTS_IMPORT_MAX_REQUEST_SIZE=201MB for a million rows)
#
# BENCH_EMAIL=<the admin an earlier run printed> imports into that run's company instead of a new one, so
# that duplicates are looked for among the cards it already holds: with first=500000 the file's first half
# (phones and e-mails 500000 to 999999) repeats cards of the earlier run and is skipped.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
ROWS=${1:-1000000}
FIRST=${2:-0}
WORK=$PWD/.crm/bench
mkdir -p "$WORK"
GATEWAY=http://127.0.0.1:8080
CONTACTS=http://127.0.0.1:8082
json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
since() { awk -v a="$1" -v b="$(date +%s%N)" 'BEGIN { printf "%.1f", (b - a) / 1e9 }'; }

if [[ -n "${BENCH_EMAIL:-}" ]]; then
  email=$BENCH_EMAIL
  echo "== signing in as $email, into the company an earlier run filled"
  token=$(curl -fsS -H 'Content-Type: application/json' -X POST "$GATEWAY/api/identity/token" \
    -d "{\"email\":\"$email\",\"password\":\"benchmark password\"}" | json "['accessToken']")
else
  email="import-$(date +%s)@example.com"
  echo "== signing up the import company (its admin: $email)"
  token=$(curl -fsS -H 'Content-Type: application/json' -X POST "$GATEWAY/api/identity/signup" \
    -d "{\"companyName\":\"Import benchmark\",\"fullName\":\"Bench Admin\",\"email\":\"$email\",\"password\":\"benchmark password\"}" \
    | json "['accessToken']")
fi

echo "== writing $ROWS rows numbered from $FIRST"
python3 - "$WORK/import.csv" "$ROWS" "$FIRST" <<'PY'
import random, sys
path, rows, start = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
random.seed(7)
first = ['Олена', 'Тарас', 'Іван', 'Марія', 'Андрій', 'Оксана', 'Дмитро', 'Наталія', 'Olena', 'Taras', 'John', 'Emma']
stems = ['Шевч', 'Ковал', 'Бондар', 'Ткач', 'Кравч', 'Олійн', 'Мельн', 'Мороз', 'Литвин', 'Coval', 'Shevch']
ends = ['енко', 'ук', 'чук', 'ишин', 'ець', 'як', 'ко', 'ов']
with open(path, 'w', encoding='utf-8') as out:
    out.write('Прізвище,Ім\'я,Телефон,E-mail\n')
    for n in range(start, start + rows):
        phone = n - 7 if n % 10 == 9 else n  # every tenth row repeats an earlier row's phone
        out.write(f'{random.choice(stems)}{random.choice(ends)},{random.choice(first)},'
                  f'+38067{phone:07d},client{n}@example.com\n')
PY
ls -l "$WORK/import.csv" | awk '{printf "   %.1f MB\n", $5 / 1048576}'

echo "== uploading to contacts-service"
start=$(date +%s%N)
upload=$(curl -fsS -H "Authorization: Bearer $token" -F "file=@$WORK/import.csv;type=text/csv" "$CONTACTS/api/contacts/imports")
id=$(json "['id']" <<<"$upload")
mapping=$(python3 -c "import json,sys; print(json.dumps([{'column': c['index'], 'field': c['suggestedField']} for c in json.load(sys.stdin)['columns']]))" <<<"$upload")
printf '   uploaded and analysed in %.1f s; mapping %s\n' "$(since "$start")" "$mapping"

start=$(date +%s%N)
curl -fsS -o /dev/null -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -X POST "$CONTACTS/api/contacts/imports/$id/start" -d "{\"mapping\":$mapping,\"duplicates\":\"SKIP\"}"
while true; do
  sleep 2
  view=$(curl -fsS -H "Authorization: Bearer $token" "$CONTACTS/api/contacts/imports/$id")
  status=$(json "['status']" <<<"$view")
  [[ $status == RUNNING ]] || break
done
printf '   %s after %.1f s: %s\n' "$status" "$(since "$start")" "$(json "['counts']" <<<"$view")"
start=$(date +%s%N)
while [[ $(curl -fsS -H "Authorization: Bearer $token" "$CONTACTS/api/contacts/imports/$id" | json "['announced']") -lt \
         $(json "['counts']['created']" <<<"$view") ]]; do
  sleep 5
done
printf '   every contact.created announced %.1f s after the commit\n' "$(since "$start")"
