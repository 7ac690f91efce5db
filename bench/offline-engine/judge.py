#!/usr/bin/env python3
"""Scores the offline engine's answers (HeldOutRunner's JSON lines) against a held-out command file.

Each case is one of: correct (the expected intents, in order, with every expected param matching), a safe miss (the
engine asked a question or gave help instead of acting), or a wrong action (it produced an intent that is not the
expected one, or with a param that does not match, or acted where it should have asked). Only the params the file
gives are compared: times as instants, text case-insensitively without trailing punctuation, people by who they are
(a name, address or number of the same contact), an end time and a duration as the same thing.
"""
import json
import re
import sys
from datetime import datetime, timedelta

PEOPLE = [  # the held-out file's contacts: name, address, E.164 number
    ("Sarah Chen", "sarah.chen@example.com", "+14155550101"),
    ("Sarah O'Neil", "sarah.o@example.org", None),
    ("Bob Smith", "bob@example.com", "+15551234567"),
    ("Mom", "mom@example.net", "+12125550199"),
    ("Marcus Lee", "marcus@example.com", None),
    ("Priya Patel", "priya@example.in", "+919876543210"),
    ("Jean Dupont", "jean@example.fr", "+33612345678"),
]


def norm_text(v):
    return re.sub(r"[\s.!?,;:]+$", "", str(v).strip().lower()).strip("\"'\u201c\u201d")


def digits(v):
    d = re.sub(r"\D", "", str(v))
    return d[-10:] if len(d) >= 10 else d


def who(v):
    """The contact a value names, or a normalised form of the value itself."""
    if isinstance(v, dict):
        for key in ("address", "phone", "name"):
            if v.get(key):
                w = who(v[key])
                if w.startswith("contact:"):
                    return w
        return "text:" + norm_text(v.get("address") or v.get("phone") or v.get("name"))
    s = str(v).strip()
    for name, address, phone in PEOPLE:
        if s.lower() == address or (phone and len(digits(s)) >= 7 and digits(s) == digits(phone)):
            return "contact:" + address
        first = name.split()[0].lower()
        if s.lower() in (name.lower(), first) and sum(1 for n, _, _ in PEOPLE if n.split()[0].lower() == s.lower()) <= 1:
            return "contact:" + address
    if len(digits(s)) >= 7 and re.fullmatch(r"[+\d\s().-]+", s):
        return "number:" + digits(s)
    return "text:" + norm_text(s)


def time_of(v):
    try:
        return datetime.fromisoformat(str(v))
    except ValueError:
        return None


def same(expected, actual, key=""):
    if isinstance(expected, list):
        actual = actual if isinstance(actual, list) else [actual]
        return len(expected) == len(actual) and all(same(e, a, key) for e, a in zip(expected, actual))
    if isinstance(expected, dict) and not ({"name", "address", "phone"} & set(expected)):
        return isinstance(actual, dict) and params_match(expected, actual)
    te, ta = (time_of(expected), time_of(actual)) if isinstance(expected, str) else (None, None)
    if te and te.tzinfo:
        return bool(ta and ta.tzinfo and te == ta)
    if isinstance(expected, dict) or key in ("to", "cc", "from", "attendees", "person"):
        return who(expected) == who(actual)
    if isinstance(expected, bool) or isinstance(expected, (int, float)):
        return expected == actual or str(expected).lower() == str(actual).lower()
    return norm_text(expected) == norm_text(actual)


def params_match(expected, actual):
    for key, value in expected.items():
        if key not in actual:
            if key == "end" and "start" in actual and "durationMinutes" in actual:
                end = time_of(actual["start"]) + timedelta(minutes=int(actual["durationMinutes"]))
                if time_of(value) == end:
                    continue
            if key == "durationMinutes" and "start" in actual and "end" in actual:
                if (time_of(actual["end"]) - time_of(actual["start"])) == timedelta(minutes=int(value)):
                    continue
            return False
        if not same(value, actual[key], key):
            return False
    return True


def unreachable(intent):
    """An intent naming someone without the address or number it needs: chat asks for it instead of acting."""
    need = "phone" if intent["intent"].split(".")[0] in ("sms", "call") else "address"
    params = intent.get("params", {})
    people = []
    for key in ("to", "cc", "attendees"):
        value = params.get(key)
        people += value if isinstance(value, list) else ([value] if value else [])
    return any(isinstance(p, dict) and not p.get(need) for p in people)


def judge(case, answer):
    result = answer.get("result") or {}
    intents = result.get("intents") or []
    expect = case["expect"]
    if expect == "clarification":
        if not intents:
            return "correct", ""
        if any(unreachable(i) for i in intents):
            # chat's gate asks for the missing address or number before any action exists
            return "correct", ""
        return "wrong", "acted where it should have asked"

    if not intents:
        return "safe", result.get("clarification") or "help"
    names = [i["intent"] for i in intents]
    wanted = [e["intent"] for e in expect]
    if names != wanted:
        return "wrong", f"intents {names}, expected {wanted}"
    for e, a in zip(expect, intents):
        if not params_match(e.get("params", {}), a.get("params", {})):
            return "wrong", f"{e['intent']} params {json.dumps(a.get('params'))}, expected {json.dumps(e.get('params'))}"
    return "correct", ""


def main():
    cases = json.load(open(sys.argv[1]))["cases"]
    answers = [json.loads(line) for line in open(sys.argv[2]) if line.startswith("{")]
    counts = {"correct": 0, "safe": 0, "wrong": 0}
    verbose = "-v" in sys.argv
    for case, answer in zip(cases, answers):
        verdict, why = judge(case, answer)
        counts[verdict] += 1
        if verbose and verdict != "correct":
            print(f"{verdict:7} {case['text']!r}: {why}")
    n = len(cases)
    print(f"held-out cases: {n}")
    print(f"correct:        {counts['correct']} ({100 * counts['correct'] / n:.1f}%)")
    print(f"safe misses:    {counts['safe']} (a question or help instead of an action)")
    print(f"wrong actions:  {counts['wrong']}")


if __name__ == "__main__":
    main()
