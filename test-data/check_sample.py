#!/usr/bin/env python3
"""Independent cross-check of the raw-events sample.

Re-reads every file under test-data/warehouse/raw/events, applies the ingest rules (DATA-CONTRACT.md
section 2, late_days from the expected file) with its own line splitter, UTF-8 check and strict JSON
parser, and compares the outcome of every line with test-data/expected/ingest-events.json and
ingest-events-lines.tsv, which make_sample.py wrote from construction labels. Exits 1 on any difference.

Usage: python3 test-data/check_sample.py
"""

import bz2
import json
import os
import re
import sys
import zlib
from datetime import date, datetime, timedelta, timezone

HERE = os.path.dirname(os.path.abspath(__file__))
WAREHOUSE = os.path.join(HERE, "warehouse")
EXPECTED = os.path.join(HERE, "expected")
MAX_LINE_BYTES = 1048576
MAX_DEPTH = 1000
TYPES = {"page_view", "product_view", "search", "add_to_cart", "remove_from_cart", "checkout", "purchase"}
OPTIONAL_STRINGS = ["user_id", "product_id", "order_id", "page_url", "referrer", "user_agent", "ip", "search_query"]

sys.setrecursionlimit(20000)


class Reject(Exception):
    def __init__(self, reason, detail):
        super().__init__(detail)
        self.reason = reason


# ----------------------------------------------------------------------------------------------------
# Strict RFC 8259 parser. Values: ("obj", dict), ("arr", list), ("str", text), ("num", text, is_int),
# ("bool", b), ("null",).

NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?", re.ASCII)
WS = " \t\n\r"
ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}


class Malformed(Exception):
    pass


class Parser:
    def __init__(self, text):
        self.s = text
        self.n = len(text)

    def ws(self, i):
        while i < self.n and self.s[i] in WS:
            i += 1
        return i

    def value(self, i, depth):
        if i >= self.n:
            raise Malformed("unexpected end")
        c = self.s[i]
        if c == "{":
            return self.obj(i, depth + 1)
        if c == "[":
            return self.arr(i, depth + 1)
        if c == '"':
            return self.string(i)
        for word, val in (("true", ("bool", True)), ("false", ("bool", False)), ("null", ("null",))):
            if self.s.startswith(word, i):
                return val, i + len(word)
        m = NUMBER.match(self.s, i)
        if m:
            return ("num", m.group(0), m.group(1) is None and m.group(2) is None), m.end()
        raise Malformed("unexpected character %r at %d" % (c, i))

    def obj(self, i, depth):
        if depth > MAX_DEPTH:
            raise Malformed("too deep")
        fields = {}
        i = self.ws(i + 1)
        if i < self.n and self.s[i] == "}":
            return ("obj", fields), i + 1
        while True:
            if i >= self.n or self.s[i] != '"':
                raise Malformed("expected a name at %d" % i)
            (_, name), i = self.string(i)
            if name in fields:
                raise Malformed("duplicate key %r" % name)
            i = self.ws(i)
            if i >= self.n or self.s[i] != ":":
                raise Malformed("expected ':' at %d" % i)
            val, i = self.value(self.ws(i + 1), depth)
            fields[name] = val
            i = self.ws(i)
            if i < self.n and self.s[i] == ",":
                i = self.ws(i + 1)
                continue
            if i < self.n and self.s[i] == "}":
                return ("obj", fields), i + 1
            raise Malformed("expected ',' or '}' at %d" % i)

    def arr(self, i, depth):
        if depth > MAX_DEPTH:
            raise Malformed("too deep")
        items = []
        i = self.ws(i + 1)
        if i < self.n and self.s[i] == "]":
            return ("arr", items), i + 1
        while True:
            val, i = self.value(i, depth)
            items.append(val)
            i = self.ws(i)
            if i < self.n and self.s[i] == ",":
                i = self.ws(i + 1)
                continue
            if i < self.n and self.s[i] == "]":
                return ("arr", items), i + 1
            raise Malformed("expected ',' or ']' at %d" % i)

    def string(self, i):
        out = []
        i += 1
        while True:
            if i >= self.n:
                raise Malformed("unterminated string")
            c = self.s[i]
            if c == '"':
                return ("str", "".join(out)), i + 1
            if c == "\\":
                e = self.s[i + 1:i + 2]
                if e in ESCAPES:
                    out.append(ESCAPES[e])
                    i += 2
                elif e == "u" and re.fullmatch(r"[0-9a-fA-F]{4}", self.s[i + 2:i + 6], re.ASCII):
                    out.append(chr(int(self.s[i + 2:i + 6], 16)))
                    i += 6
                else:
                    raise Malformed("bad escape at %d" % i)
                continue
            if ord(c) < 0x20:
                raise Malformed("control character in a string at %d" % i)
            out.append(c)
            i += 1

    def document(self):
        i = self.ws(0)
        if i >= self.n or self.s[i] != "{":
            raise Malformed("not an object")
        val, i = self.obj(i, 1)
        if self.ws(i) != self.n:
            raise Malformed("text after the object")
        # join escaped surrogate pairs so duplicate-name checks compare code points; fine for this sample
        return val[1]


