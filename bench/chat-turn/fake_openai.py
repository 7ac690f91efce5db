#!/usr/bin/env python3
"""A stand-in for an OpenAI-compatible chat-completions endpoint, for bench/chat-turn only.

It streams in the documented format (chat.completion.chunk objects as server-sent events, then [DONE]) after a
fixed delay: a first call asks for the email_list tool, a call that carries a tool result gets a short streamed
answer. GET /stats reports how long it spent on its answers, so the benchmark can subtract the model's own time.
"""
import json
import sys
import threading
import time
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

DELAY = float(sys.argv[2]) / 1000 if len(sys.argv) > 2 else 0.2
lock = threading.Lock()
stats = {"calls": 0, "busy_ms": 0.0}


def chunk(delta, finish=None):
    return {"id": "chatcmpl-bench", "object": "chat.completion.chunk", "created": int(time.time()),
            "model": "bench-model", "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Streamed chunks go out as they are written, as a provider's do: with Nagle's algorithm on, each small write
    # would wait for the client's delayed ACK, and that wait would be counted against Andy.
    disable_nagle_algorithm = True

    def log_message(self, *args):
        pass

    def do_GET(self):
        with lock:
            body = json.dumps(stats).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):
        started = time.monotonic()
        request = json.loads(self.rfile.read(int(self.headers.get("Content-Length", "0"))) or b"{}")
        messages = request.get("messages", [])
        time.sleep(DELAY)
        if any(m.get("role") == "tool" for m in messages):
            words = "Here are your unread emails from today, newest first.".split(" ")
            chunks = [chunk({"role": "assistant", "content": ""})]
            chunks += [chunk({"content": w + " "}) for w in words]
            chunks.append(chunk({}, "stop"))
        else:
            today = datetime.now(timezone.utc).strftime("%Y-%m-%dT00:00:00Z")
            arguments = json.dumps({"unreadOnly": True, "since": today})
            chunks = [chunk({"role": "assistant", "content": None, "tool_calls": [{"index": 0, "id": "call_1",
                      "type": "function", "function": {"name": "email_list", "arguments": ""}}]})]
            chunks += [chunk({"tool_calls": [{"index": 0, "function": {"arguments": arguments[i:i + 8]}}]})
                       for i in range(0, len(arguments), 8)]
            chunks.append(chunk({}, "tool_calls"))
        usage = {"id": "chatcmpl-bench", "object": "chat.completion.chunk", "created": int(time.time()),
                 "model": "bench-model", "choices": [],
                 "usage": {"prompt_tokens": 900, "completion_tokens": 20, "total_tokens": 920}}
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        for c in chunks + [usage]:
            self.write_chunk("data: " + json.dumps(c) + "\n\n")
        self.write_chunk("data: [DONE]\n\n")
        self.wfile.write(b"0\r\n\r\n")
        self.wfile.flush()
        with lock:
            stats["calls"] += 1
            stats["busy_ms"] += (time.monotonic() - started) * 1000

    def write_chunk(self, text):
        data = text.encode()
        self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))


if __name__ == "__main__":
    server = ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Handler)
    server.daemon_threads = True
    server.serve_forever()
