#!/usr/bin/env python3
"""Independent cross-check of the CSV export sample (orders, order_lines, products, fx_rates).

Re-reads every file under test-data/warehouse/raw/{orders,order_lines,products,fx_rates}, splits it into records
with its own byte-level CSV state machine (RFC 4180 plus the recovery rules of CSV-SAMPLE.md: Python's csv
module behaves differently on malformed input, so it is only used to confirm the fields of well-formed
records), applies the field rules and the whole-export rules (DUPLICATE_KEY, ORPHAN_LINE), and compares every
outcome with test-data/expected/ingest-{orders,products,fx}.json, csv-rejects.tsv and orders-lines.tsv, which
make_csv_sample.py wrote from construction labels. Exits 1 on any difference.

Usage: python3 test-data/check_csv_sample.py
"""

import bz2
import csv
import io
import json
import os
import re
import sys
import zlib
from datetime import datetime
from decimal import Decimal

HERE = os.path.dirname(os.path.abspath(__file__))
WAREHOUSE = os.path.join(HERE, "warehouse")
EXPECTED = os.path.join(HERE, "expected")
MAX_RECORD_BYTES = 1048576
BOM = b"\xef\xbb\xbf"

HEADERS = {
    "orders": ["order_id", "user_id", "order_time", "status", "currency", "subtotal", "shipping", "tax", "total",
               "shipping_country", "notes"],
    "order_lines": ["order_id", "line_no", "product_id", "quantity", "unit_price"],
    "products": ["product_id", "title", "category", "brand", "list_price", "currency", "active"],
    "fx_rates": ["currency", "usd_per_unit"],
}
OPTIONAL = {"orders": {"shipping_country", "notes"}, "products": {"title", "category", "brand"}}
KEYS = {"orders": ["order_id"], "order_lines": ["order_id", "line_no"], "products": ["product_id"],
        "fx_rates": ["currency"]}
REASONS = ["MALFORMED_CSV", "INVALID_ENCODING", "MISSING_FIELD", "INVALID_VALUE", "INCONSISTENT_TOTAL",
           "DUPLICATE_KEY", "ORPHAN_LINE"]

QUOTE, COMMA, CR, LF = 0x22, 0x2C, 0x0D, 0x0A


# ----------------------------------------------------------------------------------------------------
# Records

class Parsed:
    def __init__(self, start, next_start, fields=None, end=None, error=None, empty=False):
        self.start = start            # offset of the first byte
        self.next_start = next_start  # where the next record starts
        self.fields = fields          # list of bytes, or None when malformed
        self.end = end                # offset of the terminator (or end of data): content is data[start:end]
        self.error = error
        self.empty = empty


def parse_one(data, start):
    """One record from offset start (which is < len(data))."""
    n = len(data)

    def line_end(i):  # the error is at i: the record ends with the physical line holding it
        k = data.find(b"\n", i)
        return n if k < 0 else k + 1

    if data[start] == LF:
        return Parsed(start, start + 1, empty=True)
    if data[start] == CR and start + 1 < n and data[start + 1] == LF:
        return Parsed(start, start + 2, empty=True)
    fields = []
    buf = bytearray()
    i = start
    state = "field"
    while True:
        if state == "field":
            if i < n and data[i] == QUOTE:
                state = "quoted"
                i += 1
            else:
                state = "plain"
            continue
        if state == "plain":
            if i >= n:
                fields.append(bytes(buf))
                return Parsed(start, n, fields, n)
            c = data[i]
            if c == COMMA:
                fields.append(bytes(buf))
                buf.clear()
                state = "field"
                i += 1
            elif c == LF:
                fields.append(bytes(buf))
                return Parsed(start, i + 1, fields, i)
            elif c == CR and i + 1 < n and data[i + 1] == LF:
                fields.append(bytes(buf))
                return Parsed(start, i + 2, fields, i)
            elif c == QUOTE:
                return Parsed(start, line_end(i), error="quote inside an unquoted field")
            else:
                buf.append(c)
                i += 1
            continue
        if state == "quoted":
            if i >= n:  # never closed: cut at the record's first line break
                k = data.find(b"\n", start)
                return Parsed(start, n if k < 0 else k + 1, error="unbalanced quote")
            c = data[i]
            if c == QUOTE:
                if i + 1 < n and data[i + 1] == QUOTE:
                    buf.append(QUOTE)
                    i += 2
                else:
                    state = "closed"
                    i += 1
            else:
                buf.append(c)
                i += 1
            continue
        # closed: right after a closing quote
        if i >= n:
            fields.append(bytes(buf))
            return Parsed(start, n, fields, n)
        c = data[i]
        if c == COMMA:
            fields.append(bytes(buf))
            buf.clear()
            state = "field"
            i += 1
        elif c == LF:
            fields.append(bytes(buf))
            return Parsed(start, i + 1, fields, i)
        elif c == CR and i + 1 < n and data[i + 1] == LF:
            fields.append(bytes(buf))
            return Parsed(start, i + 2, fields, i)
        else:
            return Parsed(start, line_end(i), error="text after a closing quote")