# ----------------------------------------------------------------------------------------------------
# Event rules

TIME = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})(\.[0-9]+)?"
                  r"(Z|[+-][0-9]{2}:[0-9]{2})", re.ASCII)
PLAIN_DECIMAL = re.compile(r"([0-9]+)(\.[0-9]{1,2})?", re.ASCII)
UPPER = re.compile(r"[A-Z]+", re.ASCII)


def is_missing(fields, name):
    v = fields.get(name)
    return v is None or v[0] == "null" or (v[0] == "str" and v[1] == "")


def event_date(v):
    if v[0] == "num" and v[2]:
        return (datetime(1970, 1, 1) + timedelta(days=int(v[1]) // 86400000)).date()
    if v[0] != "str":
        raise Reject("INVALID_VALUE", "event_time type")
    m = TIME.fullmatch(v[1])
    if not m:
        raise Reject("INVALID_VALUE", "event_time text")
    y, mo, d, h, mi, s = (int(m.group(k)) for k in range(1, 7))
    try:
        local = datetime(y, mo, d, h, mi, s)
    except ValueError:
        raise Reject("INVALID_VALUE", "event_time date")
    zone = m.group(8)
    offset = timedelta(0)
    if zone != "Z":
        oh, om = int(zone[1:3]), int(zone[4:6])
        if oh > 18 or om > 59 or (oh == 18 and om > 0):
            raise Reject("INVALID_VALUE", "offset range")
        offset = timedelta(hours=oh, minutes=om) * (1 if zone[0] == "+" else -1)
    return (local - offset).date()  # a fraction of a second, cut to millis, cannot move the date


def check_price(v):
    if v[0] == "num":
        text = v[1]
        mant, _, exp = text.lower().partition("e")
        exp = int(exp) if exp else 0
        neg = mant.startswith("-")
        mant = mant.lstrip("-")
        ip, _, fp = mant.partition(".")
        scale = len(fp) - exp
        digits = (ip + fp).lstrip("0")
        int_digits = len(digits) - scale
        if neg and digits:
            raise Reject("INVALID_VALUE", "negative price")
        if scale > 2:
            raise Reject("INVALID_VALUE", "price fraction digits")
        if int_digits > 16:
            raise Reject("INVALID_VALUE", "price integer digits")
        return
    if v[0] == "str":
        m = PLAIN_DECIMAL.fullmatch(v[1])
        if not m or len(m.group(1).lstrip("0")) > 16:
            raise Reject("INVALID_VALUE", "price text")
        return
    raise Reject("INVALID_VALUE", "price type")


def validate(fields, arrival, late_days):
    for name in ("event_id", "event_type", "event_time", "anonymous_id"):
        if is_missing(fields, name):
            raise Reject("MISSING_FIELD", name)
    et = fields["event_type"]
    etype = et[1] if et[0] == "str" and et[1] in TYPES else None
    if etype in ("product_view", "add_to_cart", "remove_from_cart", "purchase") and is_missing(fields, "product_id"):
        raise Reject("MISSING_FIELD", "product_id")
    if etype in ("add_to_cart", "purchase") and is_missing(fields, "price"):
        raise Reject("MISSING_FIELD", "price")
    if etype == "purchase" and is_missing(fields, "order_id"):
        raise Reject("MISSING_FIELD", "order_id")
    if "price" in fields and fields["price"][0] != "null" and is_missing(fields, "currency"):
        raise Reject("MISSING_FIELD", "currency")

    for name in ("event_id", "anonymous_id"):
        if fields[name][0] != "str":
            raise Reject("INVALID_VALUE", name)
    if etype is None:
        raise Reject("INVALID_VALUE", "event_type")
    day = event_date(fields["event_time"])
    for name in OPTIONAL_STRINGS:
        v = fields.get(name)
        if v is not None and v[0] not in ("str", "null"):
            raise Reject("INVALID_VALUE", name)
    q = fields.get("quantity")
    if q is not None and q[0] != "null":
        if not (q[0] == "num" and q[2] and 1 <= int(q[1]) <= 10000):
            raise Reject("INVALID_VALUE", "quantity")
    p = fields.get("price")
    if p is not None and p[0] != "null":
        check_price(p)
    for name, size in (("currency", 3), ("country", 2)):
        v = fields.get(name)
        if v is not None and v[0] != "null":
            if not (v[0] == "str" and len(v[1]) == size and UPPER.fullmatch(v[1])):
                raise Reject("INVALID_VALUE", name)
    if day < arrival - timedelta(days=late_days):
        raise Reject("LATE", str(day))
    if day > arrival:
        raise Reject("FUTURE", str(day))


def classify(content, arrival, late_days):
    try:
        text = content.decode("utf-8")  # Python's decoder is strict: no overlongs, surrogates, > U+10FFFF
    except UnicodeDecodeError:
        return "INVALID_ENCODING"
    if len(content) > MAX_LINE_BYTES:
        return "RECORD_TOO_LARGE"
    if not content:
        return "SKIPPED"
    try:
        fields = Parser(text).document()
    except Malformed:
        return "MALFORMED_JSON"
    try:
        validate(fields, arrival, late_days)
    except Reject as r:
        return r.reason
    return "WRITTEN"


# ----------------------------------------------------------------------------------------------------
# Files

def decode(path):
    """(decompressed bytes, truncated?)"""
    with open(path, "rb") as fh:
        raw = fh.read()
    if path.endswith(".gz"):
        d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        out = d.decompress(raw)
        try:
            out += d.flush()
        except zlib.error:
            pass
        return out, not d.eof
    if path.endswith(".bz2"):
        return bz2.decompress(raw), False
    return raw, False


def lines_of(data, truncated):
    """(line_number, offset, content or None for the TRUNCATED_INPUT record)."""
    pos = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    n = 0
    while pos < len(data):
        nl = data.find(b"\n", pos)
        if nl < 0:
            break
        n += 1
        end = nl - 1 if nl > pos and data[nl - 1:nl] == b"\r" else nl
        yield n, pos, data[pos:end]
        pos = nl + 1
    if truncated:
        yield n + 1, pos, None
    elif pos < len(data):
        yield n + 1, pos, data[pos:]


def main():
    with open(os.path.join(EXPECTED, "ingest-events.json")) as fh:
        expected = json.load(fh)
    late_days = expected["late_days"]
    with open(os.path.join(EXPECTED, "ingest-events-lines.tsv")) as fh:
        rows = fh.read().splitlines()
    assert rows[0] == "dt\tfile\tline_number\tbyte_offset\toutcome", rows[0]
    expected_rows = rows[1:]

    days = {}
    derived_rows = []
    root = os.path.join(WAREHOUSE, "raw", "events")
    for dt_dir in sorted(os.listdir(root)):
        dt = dt_dir[len("dt="):]
        arrival = date.fromisoformat(dt)
        for hr_dir in sorted(os.listdir(os.path.join(root, dt_dir))):
            for name in sorted(os.listdir(os.path.join(root, dt_dir, hr_dir))):
                rel = "raw/events/%s/%s/%s" % (dt_dir, hr_dir, name)
                data, truncated = decode(os.path.join(WAREHOUSE, rel))
                day = days.setdefault(dt, {"read": 0, "written": 0, "skipped": 0, "quarantined": 0, "by_reason": {}})
                for n, offset, content in lines_of(data, truncated):
                    outcome = "TRUNCATED_INPUT" if content is None else classify(content, arrival, late_days)
                    day["read"] += 1
                    if outcome == "WRITTEN":
                        day["written"] += 1
                    elif outcome == "SKIPPED":
                        day["skipped"] += 1
                    else:
                        day["quarantined"] += 1
                        day["by_reason"][outcome] = day["by_reason"].get(outcome, 0) + 1
                    if outcome != "WRITTEN":
                        derived_rows.append("%s\t%s\t%d\t%d\t%s" % (dt, rel, n, offset, outcome))

    ok = True
    for dt in sorted(set(days) | set(expected["days"])):
        got, want = days.get(dt), expected["days"].get(dt)
        if got != want:
            ok = False
            print("day %s: derived %s\n        expected %s" % (dt, json.dumps(got), json.dumps(want)))
    for row in sorted(set(derived_rows) ^ set(expected_rows)):
        ok = False
        print(("derived only:  " if row in derived_rows else "expected only: ") + row.replace("\t", " "))
    if len(derived_rows) != len(set(derived_rows)) or len(expected_rows) != len(set(expected_rows)):
        ok = False
        print("duplicate rows")
    for dt, d in sorted(days.items()):
        if d["read"] != d["written"] + d["skipped"] + d["quarantined"]:
            ok = False
            print("day %s does not balance" % dt)
    print("check_sample: %s (%d non-written lines, %s)" % (
        "OK" if ok else "MISMATCH", len(derived_rows),
        ", ".join("%s read %d" % (dt, d["read"]) for dt, d in sorted(days.items()))))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
