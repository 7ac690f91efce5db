#!/usr/bin/env bash
# Scores the offline intent engine on a held-out command file: ./bench/offline-engine/run.sh FILE [-v]
# FILE defaults to the newest held-out set in this folder. Compiles chat-service's test classes first.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
FILE="${1:-$(ls "$ROOT"/bench/offline-engine/heldout-*.json | tail -n 1)}"
CP_FILE="$ROOT/chat-service/target/test.classpath"
(cd "$ROOT" && ./mvnw -q -pl chat-service -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/test.classpath >/dev/null)
CP="$ROOT/chat-service/target/test-classes:$ROOT/chat-service/target/classes:$(<"$CP_FILE")"
OUT="$ROOT/chat-service/target/heldout-answers.jsonl"
java -cp "$CP" ai.andy.chat.intent.HeldOutRunner "$FILE" >"$OUT"
python3 "$ROOT/bench/offline-engine/judge.py" "$FILE" "$OUT" "${@:2}"
