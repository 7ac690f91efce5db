#!/usr/bin/env bash
# Gateway overhead benchmark: one upstream endpoint hit directly and through the gateway, with and without an access
# token, on this machine only (127.0.0.1). Starts what it needs, stops it afterwards, takes about two minutes.
#   bench/gateway/run.sh             run it (builds the gateway jar first if it is missing)
#   BENCH_SECONDS=20 bench/...       seconds per measured run (default 10)
#   BENCH_STRICT=1 bench/...         exit 1 when a target is missed
# See bench/gateway/README.md for what is measured and how to read it.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/bench/gateway"
APP="$ROOT/gateway-service/target/quarkus-app"
SECONDS_PER_RUN="${BENCH_SECONDS:-10}"
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
say "starting the upstream on 127.0.0.1:$UPSTREAM_PORT and the gateway on 127.0.0.1:$GATEWAY_PORT"
java -Xmx256m -XX:+UseSerialGC -cp "$APP/lib/main/*" "$HERE/BenchUpstream.java" "$UPSTREAM_PORT" "$WORK/token" \
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
  -Dquarkus.log.console.json.enabled=false -Dquarkus.log.level=WARN \
  -Dmp.messaging.incoming.notify-user.enabled=false -Dquarkus.kafka.health.enabled=false \
  -jar "$APP/quarkus-run.jar" >"$WORK/gateway.log" 2>&1 &
PIDS+=($!)
TOKEN=$(<"$WORK/token")
AUTH="Authorization: Bearer $TOKEN"
wait_for "http://127.0.0.1:$GATEWAY_PORT/q/health/live" 90
wait_for "http://127.0.0.1:$GATEWAY_PORT/api/me" 30 "$AUTH" # the gateway has fetched the signing keys

DIRECT="http://127.0.0.1:$UPSTREAM_PORT/api/me"
PUBLIC="http://127.0.0.1:$GATEWAY_PORT/.well-known/profile" # a public route: same upstream handler, no token
SIGNED="http://127.0.0.1:$GATEWAY_PORT/api/me"              # a signed-in route: token verified, per-user bucket

run() { # run CONNECTIONS SECONDS URL -> "rps p50_us p99_us"
  local out
  out=$(wrk -t1 -c"$1" -d"$2"s --timeout 5s -s "$HERE/report.lua" -H "$AUTH" "$3")
  local line
  line=$(grep '^RESULT' <<<"$out") || fail "wrk printed no result for $3: $out"
  [[ $line =~ errors=0$ ]] || fail "errors or non-2xx answers for $3: $line"
  sed -E 's/^RESULT rps=([0-9.]+) p50=([0-9]+) p99=([0-9]+).*/\1 \2 \3/' <<<"$line"
}

say "warming up (JIT) for $((3 * 8)) s"
run 16 8 "$DIRECT" >/dev/null
run 16 8 "$SIGNED" >/dev/null
run 16 8 "$PUBLIC" >/dev/null

say "latency: 1 connection, ${SECONDS_PER_RUN} s per run"
read -r _ d_p50 d_p99 <<<"$(run 1 "$SECONDS_PER_RUN" "$DIRECT")"
read -r _ p_p50 p_p99 <<<"$(run 1 "$SECONDS_PER_RUN" "$PUBLIC")"
read -r _ s_p50 s_p99 <<<"$(run 1 "$SECONDS_PER_RUN" "$SIGNED")"
say "throughput: $CONNECTIONS connections, ${SECONDS_PER_RUN} s per run"
read -r d_rps _ _ <<<"$(run "$CONNECTIONS" "$SECONDS_PER_RUN" "$DIRECT")"
read -r p_rps _ _ <<<"$(run "$CONNECTIONS" "$SECONDS_PER_RUN" "$PUBLIC")"
read -r s_rps _ _ <<<"$(run "$CONNECTIONS" "$SECONDS_PER_RUN" "$SIGNED")"

status=0
python3 - "$d_p50" "$d_p99" "$p_p50" "$p_p99" "$s_p50" "$s_p99" "$d_rps" "$p_rps" "$s_rps" "$(nproc)" <<'PY' || status=$?
import sys
d50, d99, p50, p99, s50, s99 = (int(x) / 1000 for x in sys.argv[1:7])
drps, prps, srps = (float(x) for x in sys.argv[7:10])
cores = sys.argv[10]
missed = 0
def verdict(ok):
    global missed
    missed += 0 if ok else 1
    return "ok" if ok else "MISSED"
print()
print(f"Gateway overhead on 127.0.0.1 ({cores} cores; wrk, gateway, upstream and Redis share them)")
print(f"{'':34}{'p50 ms':>9}{'p99 ms':>9}{'req/s':>11}")
print(f"{'direct to the upstream':34}{d50:9.3f}{d99:9.3f}{drps:11.0f}")
print(f"{'gateway, public route (no token)':34}{p50:9.3f}{p99:9.3f}{prps:11.0f}")
print(f"{'gateway, access token':34}{s50:9.3f}{s99:9.3f}{srps:11.0f}")
print()
for name, g50, g99, grps in (("public route", p50, p99, prps), ("access token", s50, s99, srps)):
    a50, a99, ratio = g50 - d50, g99 - d99, grps / drps
    print(f"{name:13} added p50 {a50:6.3f} ms (target <= 1 ms: {verdict(a50 <= 1)})"
          f"   added p99 {a99:6.3f} ms (target <= 5 ms: {verdict(a99 <= 5)})"
          f"   throughput {ratio:6.1%} of direct (target >= 70%: {verdict(ratio >= 0.70)})")
sys.exit(3 if missed else 0)
PY
if [[ $status -ne 0 && "${BENCH_STRICT:-0}" == 1 ]]; then
  exit 1
fi
exit 0
