#!/usr/bin/env bash
# Telephony benchmark: how long a caller waits for Andy's TwiML, webhook in, TwiML out, on real PostgreSQL and Kafka
# (libs/andy-test-support), voice-service faked (no greeting, 404). Prints a table; also in
# telephony-service/target/bench-telephony.md. About 5 minutes with the build.
#   BENCH_CALLS=500 BENCH_WARMUP=100 bench/telephony/run.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
./mvnw -q -pl telephony-service -am -Dsurefire.failIfNoSpecifiedTests=false -Dtest=TwimlLatencyBench \
  -Dbench.calls="${BENCH_CALLS:-500}" -Dbench.warmup="${BENCH_WARMUP:-100}" verify
cat telephony-service/target/bench-telephony.md
