#!/usr/bin/env python3
"""Drives chat turns through the gateway and reports latency percentiles (bench/chat-turn)."""
import http.client
import json
import os
import random
import statistics
import sys
import time

GATEWAY = os.environ.get("BENCH_GATEWAY", "127.0.0.1:8080")
TURNS = int(os.environ.get("BENCH_TURNS", "200"))
WARMUP = int(os.environ.get("BENCH_WARMUP", "30"))
FAKE = os.environ.get("BENCH_FAKE_MODEL")  # host:port of the fake model when the model path is measured
TEXT = "show my unread emails from today"


def call(method, path, body=None, token=None, accept="application/json"):
    conn = http.client.HTTPConnection(GATEWAY, timeout=60)
    headers = {"Content-Type": "application/json", "Accept": accept}
    if token:
        headers["Authorization"] = "Bearer " + token
    conn.request(method, path, json.dumps(body) if body is not None else None, headers)
    return conn, conn.getresponse()


def json_call(method, path, body=None, token=None):
    conn, response = call(method, path, body, token)
    data = response.read()
    conn.close()
    if response.status >= 300:
        sys.exit(f"bench: {method} {path} answered {response.status}: {data[:300]!r}")
    return json.loads(data) if data else None


def fake_busy_ms():
    conn = http.client.HTTPConnection(FAKE, timeout=10)
    conn.request("GET", "/stats")
    stats = json.loads(conn.getresponse().read())
    conn.close()
    return stats["busy_ms"]


def turn(token, conversation):
    """One turn; returns (milliseconds to the done event, the answer text)."""
    started = time.perf_counter()
    conn, response = call("POST", f"/api/chat/conversations/{conversation}/messages", {"text": TEXT}, token,
                          "text/event-stream")
    if response.status != 200:
        sys.exit(f"bench: a turn answered {response.status}: {response.read()[:300]!r}")
    event, answer, errors = None, None, []
    while True:
        line = response.readline()
        if not line:
            break
        line = line.decode().rstrip("\n")
        if line.startswith("event:"):
            event = line[6:].strip()
        elif line.startswith("data:") and event in ("done", "error"):
            data = json.loads(line[5:].strip())
            if event == "error":
                errors.append(data["message"])
            else:
                answer = data["text"]
                break
    elapsed = (time.perf_counter() - started) * 1000
    conn.close()
    if answer is None or errors:
        sys.exit(f"bench: a turn did not finish well: {errors or 'no done event'}")
    return elapsed, answer


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered) + 0.5) - 1))]


def main():
    email = f"bench-{random.randrange(10**9)}@example.org"
    json_call("POST", "/api/auth/signup", {"email": email, "password": "a long bench passphrase",
                                           "displayName": "Bench", "timezone": "Europe/Paris"})
    token = json_call("POST", "/api/auth/login", {"email": email, "password": "a long bench passphrase"})[
        "accessToken"]
    conversation = json_call("POST", "/api/chat/conversations", {}, token)["id"]
    # The person's mailbox opens from user.created; wait until the demo inbox is there.
    for _ in range(120):
        if any(a.get("lastSyncedAt") for a in json_call("GET", "/api/email/accounts", None, token)):
            break
        time.sleep(0.5)
    for _ in range(WARMUP):
        turn(token, conversation)
    latencies, model = [], []
    answer = ""
    for i in range(TURNS):
        # A new conversation now and then, as a person would start one: history stays the size of a real chat's.
        if i % 20 == 0:
            conversation = json_call("POST", "/api/chat/conversations", {}, token)["id"]
        before = fake_busy_ms() if FAKE else 0
        elapsed, answer = turn(token, conversation)
        latencies.append(elapsed)
        if FAKE:
            model.append(fake_busy_ms() - before)
    result = {"turns": TURNS, "p50_ms": round(percentile(latencies, 50), 1),
              "p99_ms": round(percentile(latencies, 99), 1), "mean_ms": round(statistics.mean(latencies), 1),
              "max_ms": round(max(latencies), 1), "answer_starts": answer[:60]}
    if FAKE:
        added = [t - m for t, m in zip(latencies, model)]
        result.update({"model_p50_ms": round(percentile(model, 50), 1),
                       "added_p50_ms": round(percentile(added, 50), 1),
                       "added_p99_ms": round(percentile(added, 99), 1)})
    print(json.dumps(result))


if __name__ == "__main__":
    main()