def records(data):
    """(header Parsed, [Parsed ...]) of a decompressed file."""
    pos = 3 if data.startswith(BOM) else 0
    header = parse_one(data, pos)
    out = []
    pos = header.next_start
    while pos < len(data):
        p = parse_one(data, pos)
        out.append(p)
        pos = p.next_start
    return header, out


# ----------------------------------------------------------------------------------------------------
# Field rules

TIME = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})(\.[0-9]+)?"
                  r"(Z|[+-][0-9]{2}:[0-9]{2})", re.ASCII)
AMOUNT = re.compile(r"([0-9]+)(\.[0-9]{1,2})?", re.ASCII)
RATE = re.compile(r"[0-9]+(\.[0-9]{1,8})?", re.ASCII)
DIGITS = re.compile(r"[0-9]+", re.ASCII)
CURRENCY = re.compile(r"[A-Z]{3}", re.ASCII)
COUNTRY = re.compile(r"[A-Z]{2}", re.ASCII)
STATUSES = {"placed", "paid", "shipped", "delivered", "cancelled", "refunded"}


def ok_time(s):
    m = TIME.fullmatch(s)
    if not m:
        return False
    try:
        datetime(*(int(m.group(k)) for k in range(1, 7)))
    except ValueError:
        return False
    zone = m.group(8)
    return zone == "Z" or (int(zone[1:3]) <= 18 and int(zone[4:6]) <= 59)


def ok_amount(s):
    m = AMOUNT.fullmatch(s)
    return bool(m) and len(m.group(1)) <= 16


def ok_count(s, low, high):
    return bool(DIGITS.fullmatch(s)) and low <= int(s) <= high


CHECKS = {
    "orders": {"order_time": ok_time, "status": lambda s: s in STATUSES,
               "currency": lambda s: bool(CURRENCY.fullmatch(s)), "subtotal": ok_amount, "shipping": ok_amount,
               "tax": ok_amount, "total": ok_amount, "shipping_country": lambda s: bool(COUNTRY.fullmatch(s))},
    "order_lines": {"line_no": lambda s: ok_count(s, 1, 10 ** 30), "quantity": lambda s: ok_count(s, 1, 10000),
                    "unit_price": ok_amount},
    "products": {"list_price": ok_amount, "currency": lambda s: bool(CURRENCY.fullmatch(s)),
                 "active": lambda s: s in ("true", "false")},
    "fx_rates": {"currency": lambda s: bool(CURRENCY.fullmatch(s)), "usd_per_unit": lambda s: bool(RATE.fullmatch(s))},
}


def classify(dataset, data, p):
    """Outcome of one record before the whole-export rules: SKIPPED, a reason, or VALID (with the values)."""
    if p.empty:
        return "SKIPPED", None
    cols = HEADERS[dataset]
    if p.error or len(p.fields) != len(cols) or p.end - p.start > MAX_RECORD_BYTES:
        return "MALFORMED_CSV", None
    try:
        values = [f.decode("utf-8") for f in p.fields]
    except UnicodeDecodeError:
        return "INVALID_ENCODING", None
    same_as_csv_module(data, p, values)
    rec = dict(zip(cols, values))
    for c in cols:
        if rec[c] == "" and c not in OPTIONAL.get(dataset, ()):
            return "MISSING_FIELD", None
    for c in cols:
        check = CHECKS[dataset].get(c)
        if check and rec[c] != "" and not check(rec[c]):
            return "INVALID_VALUE", None
    if dataset == "orders":
        if Decimal(rec["total"]) != Decimal(rec["subtotal"]) + Decimal(rec["shipping"]) + Decimal(rec["tax"]):
            return "INCONSISTENT_TOTAL", None
    return "VALID", rec


def same_as_csv_module(data, p, values):
    """On a well-formed record, Python's csv module must see the same fields as the state machine."""
    text = data[p.start:p.end].decode("utf-8")
    rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    if rows != [values] and not (values == [""] and rows == []):
        raise AssertionError("csv module disagrees at offset %d: %r vs %r" % (p.start, rows, values))


# ----------------------------------------------------------------------------------------------------
# Files

def decode(path):
    with open(path, "rb") as fh:
        raw = fh.read()
    if path.endswith(".gz"):
        d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        out = d.decompress(raw) + d.flush()
        assert d.eof, path
        return out
    if path.endswith(".bz2"):
        return bz2.decompress(raw)
    return raw


