#!/usr/bin/env python3
"""Bad input against every running service, read from its own OpenAPI document.

Each POST, PUT and PATCH operation with a JSON body gets malformed JSON, trailing garbage, a duplicated key, wrong
types, 1 MB strings, NUL characters, lone surrogates, huge arrays, JSON null, an empty body and wrong content types,
as the person whose access token is given. Nothing may answer 5xx, and every error must be problem+json.

  fuzz.py --token ACCESS_TOKEN [--host 127.0.0.1] [--ports 8080,8081,...] [--verbose]

Prints one line per finding and a summary; exits 1 on any 5xx or any error that is not problem+json.
Standard library only, so it runs wherever the stack test runs.
"""
import argparse
import http.client
import json
import sys
import time
import uuid

BIG = "a" * (1024 * 1024)
HUGE_ARRAY_LENGTH = 100_000


def fetch_openapi(host, port):
    try:
        conn = http.client.HTTPConnection(host, port, timeout=10)
        conn.request("GET", "/q/openapi?format=json", headers={"Accept": "application/json"})
        resp = conn.getresponse()
        body = resp.read()
        conn.close()
        if resp.status != 200:
            return None
        return json.loads(body)
    except (OSError, ValueError):
        return None


def resolve(schema, doc, depth=0):
    """The schema with $ref, allOf and nullable wrappers resolved, as far as a fuzzer needs."""
    if not isinstance(schema, dict) or depth > 8:
        return {}
    if "$ref" in schema:
        name = schema["$ref"].split("/")[-1]
        return resolve(doc.get("components", {}).get("schemas", {}).get(name, {}), doc, depth + 1)
    if "allOf" in schema:
        merged = {"type": "object", "properties": {}}
        for part in schema["allOf"]:
            part = resolve(part, doc, depth + 1)
            merged["properties"].update(part.get("properties", {}))
            if part.get("type") not in (None, "object"):
                merged = dict(part)  # a scalar or array refined by allOf: take it as it is
        return merged
    for key in ("oneOf", "anyOf"):
        if key in schema and schema[key]:
            non_null = [s for s in schema[key] if resolve(s, doc, depth + 1).get("type") != "null"]
            return resolve((non_null or schema[key])[0], doc, depth + 1)
    return schema


def kind(schema):
    t = schema.get("type")
    if isinstance(t, list):
        t = next((x for x in t if x != "null"), None)
    if t is None and "properties" in schema:
        t = "object"
    return t


def sample(schema, doc, depth=0):
    """A plausible value of the schema, used as the base the cases break one way each."""
    schema = resolve(schema, doc)
    t = kind(schema)
    if "enum" in schema and schema["enum"]:
        return schema["enum"][0]
    if t == "object":
        if depth > 3:
            return {}
        return {name: sample(prop, doc, depth + 1) for name, prop in schema.get("properties", {}).items()}
    if t == "array":
        return [sample(schema.get("items", {}), doc, depth + 1)]
    if t in ("integer", "number"):
        return 1
    if t == "boolean":
        return True
    fmt = schema.get("format", "")
    if fmt == "date-time":
        return "2030-01-01T10:00:00Z"
    if fmt == "date":
        return "2030-01-01"
    if fmt == "uuid":
        return str(uuid.uuid4())
    return "fuzz"


def wrong_type(schema, doc):
    t = kind(resolve(schema, doc))
    return {"string": {"not": "a string"}, "integer": "not a number", "number": "NaN?", "boolean": "yes please",
            "array": "not a list", "object": ["not", "an", "object"]}.get(t, 12345)


def string_fields(schema, doc):
    schema = resolve(schema, doc)
    return [n for n, p in schema.get("properties", {}).items() if kind(resolve(p, doc)) in ("string", None)]


def array_fields(schema, doc):
    schema = resolve(schema, doc)
    return [n for n, p in schema.get("properties", {}).items() if kind(resolve(p, doc)) == "array"]


