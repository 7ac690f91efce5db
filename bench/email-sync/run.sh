#!/usr/bin/env bash
# Email sync benchmark: the packaged email-service makes the initial sync of a Gmail mailbox from a fake that
# enforces Gmail's per-person quota (429 above it). Starts what it needs, stops it afterwards; about five minutes for
# 10,000 messages, most of it the quota itself.
#   bench/email-sync/run.sh                      10,000 messages, fake quota 250 units/s, service budget 200
#   BENCH_MESSAGES=1000 bench/email-sync/run.sh  a quicker run
#   BENCH_QUOTA=250                              units per person per second the fake enforces (Gmail's limit)
#   BENCH_BUDGET=200                             andy.email.gmail.quota-units-per-second given to email-service
#   BENCH_JVM_OPTS="..."                         email-service's JVM flags (default: those ./andy uses)
#   BENCH_BUILD=0                                skip the build (use what target/ holds)
#   BENCH_STRICT=1                               exit 1 when a target is missed
#   BENCH_KEEP=1                                 keep the scratch directory (service log, driver's stderr)
# See bench/email-sync/README.md for what is measured and how to read it.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
MODULE="$ROOT/email-service"
APP="$MODULE/target/quarkus-app"
CLASSPATH_FILE="$MODULE/target/bench.classpath"
MESSAGES="${BENCH_MESSAGES:-10000}"
QUOTA="${BENCH_QUOTA:-250}"
BUDGET="${BENCH_BUDGET:-200}"
JVM_OPTS="${BENCH_JVM_OPTS:--Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k}"
WORK="$(mktemp -d /tmp/andy-bench-email-sync.XXXXXX)"

fail() { printf 'bench: %s\n' "$*" >&2; exit 1; }
# The driver stops everything it started (service, fake, stand-in, Kafka) and drops its database itself; what is
# left here is its scratch space, Kafka's log directory included (java.io.tmpdir points into it).
cleanup() {
  if [[ "${BENCH_KEEP:-0}" == 1 ]]; then printf 'bench: kept %s\n' "$WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

[[ "$MESSAGES" =~ ^[0-9]+$ && "$MESSAGES" -gt 0 ]] || fail "BENCH_MESSAGES must be a positive number"
[[ "$QUOTA" =~ ^[0-9]+$ ]] || fail "BENCH_QUOTA must be a number (0 = no quota)"
[[ "$BUDGET" =~ ^[0-9]+$ && "$BUDGET" -gt 0 ]] || fail "BENCH_BUDGET must be a positive number"

# --- build: email-service's runner jar and its test classes (the driver, the fake), plus their class path --------
# package, not install: nothing is written to the shared ~/.m2, the reactor resolves the sibling modules itself.
if [[ "${BENCH_BUILD:-1}" != 0 || ! -f "$APP/quarkus-run.jar" || ! -f "$CLASSPATH_FILE" ]]; then
  printf 'bench: building email-service and its test classes (offline)\n'
  (cd "$ROOT" && ./mvnw -B -q -o package -DskipTests -pl email-service -am \
    dependency:build-classpath -Dmdep.outputFile=target/bench.classpath) >"$WORK/build.log" 2>&1 \
    || { tail -n 30 "$WORK/build.log" >&2; fail "the build failed"; }
fi
[[ -f "$APP/quarkus-run.jar" ]] || fail "no $APP/quarkus-run.jar after the build"

mkdir -p "$WORK/tmp" "$WORK/run"
CP="$MODULE/target/test-classes:$MODULE/target/classes:$(<"$CLASSPATH_FILE")"
status=0
# The driver hosts Kafka, the fake Gmail and the auth-service stand-in; 1 GB leaves them room to never be the limit.
java -Xmx1g -XX:+UseSerialGC -Djava.io.tmpdir="$WORK/tmp" \
  -Dbench.app="$APP" -Dbench.work="$WORK/run" -Dbench.messages="$MESSAGES" -Dbench.quota="$QUOTA" \
  -Dbench.budget="$BUDGET" -Dbench.jvmOpts="$JVM_OPTS" \
  -cp "$CP" ai.andy.email.bench.EmailSyncBench 2>"$WORK/driver.err" || status=$?
if [[ $status -eq 1 ]]; then
  tail -n 40 "$WORK/driver.err" >&2
  [[ -f "$WORK/run/email-service.log" ]] && cp "$WORK/run/email-service.log" /tmp/andy-bench-email-sync.last.log \
    && printf 'bench: email-service log kept in /tmp/andy-bench-email-sync.last.log\n' >&2
  exit 1
fi
if [[ $status -ne 0 && "${BENCH_STRICT:-0}" == 1 ]]; then
  exit 1
fi
exit 0
