#!/usr/bin/env bash
# The whole stack as a person runs it: ./andy up, one person signs up at auth-service, email-service (another
# process) opens their local mailbox from the user.created event on the real broker, then ./andy down frees
# every port. Prints "stack: N passed, N failed" last.
set -uo pipefail
cd "$(dirname "$0")/../.."

passed=0; failed=0
FAKE_GOOGLE_PORT=18089
check() { # check "what" command...
  local what=$1; shift
  if "$@"; then passed=$((passed + 1)); echo "ok    $what"; else failed=$((failed + 1)); echo "FAIL  $what"; fi
}
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
finish() { ./andy down >/dev/null 2>&1 || true; [[ -n "${fake_google:-}" ]] && kill "$fake_google" 2>/dev/null; echo "stack: $passed passed, $failed failed"; [[ $failed == 0 ]]; }
trap 'finish; exit $?' EXIT

for p in 8080 8081 8082 8083 8084 8085 8086 9080 "$FAKE_GOOGLE_PORT"; do
  if port_open "$p"; then echo "port $p is taken by something else: cannot run the stack test"; failed=1; exit 1; fi
done

# A fake Google (WireMock, the same jar the tests use) so a person can connect an account end to end.
wiremock_jar=$(tr ':' '\n' < libs/andy-test-support/target/runtime.classpath 2>/dev/null | grep wiremock-standalone | head -n 1)
if [[ -z "$wiremock_jar" ]]; then
  ./mvnw -B -q package -DskipTests -Dmdep.includeScope=runtime -Dmdep.outputFile=target/runtime.classpath \
    dependency:build-classpath -pl libs/andy-test-support -am >/dev/null
  wiremock_jar=$(tr ':' '\n' < libs/andy-test-support/target/runtime.classpath | grep wiremock-standalone | head -n 1)
fi
java -Xmx128m -jar "$wiremock_jar" --port "$FAKE_GOOGLE_PORT" --bind-address 127.0.0.1 \
  --root-dir tests/system/google-fake --global-response-templating --disable-banner >/tmp/andy-fake-google.log 2>&1 &
fake_google=$!
fake="http://127.0.0.1:$FAKE_GOOGLE_PORT/google"
export ANDY_GOOGLE_CLIENT_ID=stack-test-client ANDY_GOOGLE_CLIENT_SECRET=stack-test-secret \
  ANDY_GOOGLE_AUTHORIZE_URL="$fake/auth" ANDY_GOOGLE_TOKEN_URL="$fake/token" ANDY_GOOGLE_USERINFO_URL="$fake/userinfo" \
  ANDY_GOOGLE_REVOKE_URL="$fake/revoke" ANDY_GMAIL_ROOT_URL="http://127.0.0.1:$FAKE_GOOGLE_PORT/"

start=$SECONDS
check "./andy up brings every service to ready" ./andy up
echo "      (up took $((SECONDS - start)) s)"
check "./andy status shows the seven services UP" \
  bash -c '[[ $(./andy status | grep -c -E "service +[0-9]+ +80[0-9]{2} +UP") == 7 ]]'
check "a second ./andy up says so and changes nothing" \
  bash -c './andy up | grep -q "already running" && [[ $(./andy status | grep -c " UP ") -ge 7 ]]'