def main():
    csv.field_size_limit(1 << 30)
    problems = []
    rows = []          # csv-rejects.tsv rows
    jobs = {"orders": {}, "products": {}, "fx_rates": {}}
    nesting_rows = []
    by_day = {}        # dt -> dataset -> [(rel, offset, line, outcome, rec)]
    for dataset in HEADERS:
        root = os.path.join(WAREHOUSE, "raw", dataset)
        for dt_dir in sorted(os.listdir(root)):
            dt = dt_dir[len("dt="):]
            success = os.path.join(root, dt_dir, "_SUCCESS")
            if not os.path.isfile(success) or os.path.getsize(success) != 0:
                problems.append("%s/%s: no empty _SUCCESS" % (dataset, dt_dir))
            for name in sorted(os.listdir(os.path.join(root, dt_dir))):
                if name.startswith(("_", ".")):
                    continue  # _SUCCESS and hidden files are not data
                rel = "raw/%s/%s/%s" % (dataset, dt_dir, name)
                data = decode(os.path.join(WAREHOUSE, rel))
                header, recs = records(data)
                if header.error or [f.decode("ascii") for f in header.fields] != HEADERS[dataset]:
                    problems.append("%s: bad header" % rel)
                for p in recs:
                    line = data.count(b"\n", 0, p.start) + 1
                    outcome, rec = classify(dataset, data, p)
                    by_day.setdefault(dt, {}).setdefault(dataset, []).append([rel, p.start, line, outcome, rec])

    for dt in sorted(by_day):
        kept = {}
        for dataset in HEADERS:
            entries = sorted(by_day[dt].get(dataset, []), key=lambda e: (e[0], e[1]))
            seen = set()
            for e in entries:
                if e[3] != "VALID":
                    continue
                key = tuple(e[4][k] if k != "line_no" else int(e[4][k]) for k in KEYS[dataset])
                if key in seen:
                    e[3] = "DUPLICATE_KEY"
                    continue
                seen.add(key)
                if dataset == "order_lines":
                    if key[0] not in kept:
                        e[3] = "ORPHAN_LINE"
                        continue
                    kept[key[0]].append(key[1])
                elif dataset == "orders":
                    kept[key[0]] = []
                e[3] = "WRITTEN"
            job = "orders" if dataset in ("orders", "order_lines") else dataset
            if not entries:
                continue
            counts = jobs[job].setdefault(dt, {"read": 0, "written": 0} if job != "orders" else
                                          {"read": 0, "written": 0, "orders_written": 0, "lines_written": 0})
            counts.setdefault("skipped", 0)
            counts.setdefault("quarantined", 0)
            counts.setdefault("by_reason", {})
            for rel, offset, line, outcome, _ in entries:
                counts["read"] += 1
                if outcome == "WRITTEN":
                    counts["written"] += 1
                    if job == "orders":
                        counts["orders_written" if dataset == "orders" else "lines_written"] += 1
                elif outcome == "SKIPPED":
                    counts["skipped"] += 1
                else:
                    counts["quarantined"] += 1
                    counts["by_reason"][outcome] = counts["by_reason"].get(outcome, 0) + 1
                if outcome != "WRITTEN":
                    rows.append("%s\t%s\t%s\t%d\t%d\t%s" % (dataset, dt, rel, offset, line, outcome))
        for oid in sorted(kept):
            nesting_rows.append("%s\t%s\t%s" % (dt, oid, ",".join(str(n) for n in sorted(kept[oid]))))
    for job in jobs.values():
        for c in job.values():
            c["by_reason"] = {r: c["by_reason"][r] for r in REASONS if r in c["by_reason"]}
            if c["read"] != c["written"] + c["skipped"] + c["quarantined"]:
                problems.append("books do not balance: %s" % c)

    for job, name in (("orders", "ingest-orders.json"), ("products", "ingest-products.json"),
                      ("fx_rates", "ingest-fx.json")):
        with open(os.path.join(EXPECTED, name)) as fh:
            want = json.load(fh)["days"]
        for dt in sorted(set(want) | set(jobs[job])):
            if want.get(dt) != jobs[job].get(dt):
                problems.append("%s %s: derived %s\n    expected %s" % (name, dt, json.dumps(jobs[job].get(dt)),
                                                                        json.dumps(want.get(dt))))
    for name, derived, head in (("csv-rejects.tsv", rows, "dataset\tdt\tfile\tbyte_offset\tline_number\toutcome"),
                                ("orders-lines.tsv", nesting_rows, "dt\torder_id\tline_nos")):
        with open(os.path.join(EXPECTED, name)) as fh:
            lines = fh.read().split("\n")
        if lines[0] != head or lines[-1] != "":
            problems.append("%s: bad header or no final newline" % name)
        want = lines[1:-1]
        if sorted(want) != sorted(derived) or len(want) != len(derived):
            for r in sorted(set(want) ^ set(derived)):
                problems.append("%s %s: %s" % (name, "derived only" if r in derived else "expected only",
                                               r.replace("\t", " ")))
            if not set(want) ^ set(derived):
                problems.append("%s: duplicate rows" % name)
    for p in problems:
        print(p)
    print("check_csv_sample: %s (%d rejected or skipped records, %d kept orders; %s)" % (
        "OK" if not problems else "MISMATCH", len(rows), len(nesting_rows),
        ", ".join("%s %s read %d" % (job, dt, c["read"]) for job in jobs for dt, c in sorted(jobs[job].items()))))
    return 0 if not problems else 1


if __name__ == "__main__":
    sys.exit(main())
