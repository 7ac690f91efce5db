#!/usr/bin/env bash
# Gateway overhead benchmark: an upstream endpoint hit directly and through the gateway, with and without an access
# token, on this machine only (127.0.0.1). Starts what it needs, stops it afterwards, takes about three minutes.
#   bench/gateway/run.sh             run it (builds the gateway jar first if it is missing)
#   BENCH_SECONDS=20 bench/...       seconds per measured run (default 8)
#   BENCH_STRICT=1 bench/...         exit 1 when a target is missed
# See bench/gateway/README.md for what is measured and how to read it.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/bench/gateway"
APP="${BENCH_GATEWAY_APP:-$ROOT/gateway-service/target/quarkus-app}" # a copy, while a build rewrites target/
SECONDS_PER_RUN="${BENCH_SECONDS:-8}"
CONNECTIONS="${BENCH_CONNECTIONS:-32}"
JVM_OPTS="${BENCH_JVM_OPTS:--Xmx256m -XX:+UseSerialGC}"
WORK="$(mktemp -d /tmp/andy-bench-gateway.XXXXXX)"
PIDS=()

say() { printf '%s\n' "$*"; }
fail() { printf 'bench: %s\n' "$*" >&2; exit 1; }

cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${PIDS[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  rm -rf "$WORK"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
answers() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_for() { # wait_for URL SECONDS [HEADER]
  local deadline=$((SECONDS + $2))
  until curl -fsS -o /dev/null ${3:+-H "$3"} "$1" 2>/dev/null; do
    (( SECONDS < deadline )) || fail "$1 did not answer within $2 s (logs in $WORK)"
    sleep 0.3
  done
}

# --- what the benchmark needs -----------------------------------------------------------------------------------
if ! command -v wrk >/dev/null; then
  if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
    say "installing wrk (Debian package)"
    apt-get install -y --no-install-recommends wrk >/dev/null 2>&1 \
      || { apt-get update -qq && apt-get install -y --no-install-recommends wrk >/dev/null; }
  else
    fail "wrk is missing: apt-get install wrk"
  fi
fi
command -v curl >/dev/null || fail "curl is missing"
if [[ ! -f "$APP/quarkus-run.jar" ]]; then
  say "building the gateway (once)"
  (cd "$ROOT" && ./mvnw -B -q install -DskipTests -pl libs/andy-events && ./mvnw -B -q package -DskipTests -pl gateway-service)
fi

REDIS_PORT="${ANDY_REDIS_PORT:-6379}"
if ! answers "$REDIS_PORT"; then
  command -v redis-server >/dev/null || fail "no Redis on 127.0.0.1:$REDIS_PORT and no redis-server to start"
  REDIS_PORT=$(free_port)
  redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --save "" --appendonly no >"$WORK/redis.log" 2>&1 &
  PIDS+=($!)
  until answers "$REDIS_PORT"; do sleep 0.1; done
fi

UPSTREAM_PORT=$(free_port)
GATEWAY_PORT=$(free_port)
MANAGEMENT_PORT=$(free_port)
say "starting the upstream on 127.0.0.1:$UPSTREAM_PORT and the gateway on 127.0.0.1:$GATEWAY_PORT"
java -Xmx256m -XX:+UseSerialGC -cp "$APP/lib/main/*" "$HERE/BenchUpstream.java" "$UPSTREAM_PORT" "$WORK/token" \
  "${BENCH_SID:-1}" \
  >"$WORK/upstream.log" 2>&1 &
PIDS+=($!)
wait_for "http://127.0.0.1:$UPSTREAM_PORT/api/me" 60

# Limits far above what the load reaches: the Redis round trip is still made on every request, as in production.
ANDY_AUTH_URL="http://127.0.0.1:$UPSTREAM_PORT" \
ANDY_REDIS_URL="redis://127.0.0.1:$REDIS_PORT" \
ANDY_RATE_USER_BURST=1000000000 ANDY_RATE_USER_PER_SECOND=1000000000 \
ANDY_RATE_IP_BURST=1000000000 ANDY_RATE_IP_PER_SECOND=1000000000 \
java $JVM_OPTS \
  -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$GATEWAY_PORT" \
  -Dquarkus.management.host=127.0.0.1 -Dquarkus.management.port="$MANAGEMENT_PORT" \
  -Dquarkus.log.console.json.enabled=false -Dquarkus.log.level=WARN \
  -Dmp.messaging.incoming.notify-user.enabled=false -Dquarkus.kafka.health.enabled=false \
  -jar "$APP/quarkus-run.jar" >"$WORK/gateway.log" 2>&1 &
PIDS+=($!)
TOKEN=$(<"$WORK/token")
AUTH="Authorization: Bearer $TOKEN"
wait_for "http://127.0.0.1:$MANAGEMENT_PORT/q/health/live" 90 # health is on the management interface
wait_for "http://127.0.0.1:$GATEWAY_PORT/api/me" 30 "$AUTH" # the gateway has fetched the signing keys

UP="http://127.0.0.1:$UPSTREAM_PORT"
GW="http://127.0.0.1:$GATEWAY_PORT"
# Two endpoints of the same upstream: "bare" does nothing, "verifying" checks the token as every Andy service does.
# Each is hit directly, through a public gateway route (no token check, per-IP bucket) and through a signed-in route
# (token verified by the gateway, per-user bucket); the Authorization header is sent on every request.
declare -A URL=(
  [bare.direct]="$UP/api/me"                        [bare.public]="$GW/.well-known/profile"
  [bare.token]="$GW/api/me"
  [verifying.direct]="$UP/api/me/verified"          [verifying.public]="$GW/.well-known/profile/verified"
  [verifying.token]="$GW/api/me/verified"
)
CASES=(bare.direct bare.public bare.token verifying.direct verifying.public verifying.token)

# A reference: nginx, a lean C proxy, in front of the same upstream on the same cores (no token check, no Redis).
# It is not a target; it shows what any extra HTTP hop costs on this machine. BENCH_REFERENCE=0 leaves it out.
if [[ "${BENCH_REFERENCE:-1}" == 1 ]] && command -v nginx >/dev/null; then
  NGINX_PORT=$(free_port)
  cat >"$WORK/nginx.conf" <<CONF
daemon off;
worker_processes auto;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  upstream andy { server 127.0.0.1:$UPSTREAM_PORT; keepalive 64; }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location / { proxy_pass http://andy; proxy_http_version 1.1; proxy_set_header Connection ""; }
  }
}
CONF
  nginx -c "$WORK/nginx.conf" -p "$WORK" >"$WORK/nginx.log" 2>&1 &
  PIDS+=($!)
  wait_for "http://127.0.0.1:$NGINX_PORT/api/me" 15 "$AUTH"
  URL[bare.nginx]="http://127.0.0.1:$NGINX_PORT/api/me"
  URL[verifying.nginx]="http://127.0.0.1:$NGINX_PORT/api/me/verified"
  CASES+=(bare.nginx verifying.nginx)
fi

run() { # run CONNECTIONS SECONDS URL -> "rps p50_us p99_us"
  local out line
  out=$(wrk -t1 -c"$1" -d"$2"s --timeout 5s -s "$HERE/report.lua" -H "$AUTH" "$3")
  line=$(grep '^RESULT' <<<"$out") || fail "wrk printed no result for $3: $out"
  [[ $line =~ errors=0$ ]] || fail "errors or non-2xx answers for $3: $line"
  sed -E 's/^RESULT rps=([0-9.]+) p50=([0-9]+) p99=([0-9]+).*/\1 \2 \3/' <<<"$line"
}

say "warming up (JIT) for about 40 s"
run 16 5 "${URL[bare.direct]}" >/dev/null
run 16 5 "${URL[verifying.direct]}" >/dev/null
run 16 15 "${URL[bare.token]}" >/dev/null
run 16 8 "${URL[bare.public]}" >/dev/null
run 16 8 "${URL[verifying.token]}" >/dev/null

declare -A P50 P99 RPS
say "latency: 1 connection, ${SECONDS_PER_RUN} s per case"
for c in "${CASES[@]}"; do
  read -r _ P50[$c] P99[$c] <<<"$(run 1 "$SECONDS_PER_RUN" "${URL[$c]}")"
done
say "throughput: $CONNECTIONS connections, ${SECONDS_PER_RUN} s per case"
for c in "${CASES[@]}"; do
  read -r RPS[$c] _ _ <<<"$(run "$CONNECTIONS" "$SECONDS_PER_RUN" "${URL[$c]}")"
done

args=()
for c in "${CASES[@]}"; do args+=("$c" "${P50[$c]}" "${P99[$c]}" "${RPS[$c]}"); done
status=0
python3 - "$(nproc)" "${args[@]}" <<'PY' || status=$?
import sys
cores, rest = sys.argv[1], sys.argv[2:]
m = {rest[i]: (int(rest[i + 1]) / 1000, int(rest[i + 2]) / 1000, float(rest[i + 3])) for i in range(0, len(rest), 4)}
missed = 0
def mark(ok):
    global missed
    missed += 0 if ok else 1
    return "ok" if ok else "MISSED"
names = {"direct": "direct to the upstream", "public": "gateway, public route", "token": "gateway, access token",
         "nginx": "reference: nginx proxy"}
print()
print(f"Gateway overhead on 127.0.0.1, {cores} cores shared by wrk, the gateway, the upstream and Redis")
print("(latency: 1 connection; throughput: many connections; targets: added p50 <= 1 ms, added p99 <= 5 ms,")
print(" gateway throughput >= 70% of direct)")
for kind, title in (("bare", "upstream endpoint that does nothing"),
                    ("verifying", "upstream endpoint that verifies the token, as every Andy service does")):
    d50, d99, drps = m[kind + ".direct"]
    print()
    print(f"{title}")
    print(f"  {'':26}{'p50 ms':>8}{'p99 ms':>8}{'req/s':>9}   {'added p50':>10}{'added p99':>10}{'throughput':>12}")
    print(f"  {names['direct']:26}{d50:8.3f}{d99:8.3f}{drps:9.0f}")
    for way in ("public", "token"):
        g50, g99, grps = m[f"{kind}.{way}"]
        a50, a99, ratio = g50 - d50, g99 - d99, grps / drps
        print(f"  {names[way]:26}{g50:8.3f}{g99:8.3f}{grps:9.0f}   {a50:7.3f} {mark(a50 <= 1):>2}"
              f"{a99:7.3f} {mark(a99 <= 5):>2}{ratio:8.0%} {mark(ratio >= 0.70)}")
    if kind + ".nginx" in m:
        n50, n99, nrps = m[kind + ".nginx"]
        print(f"  {names['nginx']:26}{n50:8.3f}{n99:8.3f}{nrps:9.0f}   {n50 - d50:7.3f}   {n99 - d99:7.3f}   "
              f"{nrps / drps:8.0%}   (no token check, no Redis; not a target)")
sys.exit(3 if missed else 0)
PY
if [[ $status -ne 0 && "${BENCH_STRICT:-0}" == 1 ]]; then
  exit 1
fi
exit 0