email="stack-$RANDOM$RANDOM@example.org"
code=$(curl -s -o /tmp/andy-signup.json -w '%{http_code}' -H 'Content-Type: application/json' \
  -d "{\"email\":\"$email\",\"password\":\"a long enough passphrase\",\"displayName\":\"Stack Test\",\"timezone\":\"Europe/Berlin\"}" \
  http://127.0.0.1:8081/api/auth/signup)
check "sign-up at auth-service answers 201" test "$code" = 201
user_id=$(sed -n 's/.*"id":"\([^"]*\)".*/\1/p' /tmp/andy-signup.json)

mailbox_opened() {
  local deadline=$((SECONDS + 30)) n
  while (( SECONDS < deadline )); do
    n=$(psql -h 127.0.0.1 -p "${ANDY_DB_PORT:-5432}" -U "${ANDY_DB_USER:-postgres}" -d andy_email -tAc \
      "select count(*) from mail_account where user_id = '$user_id' and provider = 'local' and address = '$email'" 2>/dev/null)
    [[ "$n" == 1 ]] && return 0
    sleep 0.5
  done
  return 1
}
if command -v psql >/dev/null; then
  check "email-service opened the new person's local mailbox from auth-service's user.created" mailbox_opened
else
  echo "skip  the cross-service check needs psql, which this machine lacks"
fi

# Through the gateway, as the web client does it.
gw=http://127.0.0.1:8080
login=$(curl -s -H 'Content-Type: application/json' \
  -d "{\"email\":\"$email\",\"password\":\"a long enough passphrase\"}" "$gw/api/auth/login")
access=$(sed -n 's/.*"accessToken":"\([^"]*\)".*/\1/p' <<<"$login")
check "sign-in through the gateway gives an access token" test -n "$access"
check "the gateway refuses /api/me without a token" \
  test "$(curl -s -o /dev/null -w '%{http_code}' "$gw/api/me")" = 401
check "the gateway passes /api/me with the token to auth-service" \
  bash -c "curl -s -H 'Authorization: Bearer $access' $gw/api/me | grep -q '\"email\":\"$email\"'"
# The local mailbox through the gateway: the demo inbox, then mail between two people on this machine.
api() { curl -s -H "Authorization: Bearer $1" -H 'Content-Type: application/json' "${@:2}"; }
demo_inbox() {
  local deadline=$((SECONDS + 30))
  while (( SECONDS < deadline )); do
    api "$access" "$gw/api/email/messages?limit=5" | grep -q '"demo":true' && return 0
    sleep 0.5
  done
  return 1
}
check "the new person's demo inbox is listed through the gateway" demo_inbox
friend="stack-friend-$RANDOM$RANDOM@example.org"
curl -s -o /dev/null -H 'Content-Type: application/json' \
  -d "{\"email\":\"$friend\",\"password\":\"another long passphrase\",\"displayName\":\"Friend\",\"timezone\":\"Europe/Berlin\"}" \
  "$gw/api/auth/signup"
friend_access=$(curl -s -H 'Content-Type: application/json' \
  -d "{\"email\":\"$friend\",\"password\":\"another long passphrase\"}" "$gw/api/auth/login" \
  | sed -n 's/.*"accessToken":"\([^"]*\)".*/\1/p')
subject="Stack test $RANDOM"
friend_has_mail() {
  local deadline=$((SECONDS + 30))
  # The friend's mailbox opens from the user.created event; mail to them is refused as "not delivered" until then.
  while (( SECONDS < deadline )); do
    api "$friend_access" "$gw/api/email/accounts" | grep -q '"lastSyncedAt":"' && break
    sleep 0.5
  done
  code=$(api "$access" -o /dev/null -w '%{http_code}' -H "Idempotency-Key: stack-$RANDOM" \
    -d "{\"to\":[\"$friend\"],\"subject\":\"$subject\",\"body\":\"Sent through the gateway.\"}" \
    "$gw/api/email/messages")
  [[ "$code" == 201 ]] && api "$friend_access" "$gw/api/email/messages?q=$(sed 's/ /%20/g' <<<"$subject")" | grep -q "$subject"
}
check "mail sent through the gateway lands in the other person's local inbox" friend_has_mail

interpreted() {
  # chat-service's offline engine, with the name resolved by email-service from the demo inbox (service to service).
  api "$access" -d '{"text":"email Sarah saying the slides are ready","timezone":"Europe/Berlin"}' \
    "$gw/api/chat/interpret" | grep -q '"address":"sarah.chen@example.com"'
}
check "chat interprets a command through the gateway and resolves Sarah from the person's mail" interpreted

# A chat turn end to end: gateway -> chat-service -> chat.intent on Kafka -> email-service (local mailbox) ->
# email.fetched -> the answer streamed back as server-sent events.
conversation=$(api "$access" -d '{}' "$gw/api/chat/conversations" | sed -n 's/.*"id":"\([^"]*\)".*/\1/p')
chat_turn() {
  local stream
  stream=$(api "$access" -N -H 'Accept: text/event-stream' -d '{"text":"show my unread emails from today"}' \
    "$gw/api/chat/conversations/$conversation/messages")
  grep -q '^event: *done' <<<"$stream" && grep -q 'Looking at your inbox' <<<"$stream" \
    && grep -q 'unread email' <<<"$stream" && ! grep -qE 'did not answer|could not reach' <<<"$stream"
}
check "a chat turn through the gateway streams the person's unread mail from email-service over Kafka" chat_turn
chat_send_confirmed() {
  local word="pelican$RANDOM" stream action status
  stream=$(api "$access" -N -H 'Accept: text/event-stream' -d "{\"text\":\"email $friend saying $word has landed\"}" \
    "$gw/api/chat/conversations/$conversation/messages")
  action=$(grep -A1 '^event: *action' <<<"$stream" | sed -n 's/^data: *{"id":"\([^"]*\)".*/\1/p')
  [[ -n "$action" ]] || return 1
  # Nothing is sent before the person confirms.
  sleep 2
  api "$friend_access" "$gw/api/email/messages?q=$word" | grep -qi "$word" && return 1
  # The action's own status comes first; the outcome inside it has one too.
  status=$(api "$access" -X POST "$gw/api/chat/actions/$action/confirm" | grep -o '"status":"[a-z]*"' | head -1)
  [[ "$status" == '"status":"executed"' ]] || return 1
  api "$friend_access" "$gw/api/email/messages?q=$word" | grep -qi "$word"
}
check "an email asked for in chat waits for confirmation, then lands in the other person's inbox" chat_send_confirmed

# Calendar, tasks, texts and speech through chat, each answered by its own service over Kafka.
turn() { # turn TEXT: the SSE stream of one chat turn
  api "$access" -N -H 'Accept: text/event-stream' -d "{\"text\":\"$1\"}" "$gw/api/chat/conversations/$conversation/messages"
}
confirm_action() { # confirm_action STREAM: confirms the pending action the stream proposed; true when executed
  local action status
  action=$(grep -A1 '^event: *action' <<<"$1" | sed -n 's/^data: *{"id":"\([^"]*\)".*/\1/p')
  [[ -n "$action" ]] || return 1
  status=$(api "$access" -X POST "$gw/api/chat/actions/$action/confirm" | grep -o '"status":"[a-z]*"' | head -1)
  [[ "$status" == '"status":"executed"' ]]
}
calendar_turn() {
  local stream
  stream=$(turn "what's on my calendar this week")
  grep -q '^event: *done' <<<"$stream" && ! grep -qE 'did not answer|could not reach' <<<"$stream" && grep -q 'event' <<<"$stream"
}
check "chat lists the person's week from calendar-service (the demo calendar)" calendar_turn
task_turn() {
  turn "remind me to renew the parking permit tomorrow at 9am" | grep -q 'Added to your tasks' || return 1
  api "$access" "$gw/api/tasks" | grep -qi 'renew the parking permit'
}
check "a task asked for in chat is on the person's task list" task_turn
invite_turn() {
  local stream
  stream=$(turn "schedule a planning lunch with $friend tomorrow at noon")
  confirm_action "$stream" || return 1
  api "$access" "$gw/api/calendar/events?from=$(date -u -d tomorrow +%Y-%m-%dT00:00:00Z)&to=$(date -u -d '2 days' +%Y-%m-%dT00:00:00Z)" \
    | grep -qi 'planning lunch'
}
check "an event with an attendee waits for confirmation, then is on the calendar" invite_turn
sms_turn() {
  local stream
  stream=$(turn "text +14155550123 saying the parcel is at the door")
  # Nothing is sent before the person confirms.
  api "$access" "$gw/api/telephony/sms/threads" | grep -qi 'parcel is at the door' && return 1
  confirm_action "$stream" || return 1
  api "$access" "$gw/api/telephony/sms/threads" | grep -qi 'parcel is at the door' \
    && api "$access" "$gw/api/telephony/sms/threads" | grep -q '"simulated":true'
}
check "a text asked for in chat is sent on the simulated carrier only after confirmation" sms_turn
speech_turn() {
  local url audio
  url=$(turn "say good morning out loud" | grep -o 'http[^" ]*/api/voice/audio/[^" \\]*' | sed -n 1p)
  [[ -n "$url" ]] || return 1
  # The signed URL needs no token; the audio is a WAV file. (Read whole: with pipefail, a reader that stops early
  # would fail the pipeline.)
  audio=$(mktemp)
  curl -s -o "$audio" "$url"
  [[ $(head -c 4 "$audio") == RIFF ]]; local riff=$?
  rm -f "$audio"
  return $riff
}
if command -v espeak-ng >/dev/null; then
  check "chat speaks through voice-service: a signed audio URL that plays without a token" speech_turn
else
  echo "skip  speech needs espeak-ng, which this machine lacks"
fi

authorize=$(curl -s -X POST -H "Authorization: Bearer $access" "$gw/api/connections/google" \
  | sed -n 's/.*"authorizationUrl":"\([^"]*\)".*/\1/p')
landing=$(curl -s -L -o /dev/null -w '%{url_effective}' "$authorize")
check "connecting Google through the gateway lands on the client with outcome=connected" \
  bash -c "[[ '$landing' == '$gw/?connection=google&outcome=connected' || '$landing' == 'http://localhost:8080/?connection=google&outcome=connected' ]]"
check "the connected account is listed" \
  bash -c "curl -s -H 'Authorization: Bearer $access' $gw/api/connections | grep -q 'stack.test@gmail.com'"
gmail_synced() {
  # email-service learns of the connection from connection.changed, takes the Gmail token from auth-service with its
  # service credential, and syncs the (empty) mailbox at the fake, which only answers to that token.
  local deadline=$((SECONDS + 45))
  while (( SECONDS < deadline )); do
    api "$access" "$gw/api/email/accounts" | tr '{' '\n' | grep -A1 '"provider":"gmail"' | grep -q '"lastSyncedAt":"' && return 0
    sleep 1
  done
  return 1
}
check "email-service syncs the connected Gmail account with a token from auth-service" gmail_synced

check "bad input to every service's POST/PUT/PATCH answers problem+json, never 5xx (tests/system/fuzz.py)" \
  python3 tests/system/fuzz.py --token "$access"

check "./andy down stops everything it started" ./andy down
ports_free() { for p in 8080 8081 8082 8083 8084 8085 8086 9080 9092; do port_open "$p" && return 1; done; return 0; }
check "ports 8080-8086 and Kafka's are free again" ports_free
check "no process of ./andy's is left" bash -c '! pgrep -f "D[a]ndy-process=" >/dev/null'
