#!/usr/bin/env bash
# Faults against a running stack, as a person would feel them. Needs ./andy up with embedded PostgreSQL and Redis (it
# restarts only servers ./andy started, never a machine's shared ones), e.g.:
#   ANDY_DB_PORT=55432 ANDY_REDIS_PORT=56379 ./andy up && tests/system/faults.sh; ./andy down
# 1. Kafka killed (SIGKILL) and restarted while confirmed sends and chat turns run: every mail lands exactly once.
# 2. email-service killed (SIGKILL) right after a send is confirmed, then restarted: exactly one mail.
# 3. Redis stopped: sign-in, mail listing and a chat turn answer without 5xx (what each use chooses is printed).
# 4. PostgreSQL restarted: services serve again without a restart of their own.
# Prints the figures (requests tried, 5xx seen, mails lost or duplicated) and "faults: N passed, N failed" last.
set -uo pipefail
cd "$(dirname "$0")/../.."
STATE="${ANDY_HOME:-$PWD/.andy}"
gw=http://127.0.0.1:8080
passed=0; failed=0; lost=0; duplicated=0
calls="$STATE/faults.calls"; : >"$calls" # one line per request, "CODE METHOD PATH" (calls run in subshells too)
errors5xx() { grep -c -E '^(5|000)' "$calls"; }
check() { local what=$1; shift; if "$@"; then passed=$((passed + 1)); echo "ok    $what"; else failed=$((failed + 1)); echo "FAIL  $what"; fi; }
pid_of() { cat "$STATE/pids/$1.pid" 2>/dev/null; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# call METHOD PATH [curl args...]: the body on stdout; counts the request and any 5xx
call() {
  local method=$1 path=$2 out code; shift 2
  out=$(mktemp)
  code=$(curl -s -o "$out" -w '%{http_code}' --max-time 40 -X "$method" -H 'Content-Type: application/json' "$@" "$gw$path")
  echo "$code $method $path" >>"$calls"
  if [[ "$code" =~ ^5 || "$code" == 000 ]]; then
    echo "      $code $method $path: $(head -c 200 "$out")" >&2
  fi
  cat "$out"; rm -f "$out"
}

# Remember how ./andy started NAME (command line and environment), to start it again the same way after a kill.
remember() {
  local pid; pid=$(pid_of "$1")
  [[ -n "$pid" && -r /proc/$pid/cmdline ]] || return 1
  cp "/proc/$pid/cmdline" "$STATE/$1.cmdline"; cp "/proc/$pid/environ" "$STATE/$1.environ"
}
relaunch() {
  local name=$1 cmd env
  mapfile -d '' cmd <"$STATE/$name.cmdline"; mapfile -d '' env <"$STATE/$name.environ"
  setsid env -i "${env[@]}" "${cmd[@]}" >>"$STATE/logs/$name.log" 2>&1 </dev/null &
  echo $! >"$STATE/pids/$name.pid"
}
kill9() { local pid; pid=$(pid_of "$1"); kill -KILL -- "-$pid" 2>/dev/null; while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done; }
wait_ready() { # wait_ready PORT SECONDS
  local deadline=$((SECONDS + $2))
  until [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$1/q/health/ready") == 200 ]]; do
    (( SECONDS < deadline )) || return 1; sleep 0.5
  done
}

person() { # person NAME: signs up and prints an access token
  local email="fault-$1-$RANDOM$RANDOM@example.org"
  call POST /api/auth/signup -d "{\"email\":\"$email\",\"password\":\"a long enough passphrase\",\"displayName\":\"$1\",\"timezone\":\"Europe/Berlin\"}" >/dev/null
  local token="" deadline=$((SECONDS + 30))
  until [[ -n "$token" ]] || (( SECONDS > deadline )); do
    token=$(call POST /api/auth/login -d "{\"email\":\"$email\",\"password\":\"a long enough passphrase\"}" \
      | sed -n 's/.*"accessToken":"\([^"]*\)".*/\1/p')
    [[ -n "$token" ]] || sleep 2
  done
  [[ -n "$token" ]] || { echo "faults: cannot sign in (sign-in throttled for this address?)" >&2; exit 1; }
  echo "$email $token"
}
read -r sender_email access < <(person Sender)
read -r friend friend_access < <(person Friend)
[[ -n "${access:-}" && -n "${friend_access:-}" ]] || exit 1
auth() { echo "Authorization: Bearer $1"; }
for _ in $(seq 60); do call GET /api/email/accounts -H "$(auth "$friend_access")" | grep -q '"lastSyncedAt":"' && break; sleep 0.5; done
conversation=$(call POST /api/chat/conversations -H "$(auth "$access")" -d '{}' | sed -n 's/.*"id":"\([^"]*\)".*/\1/p')

ask_send() { # ask_send WORD: the pending action's id for "email the friend saying WORD"
  call POST "/api/chat/conversations/$conversation/messages" -H "$(auth "$access")" -H 'Accept: text/event-stream' \
    -H "Idempotency-Key: fault-$1" -d "{\"text\":\"email $friend saying $1 has landed\"}" \
    | grep -A1 '^event: *action' | sed -n 's/^data: *{"id":"\([^"]*\)".*/\1/p'
}
confirm() { call POST "/api/chat/actions/$1/confirm" -H "$(auth "$access")" >/dev/null; }
mails_with() { # how many messages in the friend's inbox carry WORD
  call GET "/api/email/messages?q=$1&limit=50" -H "$(auth "$friend_access")" \
    | python3 -c 'import json,sys
d=json.load(sys.stdin); items=d if isinstance(d,list) else next((v for v in d.values() if isinstance(v,list)),[])
print(sum(1 for m in items if sys.argv[1].lower() in json.dumps(m).lower()))' "$1" 2>/dev/null || echo 0
}
exactly_once() { # exactly_once SECONDS WORD...: each word's mail arrives, once; counts lost and duplicated
  local deadline=$((SECONDS + $1)) word n ok=0; shift
  while (( SECONDS < deadline )); do
    ok=1; for word in "$@"; do [[ $(mails_with "$word") -ge 1 ]] || ok=0; done
    (( ok )) && break; sleep 1
  done
  sleep 3 # a duplicate would come right behind
  ok=0
  for word in "$@"; do
    n=$(mails_with "$word")
    if [[ "$n" == 0 ]]; then lost=$((lost + 1)); ok=1; echo "      lost: $word" >&2
    elif [[ "$n" -gt 1 ]]; then duplicated=$((duplicated + n - 1)); ok=1; echo "      $n mails: $word" >&2; fi
  done
  return $ok
}

# 1. Kafka
remember kafka || { echo "faults: Kafka was not started by ./andy; nothing to kill"; exit 1; }
words=(); actions=()
for i in 1 2 3 4; do w="kestrel$i$RANDOM"; a=$(ask_send "$w"); [[ -n "$a" ]] && { words+=("$w"); actions+=("$a"); }; done
(( ${#actions[@]} == 4 )) || { echo "faults: chat did not prepare 4 sends (${#actions[@]})"; exit 1; }
confirm "${actions[0]}"; confirm "${actions[1]}" & confirming=$!
sleep 0.3; kill9 kafka; echo "      kafka killed"
confirm "${actions[2]}"
call POST "/api/chat/conversations/$conversation/messages" -H "$(auth "$access")" -H 'Accept: text/event-stream' \
  -d '{"text":"show my unread emails"}' >/dev/null
relaunch kafka; echo "      kafka restarted"
until port_open "${ANDY_KAFKA_PORT:-9092}"; do sleep 0.3; done
confirm "${actions[3]}"
wait "$confirming"
check "Kafka killed and restarted during 4 confirmed sends: each mail lands exactly once" exactly_once 120 "${words[@]}"

# 2. email-service SIGKILLed right after a confirmed send
remember email-service
w="osprey$RANDOM"; a=$(ask_send "$w")
confirm "$a" & confirming=$!
sleep 0.2; kill9 email-service; echo "      email-service killed"
relaunch email-service; wait "$confirming"
check "email-service back within 120 s" wait_ready 8083 120
check "email-service killed during a confirmed send: exactly one mail" exactly_once 90 "$w"

# 3. Redis stopped
if remember redis; then
  kill9 redis; echo "      redis stopped"
  before=$(errors5xx)
  login=$(call POST /api/auth/login -d "{\"email\":\"$friend\",\"password\":\"a long enough passphrase\"}")
  echo "      sign-in without Redis: $(grep -q accessToken <<<"$login" && echo 'works (throttling fails open)' || echo "refused: $(head -c 120 <<<"$login")")"
  call POST /api/auth/login -d "{\"email\":\"$friend\",\"password\":\"wrong passphrase\"}" >/dev/null
  call GET "/api/email/messages?limit=5" -H "$(auth "$access")" >/dev/null
  call POST "/api/chat/conversations/$conversation/messages" -H "$(auth "$access")" -H 'Accept: text/event-stream' \
    -d '{"text":"show my unread emails"}' >/dev/null
  relaunch redis; until port_open "${ANDY_REDIS_PORT:-6379}"; do sleep 0.3; done; echo "      redis restarted"
  check "with Redis stopped, sign-in, mail and chat answer without 5xx" test "$(errors5xx)" = "$before"
else
  echo "skip  Redis was not started by ./andy (a shared server is never stopped here)"
fi

# 4. PostgreSQL restarted
if remember postgres; then
  pid=$(pid_of postgres); kill -TERM -- "-$pid"; while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
  echo "      postgres stopped"; relaunch postgres; until port_open "${ANDY_DB_PORT:-5432}"; do sleep 0.3; done
  echo "      postgres restarted"
  recovered() {
    local deadline=$((SECONDS + 60))
    while (( SECONDS < deadline )); do
      call POST /api/auth/login -d "{\"email\":\"$friend\",\"password\":\"a long enough passphrase\"}" 2>/dev/null | grep -q accessToken \
        && call GET "/api/email/messages?limit=5" -H "$(auth "$access")" 2>/dev/null | grep -q '"id"' \
        && call GET "/api/chat/conversations" -H "$(auth "$access")" 2>/dev/null | grep -q '"id"' && return 0
      sleep 1
    done
    return 1
  }
  t=$SECONDS
  check "after PostgreSQL restarted, auth, email and chat serve again without being restarted" recovered
  echo "      served again $((SECONDS - t)) s after PostgreSQL was back"
else
  echo "skip  PostgreSQL was not started by ./andy (a shared server is never restarted here)"
fi

echo "faults: $(wc -l <"$calls") requests, $(errors5xx) answered 5xx (or no answer), $lost mails lost, $duplicated duplicated"
echo "faults: $passed passed, $failed failed"
[[ $failed == 0 ]]
