# Shared by the benchmark scripts (source it after cd-ing to the repository root): where the suite is, the
# JDK that runs the load drivers, and the benchmark company's sign-up, sign-in and access tokens.
#   bench_company PREFIX "Company name"   signs in as $BENCH_EMAIL, else signs up a new company; sets
#                                         tenant, owner, access, refresh and email
#   fresh_token FILE                      a new access token into FILE (they live 15 minutes)
PG="${CRM_DB_URL:-postgresql://postgres@127.0.0.1:5432/postgres}"
GATEWAY=${BENCH_GATEWAY:-http://127.0.0.1:8080}
JAVA=$(ls -d /usr/lib/jvm/*25* 2>/dev/null | head -n 1)/bin/java
[[ -x "$JAVA" ]] || JAVA=java

json() { python3 -c "import json,sys; print(json.load(sys.stdin)[sys.argv[1]])" "$1"; }

claim() {  # a claim of the access token on stdin
  python3 -c "
import base64, json, sys
payload = sys.stdin.read().strip().split('.')[1]
print(json.loads(base64.urlsafe_b64decode(payload + '=' * (-len(payload) % 4)))[sys.argv[1]])" "$1"
}

bench_company() {
  local prefix=$1 name=$2 answer
  if [[ -n "${BENCH_EMAIL:-}" ]]; then
    # an earlier run's company, its data already written: sign in and measure again
    echo "== signing in as $BENCH_EMAIL"
    email=$BENCH_EMAIL
    answer=$(curl -fsS -H 'Content-Type: application/json' -X POST "$GATEWAY/api/identity/token" \
      -d "{\"email\":\"$email\",\"password\":\"benchmark password\"}")
    access=$(json accessToken <<<"$answer")
    tenant=$(claim tenant_id <<<"$access")
    owner=$(claim sub <<<"$access")
  else
    echo "== signing up the benchmark company"
    email="$prefix-$(date +%s)@example.com"
    answer=$(curl -fsS -H 'Content-Type: application/json' -X POST "$GATEWAY/api/identity/signup" \
      -d "{\"companyName\":\"$name $(date +%F)\",\"fullName\":\"Bench Admin\",\"email\":\"$email\",\"password\":\"benchmark password\"}")
    access=$(json accessToken <<<"$answer")
    tenant=$(json tenantId <<<"$answer")
    owner=$(json userId <<<"$answer")
    echo "   (measure it again later with BENCH_EMAIL=$email)"
  fi
  refresh=$(json refreshToken <<<"$answer")
}

fresh_token() {
  local answer
  answer=$(curl -fsS -H 'Content-Type: application/json' -X POST "$GATEWAY/api/identity/token/refresh" \
    -d "{\"refreshToken\":\"$refresh\"}")
  refresh=$(json refreshToken <<<"$answer")
  json accessToken <<<"$answer" >"$1"
}
