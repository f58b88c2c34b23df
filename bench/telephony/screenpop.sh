#!/usr/bin/env bash
# Screen-pop latency through the gateway (issue 6; target p99 under 100 ms): the exchange's webhook POST with a
# real API key (scope telephony:write) -> telephony-service matches the caller and the extension -> call.ringing
# -> notifications-service -> the user's open WebSocket /ws/notifications, at 10 and at 100 calls per second.
# Starts the suite with ./crm up (BENCH_NO_UP=1: use the running one), signs up a benchmark company, maps the
# administrator to extension 101 and creates the contacts who call.
#
#   bench/telephony/screenpop.sh [seconds-per-rate] [contacts] [rates...]   (defaults: 30 20 10 100)
#
# The suite it starts runs with the JIT of the deployed images (deploy/docker/Dockerfile: both compilers,
# 128 MB of code cache) instead of ./crm's lean default (C1 only, for start-up time and memory on a laptop):
# BENCH_JAVA_OPTS overrides that. Before measuring it warms the suite up for BENCH_WARMUP seconds (default
# 180): a third at 30, a third at 60 and a third at 100 calls a second, so that the hot paths are compiled by
# C2 as in a service that has been taking calls for a while (a fresh suite cannot take 100 a second at once).
# The suite's JVMs get the heap and collector of the deployed images (deploy/docker/Dockerfile: 70 % of the
# 768 MB a service container may use, where the JVM picks the serial collector itself; Kafka as
# docker-compose.yml and Kafka's own start script run it: G1, 512 MB).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
SECONDS_PER_RATE=${1:-30}
CONTACTS=${2:-20}
RATES=("${@:3}")
(( ${#RATES[@]} )) || RATES=(10 100)
WORK=.crm/bench/telephony
mkdir -p "$WORK"
source bench/common/suite.sh

export CRM_GATEWAY_RATELIMIT_PERAPIKEY=100000000
export CRM_JAVA_OPTS="${BENCH_JAVA_OPTS:--XX:+UseSerialGC -Xms192m -Xmx512m -XX:MaxMetaspaceSize=256m -XX:ReservedCodeCacheSize=128m -Xss512k -XX:+ExitOnOutOfMemoryError}"
export CRM_KAFKA_JAVA_OPTS="${BENCH_KAFKA_JAVA_OPTS:--XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35 -Xms256m -Xmx512m -XX:+ExitOnOutOfMemoryError}"
[[ -n "${BENCH_NO_UP:-}" ]] || ./crm up

echo "== the benchmark company, its exchange's API key, extension 101 and $CONTACTS calling contacts"
BENCH_EMAIL= bench_company bench-calls "Screen-pop benchmark"
auth=(-H "Authorization: Bearer $access" -H 'Content-Type: application/json')
key=$(curl -fsS "${auth[@]}" -X POST "$GATEWAY/api/identity/api-keys" \
  -d '{"name":"Benchmark exchange","scopes":["telephony:write"]}' | json key)
curl -fsS "${auth[@]}" -X PUT "$GATEWAY/api/telephony/extensions/101" -d "{\"userId\":\"$owner\"}" >/dev/null
callers=()
for ((i = 1; i <= CONTACTS; i++)); do
  phone=$(printf '+38067%07d' $((5000000 + i)))
  curl -fsS "${auth[@]}" -X POST "$GATEWAY/api/contacts" -d "{\"firstName\":\"Caller\",\"lastName\":\"No $i\",
    \"vip\":$([[ $((i % 5)) == 0 ]] && echo true || echo false),
    \"points\":[{\"kind\":\"PHONE\",\"value\":\"$phone\"}]}" >/dev/null
  callers+=("$phone")
done
# telephony learns the phones from contact.created; give the projection a moment
sleep 3

# the driver compiled once, not by the source launcher at the start of every run
"$(dirname "$JAVA")/javac" -d "$WORK/classes" bench/telephony/ScreenPop.java
# The driver stands for the exchange and the manager's browser, which are other machines in production; here it
# shares the two cores with the suite, so it runs lean: C1 only (a new driver JVM per run would otherwise spend
# half its CPU in C2 compiling during the measured seconds), the serial GC and a small heap.
run() {  # label rate seconds line-prefix
  "$JAVA" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx256m -cp "$WORK/classes" ScreenPop "$GATEWAY" "$access" "$key" 101 "$2" "$3" "$1" "$4" "${callers[@]}" \
    | tee -a "$WORK/results.txt"
}
WARMUP=${BENCH_WARMUP:-180}
echo "== warming up: $WARMUP s at 30, 60 and 100 calls/s"
for warm in 30 60 100; do
  (( WARMUP / 3 > 0 )) && { run "warm-up $warm/s" "$warm" $((WARMUP / 3)) "+3804420" >/dev/null || true; }
done
sleep 10
echo "== $(date -u +%FT%TZ) screen pop, $SECONDS_PER_RATE s per rate, $CONTACTS callers" | tee -a "$WORK/results.txt"
run_no=1
for rate in "${RATES[@]}"; do
  # a label (the exchange's call ids) and a line prefix per run: a rate measured twice must not repeat the
  # first run's calls (they would be duplicates and never pop), and each call's frame is told apart by the
  # number it rang: +380442, the run's digit, then the call's five
  run "run $run_no, $rate calls/s" "$rate" "$SECONDS_PER_RATE" "+380442$run_no" || true
  run_no=$((run_no + 1))
  sleep 10   # the queues drain before the next rate
done
echo "== done: figures in $WORK/results.txt (copy them to docs/benchmarks.md)"