def cases(schema, doc):
    """(name, content type, body bytes) for one operation's request body schema."""
    base = sample(schema, doc)
    top = kind(resolve(schema, doc))
    dumps = lambda v: json.dumps(v).encode()
    yield "malformed JSON", "application/json", b'{"a": '
    yield "trailing garbage", "application/json", dumps(base) + b" {}"
    yield "JSON null", "application/json", b"null"
    yield "empty body", "application/json", b""
    yield "wrong top-level type", "application/json", b'"just a string"' if top in ("object", "array") else b"{}"
    yield "huge top-level array", "application/json", dumps([base] * 1000) if top != "array" else dumps(base * HUGE_ARRAY_LENGTH)
    if top == "object" and isinstance(base, dict):
        props = resolve(schema, doc).get("properties", {})
        if base:
            first = next(iter(base))
            yield "duplicate key", "application/json", ('{"%s": %s, "%s": %s}' % (
                first, json.dumps(base[first]), first, json.dumps(base[first]))).encode()
            yield "every field of the wrong type", "application/json", dumps(
                {n: wrong_type(p, doc) for n, p in props.items()})
        strings = string_fields(schema, doc)
        for name in strings:
            yield f"1 MB string in {name}", "application/json", dumps({**base, name: BIG})
            yield f"NUL in {name}", "application/json", dumps({**base, name: "a\u0000b"})
            yield f"lone surrogate in {name}", "application/json", json.dumps(
                {**base, name: "x"}, ensure_ascii=True).replace('"x"', '"a\\ud800b"', 1).encode()
        for name in array_fields(schema, doc):
            item = base[name][0] if isinstance(base.get(name), list) and base[name] else "x"
            yield f"huge array in {name}", "application/json", dumps({**base, name: [item] * HUGE_ARRAY_LENGTH})
            yield f"NUL inside array {name}", "application/json", dumps({**base, name: ["a\u0000"]})
    yield "text/plain body", "text/plain", dumps(base)
    yield "XML body", "application/xml", b"<a>b</a>"
    yield "form body", "application/x-www-form-urlencoded", b"a=b&c=%00"
    yield "no content type", None, dumps(base)


def operations(doc):
    for path, item in doc.get("paths", {}).items():
        for method in ("post", "put", "patch"):
            op = item.get(method)
            if not op:
                continue
            content = op.get("requestBody", {}).get("content", {})
            json_body = next((v for k, v in content.items() if "json" in k), None)
            if json_body is None:
                continue  # no JSON body: sending one would only run the operation, with nothing to break
            yield method.upper(), path, json_body.get("schema", {})


def concrete(path):
    out = []
    for part in path.split("/"):
        out.append(str(uuid.uuid4()) if part.startswith("{") else part)
    return "/".join(out)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--token", required=True)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--ports", default="8080,8081,8082,8083,8084,8085,8086")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()

    tried = server_errors = not_problem = 0
    findings = []
    services = 0
    for port in [int(p) for p in args.ports.split(",")]:
        doc = fetch_openapi(args.host, port)
        if doc is None:
            print(f"fuzz: no OpenAPI document at port {port}; skipped")
            continue
        services += 1
        title = doc.get("info", {}).get("title", str(port))
        conn = http.client.HTTPConnection(args.host, port, timeout=30)
        for method, path, schema in operations(doc):
            for name, ctype, body in cases(schema, doc):
                headers = {"Authorization": "Bearer " + args.token, "Accept": "application/json",
                           "Idempotency-Key": "fuzz-" + str(uuid.uuid4())}
                if ctype:
                    headers["Content-Type"] = ctype
                started = time.monotonic()
                try:
                    conn.request(method, concrete(path), body=body, headers=headers)
                    resp = conn.getresponse()
                    text = resp.read()
                    status, rtype = resp.status, resp.getheader("Content-Type", "")
                    if resp.getheader("Connection", "").lower() == "close":
                        conn.close()
                except (OSError, http.client.HTTPException) as e:
                    conn.close()
                    conn = http.client.HTTPConnection(args.host, port, timeout=30)
                    status, rtype, text = 599, "", str(e).encode()
                tried += 1
                took = time.monotonic() - started
                where = f"{title}: {method} {path} [{name}]"
                if took > 5:
                    findings.append(f"slow  {status} {where}: {took:.1f} s")
                if status >= 500:
                    server_errors += 1
                    findings.append(f"5xx   {status} {where}: {text[:160]!r}")
                elif status >= 400 and not rtype.startswith("application/problem+json"):
                    not_problem += 1
                    findings.append(f"plain {status} {where}: {rtype or 'no content type'} {text[:100]!r}")
                elif args.verbose:
                    print(f"ok    {status} {where} {took:.2f} s")
        conn.close()
    for line in findings:
        print(line)
    print(f"fuzz: {tried} requests to {services} services, {server_errors} answered 5xx, "
          f"{not_problem} errors without problem+json")
    sys.exit(1 if server_errors or not_problem or services == 0 else 0)


if __name__ == "__main__":
    main()
