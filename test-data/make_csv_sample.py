#!/usr/bin/env python3
"""Builds the hand-checked CSV export sample (orders, order_lines, products, fx_rates) and its expected results.

Deterministic (fixed seed, gzip mtime 0, no third-party modules): running it twice gives identical bytes.
Every record is labelled as it is built, from the way it was built (never by re-parsing it); the whole-export
rules (DUPLICATE_KEY, ORPHAN_LINE) are declared by the builder too and then asserted against the record keys.
The expected files under test-data/expected are written from those labels, and test-data/check_csv_sample.py
then re-reads the produced files with its own CSV state machine, re-derives every outcome and must agree.

The orders are made consistent with the events sample written by make_sample.py: the valid purchase events of
test-data/warehouse/raw/events are listed in PURCHASES below, and this script fails if that list no longer
matches the events files. Run make_sample.py first; it leaves everything but raw/events alone, and this script
touches only raw/{orders,order_lines,products,fx_rates}, its own expected files and CSV-SAMPLE.md.

Usage: python3 test-data/make_csv_sample.py
"""

import bz2
import gzip
import json
import os
import random
import shutil
import subprocess
import sys
import zlib
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal, ROUND_HALF_EVEN

HERE = os.path.dirname(os.path.abspath(__file__))
WAREHOUSE = os.path.join(HERE, "warehouse")
EXPECTED = os.path.join(HERE, "expected")

HEADERS = {
    "orders": ["order_id", "user_id", "order_time", "status", "currency", "subtotal", "shipping", "tax", "total",
               "shipping_country", "notes"],
    "order_lines": ["order_id", "line_no", "product_id", "quantity", "unit_price"],
    "products": ["product_id", "title", "category", "brand", "list_price", "currency", "active"],
    "fx_rates": ["currency", "usd_per_unit"],
}
DATASETS = list(HEADERS)
O = {name: i for i, name in enumerate(HEADERS["orders"])}

SEED = 20261122
MAX_RECORD_BYTES = 1048576  # 1 MiB: a record's bytes from its first byte up to (not including) its terminator
BOM = b"\xef\xbb\xbf"

D20 = date(2026, 11, 20)
D21 = date(2026, 11, 21)
D22 = date(2026, 11, 22)

WRITTEN = "WRITTEN"
SKIPPED = "SKIPPED"
REASONS = ["MALFORMED_CSV", "INVALID_ENCODING", "MISSING_FIELD", "INVALID_VALUE", "INCONSISTENT_TOTAL",
           "DUPLICATE_KEY", "ORPHAN_LINE"]
INTRINSICALLY_VALID = (WRITTEN, "DUPLICATE_KEY", "ORPHAN_LINE")  # passed parsing and the field rules

rng = random.Random(SEED)


# ----------------------------------------------------------------------------------------------------
# CSV text built by hand, so that quoting, spelling of numbers and breakage are exactly what a record tests.

def cell(value, quote=None):
    """One field: quoted when it must be (comma, quote, CR, LF) or when quote is True; inner quotes doubled."""
    value = "" if value is None else value
    if quote or (quote is None and any(c in value for c in ',"\r\n')):
        return '"' + value.replace('"', '""') + '"'
    return value


def row(values, quote=None):
    """quote: None = only where needed, True = every field, or a set of column indexes to quote."""
    out = []
    for i, v in enumerate(values):
        q = quote if quote is None or quote is True else (True if i in quote else None)
        out.append(cell(v, q))
    return ",".join(out)


class Rec:
    """One piece of a file: normally one CSV record (or one empty line), without its terminator."""

    def __init__(self, content, label=WRITTEN, note=None, key=None):
        if isinstance(content, str):
            content = content.encode("utf-8", "surrogateescape")  # U+DC80..U+DCFF stand for raw bytes 0x80..0xFF
        self.content = content
        self.label = label  # final outcome: WRITTEN, SKIPPED or a reason
        self.note = note    # why the record is special (CSV-SAMPLE.md); None for ordinary records
        self.key = key      # order_id, (order_id, line_no), product_id or currency
        self.term = None    # None: the file's terminator
        self.offset = self.line = None

    @property
    def valid(self):
        return self.label in INTRINSICALLY_VALID


def empty_line(note):
    return Rec(b"", SKIPPED, note)


class CsvFile:
    def __init__(self, dataset, day, name, kind="plain", crlf=False, bom=False):
        self.dataset, self.day, self.name, self.kind = dataset, day, name, kind
        self.crlf, self.bom = crlf, bom
        self.no_final_newline = False
        self.normal = []   # ordinary records in order
        self.special = []  # (where, Rec): where = None (random place), "last", or ("after", rec)
        self.recs = None
        self.data = None   # decompressed bytes
        self.stored = None  # bytes on disk

    @property
    def rel(self):
        return "raw/%s/dt=%s/%s" % (self.dataset, self.day.isoformat(), self.name)

    def add(self, rec, where=None):
        self.special.append((where, rec))
        return rec


FILES = {}


def F(dataset, day, name, kind="plain", crlf=False, bom=False):
    f = CsvFile(dataset, day, name, kind, crlf, bom)
    FILES[f.rel] = f
    return f


def assemble(f):
    recs = list(f.normal)
    for where, rec in f.special:  # random places first, then "after" (so a copy lands after its original)
        if where is None:
            recs.insert(rng.randint(0, len(recs)), rec)
    for where, rec in f.special:
        if isinstance(where, tuple) and where[0] == "after":
            recs.insert(rng.randint(recs.index(where[1]) + 1, len(recs)), rec)
    recs += [rec for where, rec in f.special if where == "last"]
    for where, rec in f.special:  # glued to another record: right after ("next") or right before it
        if isinstance(where, tuple) and where[0] in ("next", "before"):
            i = recs.index(where[1])
            recs.insert(i + 1 if where[0] == "next" else i, rec)
    f.recs = recs


def write_file(f):
    assemble(f)
    term = b"\r\n" if f.crlf else b"\n"
    header = row(HEADERS[f.dataset]).encode("ascii")
    parts = [BOM] if f.bom else []
    parts += [header, term]
    pos = sum(len(p) for p in parts)
    line = 2
    for i, rec in enumerate(f.recs):
        t = rec.term if rec.term is not None else term
        if f.no_final_newline and i == len(f.recs) - 1:
            t = b""
        rec.offset, rec.line = pos, line
        parts += [rec.content, t]
        pos += len(rec.content) + len(t)
        line += (rec.content + t).count(b"\n")
    f.data = b"".join(parts)
    if f.no_final_newline:
        assert f.recs and f.recs[-1].content, f.rel  # an empty line without a terminator would not exist
    if f.kind == "gz":
        f.stored = gzip.compress(f.data, compresslevel=9, mtime=0)
    elif f.kind == "bz2":
        f.stored = bz2.compress(f.data, 9)
    else:
        f.stored = f.data
    path = os.path.join(WAREHOUSE, f.rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as out:
        out.write(f.stored)


# ----------------------------------------------------------------------------------------------------
# Catalog: the 24 products of the events sample (same ids, slugs and EUR prices as make_sample.py's PRODUCTS)
# and 16 more. (product_id, title, category, brand, list price on 2026-11-20, list price on 2026-11-21, active)

CATALOG = [
    ("P-1001", 'Trail Running Shoe "Aurora", Men\'s', "footwear", "Fjellrev", "89.90", "89.90", True),
    ("P-1002", "Merino Base Layer Long Sleeve", "base-layers", "Nordkamm", "59.00", "59.00", True),
    ("P-1003", "Down Jacket Fjell", "jackets", "Fjellrev", "229.00", "199.00", True),
    ("P-1004", "Wool Beanie", "accessories", "Nordkamm", "19.90", "19.90", True),
    ("P-1005", "Hiking Socks, 3-Pack", "accessories", "Alpenglow", "14.50", "14.50", True),
    ("P-1006", 'Rain Shell "Kestrel"', "jackets", "Kestrel Outdoor", "149.00", "129.00", True),
    ("P-1007", "Trekking Poles Carbon (pair)", "accessories", "Alpenglow", "79.95", "79.95", True),
    ("P-1008", "Headlamp 400 lm", "camping", "Lumen & Co.", "34.99", "34.99", True),
    ("P-1009", "Insulated Bottle 0.75 l", "camping", "Polaris", "24.00", "24.00", True),
    ("P-1010", "Daypack 22 L", "bags", "Trailhead", "69.00", "69.00", True),
    ("P-1011", "Fleece Jacket Polar", "jackets", "Nordkamm", "74.50", "74.50", True),
    ("P-1012", "Touchscreen Gloves", "accessories", "Polaris", "22.90", "22.90", True),
    ("P-1013", "Sleeping Bag \u22125 \u00b0C", "camping", "Fjellrev", "189.00", "189.00", True),
    ("P-1014", "Camping Stove Mini", "camping", "Polaris", "44.90", "44.90", True),
    ("P-1015", "Thermal Leggings", "base-layers", "Nordkamm", "39.90", "39.90", True),
    ("P-1016", "Gift Card 50 EUR", None, None, "50.00", "50.00", True),
    ("P-1017", "Glacier Sunglasses, Cat. 4", "accessories", "Alpenglow", "99.00", "99.00", True),
    ("P-1018", "Backpack Rain Cover", "bags", "Trailhead", "12.90", "12.90", True),
    ("P-1019", "Trail Mix Bar, 12 \u00d7 40 g", "nutrition", "Trailhead", "9.99", "9.99", True),
    ("P-1020", 'Approach Shoe "Granite"', "footwear", "Fjellrev", "129.00", "119.00", True),
    ("P-1021", "Neck Gaiter", "accessories", "Nordkamm", "15.00", "15.00", True),
    ("P-1022", "First Aid Kit", "camping", "Lumen & Co.", "29.90", "29.90", True),
    ("P-1023", "Tent 2P Ultralight", "camping", "Fjellrev", "349.00", "299.00", True),
    ("P-1024", "Baseplate Compass", "accessories", "Lumen & Co.", "18.50", "18.50", True),
    ("P-1025", 'Insulated Parka "Nordlys", Women\'s', "jackets", "Fjellrev", "279.00", "279.00", True),
    ("P-1026", "Bivy Bag", "camping", "Polaris", "119.00", "119.00", True),
    ("P-1027", "Water Filter 1 l", "camping", "Clearwater, Inc.", "39.00", "39.00", True),
    ("P-1028", "Camp Chair", "camping", "Trailhead", "54.90", "54.90", True),
    ("P-1029", "Merino T-Shirt", "base-layers", "Nordkamm", "45.00", "45.00", True),
    ("P-1030", "Softshell Pants", "trousers", "Kestrel Outdoor", "89.00", "89.00", True),
    ("P-1031", "Gaiters", "accessories", "Alpenglow", "34.00", "34.00", True),
    ("P-1032", "Crampons C2", "climbing", "Alpenglow", "139.00", "139.00", True),
    ("P-1033", "Ice Axe", "climbing", "Alpenglow", "99.00", "99.00", True),
    ("P-1034", "Dry Bag 10 l", "bags", "Trailhead", "16.90", "16.90", True),
    ("P-1035", "Energy Gel, 6-Pack", "nutrition", "Trailhead", "11.50", "11.50", True),
    ("P-1036", "Hydration Bladder 2 l", "bags", "Polaris", "27.90", "27.90", True),
    ("P-1037", "Buff Headband", "accessories", "Nordkamm", "12.00", "12.00", False),
    ("P-1038", "Sleeping Pad R4", "camping", "Fjellrev", "129.00", "129.00", True),
    ("P-1039", None, "footwear", "Fjellrev", "59.00", "59.00", False),
    ("P-1040", "Gift Card 100 EUR", None, None, "100.00", "100.00", True),
]
BY_ID = {p[0]: p for p in CATALOG}
SELLABLE = [p for p in CATALOG if p[6] and p[0] not in ("P-1016", "P-1040")]


def list_price(pid, d):
    p = BY_ID[pid]
    return Decimal(p[4] if d < D21 else p[5])


# country -> (UTC offset in minutes in late November, currency, price factor vs EUR)
COUNTRIES = {
    "DE": (60, "EUR", Decimal("1")), "FR": (60, "EUR", Decimal("1")), "NL": (60, "EUR", Decimal("1")),
    "AT": (60, "EUR", Decimal("1")), "IE": (0, "EUR", Decimal("1")), "GB": (0, "GBP", Decimal("0.87")),
    "US": (-300, "USD", Decimal("1.06")), "CH": (60, "CHF", Decimal("0.94")), "SE": (60, "SEK", Decimal("11.45")),
}
COUNTRY_WEIGHTS = [("DE", 28), ("FR", 12), ("NL", 9), ("AT", 6), ("IE", 4), ("GB", 14), ("US", 15), ("CH", 7),
                   ("SE", 5)]
# currency -> (free shipping from this subtotal, shipping fee)
SHIPPING = {"EUR": ("50", "4.90"), "GBP": ("40", "3.95"), "USD": ("50", "5.99"), "CHF": ("60", "7.90"),
            "SEK": ("500", "49.00")}
US_SALES_TAX = Decimal("0.0725")  # US prices exclude tax; the other shops' prices include VAT (tax 0)
STATUS_WEIGHTS = [("paid", 50), ("placed", 14), ("shipped", 14), ("delivered", 6), ("cancelled", 9), ("refunded", 7)]
NOTES = [
    "Please leave the parcel at the back door",
    "Gift wrap, please",
    'Ring the bell marked "Nowak"',
    "Deliver after 18:00, not before",
    "Neighbour at no. 12 accepts parcels",
    "Bitte beim Nachbarn abgeben",
    "Livraison en point relais, merci",
    "Size swap for order O-20261102-55121",
    "F\u00fcr Oma \U0001f381",
]
CENT = Decimal("0.01")


def pick_weighted(pairs):
    total = sum(w for _, w in pairs)
    x = rng.uniform(0, total)
    for item, w in pairs:
        x -= w
        if x <= 0:
            return item
    return pairs[-1][0]


def price_in(eur, currency_factor):
    """The shop's price in another currency: converted, then x.99 pricing (as make_sample.py's price_of)."""
    p = (eur * currency_factor).quantize(CENT)
    if currency_factor != 1:
        p = p.to_integral_value() - CENT if p > 5 else p
    return p


def amt(d, style="fixed"):
    """An amount as text: 149.00 (fixed) or 149 / 4.9 / 0 (short); both are valid plain decimals."""
    s = format(d.quantize(CENT), "f")
    if style == "short" and "." in s:
        s = s.rstrip("0").rstrip(".")
    return s


def fmt_offset(minutes):
    sign = "+" if minutes >= 0 else "-"
    return "%s%02d:%02d" % (sign, abs(minutes) // 60, abs(minutes) % 60)


def time_text(t, style, country):
    """order_time text of the UTC instant t in one of the valid spellings."""
    offset = COUNTRIES[country][0] if country else 0
    if style == "z0":
        return t.strftime("%Y-%m-%dT%H:%M:%SZ")
    if style == "z3":
        return t.strftime("%Y-%m-%dT%H:%M:%S") + ".%03dZ" % (t.microsecond // 1000)
    local = t + timedelta(minutes=offset)
    if style == "offset":
        return local.strftime("%Y-%m-%dT%H:%M:%S") + ".%03d" % (t.microsecond // 1000) + fmt_offset(offset)
    return local.strftime("%Y-%m-%dT%H:%M:%S.%f") + fmt_offset(offset)  # "micro"


def utc_of_text(text):
    return datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(timezone.utc)


# ----------------------------------------------------------------------------------------------------
# Orders

USERS = ["u-%05d" % rng.randint(10000, 99999) for _ in range(60)]
USED_IDS = set()


def new_order_id(d):
    while True:
        oid = "O-%s-%05d" % (d.strftime("%Y%m%d"), rng.randint(0, 99999))
        if oid not in USED_IDS:
            USED_IDS.add(oid)
            return oid


class Order:
    def __init__(self, oid, user, time, status, country, currency, items, notes=None, amount_style="fixed"):
        self.oid, self.user, self.time, self.status = oid, user, time, status
        self.country, self.currency, self.notes, self.amount_style = country, currency, notes, amount_style
        self.items = [[i + 1, pid, qty, price] for i, (pid, qty, price) in enumerate(items)]  # line_no, ...
        self.subtotal = sum((q * p for _, _, q, p in self.items), Decimal("0"))
        free_from, fee = SHIPPING[currency]
        self.shipping = Decimal("0") if self.subtotal >= Decimal(free_from) or country is None else Decimal(fee)
        self.tax = ((self.subtotal + self.shipping) * US_SALES_TAX).quantize(CENT, ROUND_HALF_EVEN) \
            if currency == "USD" else Decimal("0")
        self.total = self.subtotal + self.shipping + self.tax

    @property
    def date(self):
        return utc_of_text(self.time).date()

    def fields(self):
        s = self.amount_style
        return [self.oid, self.user, self.time, self.status, self.currency, amt(self.subtotal, s),
                amt(self.shipping, s), amt(self.tax, s), amt(self.total, s), self.country or "", self.notes or ""]

    def rec(self, label=WRITTEN, note=None, quote=None, **changes):
        values = self.fields()
        for name, value in changes.items():
            values[O[name]] = value
        return Rec(row(values, quote), label, note, key=self.oid)

    def line_recs(self, label=WRITTEN, quote=None):
        return [Rec(row([self.oid, str(n), pid, str(q), amt(p)], quote), label, key=(self.oid, n))
                for n, pid, q, p in self.items]


def new_order(t, d_prices=None, status=None, country=None, items=None, notes=None, time_style=None):
    country = country or pick_weighted(COUNTRY_WEIGHTS)
    currency = COUNTRIES[country][1]
    if items is None:
        items = []
        for prod in rng.sample(SELLABLE, pick_weighted([(1, 40), (2, 30), (3, 20), (4, 10)])):
            items.append((prod[0], pick_weighted([(1, 70), (2, 20), (3, 10)]),
                          price_in(list_price(prod[0], d_prices or t.date()), COUNTRIES[country][2])))
    user = rng.choice(USERS) if rng.random() < 0.75 else "anon-%012x" % rng.getrandbits(48)
    style = time_style or pick_weighted([("z0", 35), ("z3", 30), ("offset", 25), ("micro", 10)])
    if notes is None and rng.random() < 0.2:
        notes = rng.choice(NOTES)
    return Order(new_order_id(t.date()), user, time_text(t, style, country), status or pick_weighted(STATUS_WEIGHTS),
                 country, currency, items, notes, "short" if rng.random() < 0.15 else "fixed")


def random_times(d, n, first_hour=0, last_hour=24):
    start = datetime(d.year, d.month, d.day, tzinfo=timezone.utc)
    return sorted(start + timedelta(seconds=rng.randint(first_hour * 3600, last_hour * 3600 - 1),
                                    milliseconds=rng.randint(0, 999)) for _ in range(n))


# Valid purchase events of the events sample, by order_id: (user_id, anonymous_id, visitor's country, currency,
# [(product_id, quantity, price)]). verify_purchases() re-reads raw/events and fails if this is out of date.
PURCHASES = {
    "O-20261120-87180": ("u-68516", "anon-1007f9a8eab8", "US", "USD", [("P-1005", 1, "14.99")]),
    "O-20261120-41561": ("u-29122", "anon-a453e09b8044", "FR", "EUR", [("P-1007", 3, "79.95")]),
    "O-20261120-53558": (None, "anon-956e0cd6c6c2", "DE", "EUR", [("P-1011", 2, "74.50")]),
    "O-20261120-59012": (None, "anon-8f186895bc43", "FR", "EUR", [("P-1013", 2, "189.00")]),
    "O-20261120-91386": (None, "anon-8f186895bc43", "FR", "EUR", [("P-1013", 2, "189.00")]),
    "O-20261120-33536": ("u-67682", "anon-4535b5304e20", "GB", "GBP", [("P-1013", 1, "163.99")]),
    "O-20261120-45491": (None, "anon-524ba0002c4d", "FR", "EUR", [("P-1024", 3, "18.50"), ("P-1013", 3, "189.00")]),
    "O-20261121-82738": ("u-45585", "anon-0c74f9424c73", "GB", "GBP", [("P-1012", 1, "19.99")]),
    "O-20261121-62707": ("u-11782", "anon-12fcb1e9f4fd", "US", "USD", [("P-1011", 2, "78.99"), ("P-1018", 2, "13.99")]),
    "O-20261121-07454": ("u-81807", "anon-5df6b0992bcf", "AT", "EUR", [("P-1002", 1, "0.00")]),
    "O-20261121-66497": (None, "anon-b28d17ca6af2", "GB", "GBP", [("P-1015", 3, "34.99"), ("P-1003", 1, "198.99")]),
    # the session edge cases of raw/events/dt=2026-11-20/hr=23/sessions-edge.jsonl (make_sample.py): orphans
    "O-20261120-90001": (None, "anon-edge-chf", "CH", "CHF", [("P-1003", 1, "229.00")]),
    "O-20261120-90002": (None, "anon-edge-chf", "CH", "DKK", [("P-9998", 2, "10.00")]),
    "O-20261120-90003": (None, "anon-edge-tie", "GB", "GBP", [("P-1012", 10000, "15.00")]),
    "O-20261120-90004": (None, "anon-edge-jpy", "JP", "JPY", [("P-1019", 1, "1000.00"), ("P-1035", 1, "1000.00")]),
    "O-20261120-90005": (None, "anon-edge-dkk", "DK", "DKK", [("P-1026", 1, "899.00")]),
}
# order_time of the matching order: a few seconds after the last purchase event, in the visitor's spelling.
# O-20261120-59012, O-20261121-07454 and the session edge cases O-20261120-9000x get no order at all (orphan purchases).
MATCHED_TIMES = {
    "O-20261120-87180": "2026-11-20T00:22:47Z",
    "O-20261120-41561": "2026-11-20T07:16:12.204Z",
    "O-20261120-53558": "2026-11-20T08:37:28+01:00",
    "O-20261120-91386": "2026-11-20T13:39:20.511+01:00",
    "O-20261120-33536": "2026-11-20T18:14:17Z",
    "O-20261120-45491": "2026-11-20T19:40:05.002+01:00",
    "O-20261121-82738": "2026-11-21T00:35:16+00:00",
    "O-20261121-62707": "2026-11-20T20:25:24.870-05:00",
    "O-20261121-66497": "2026-11-21T15:06:13.318Z",
}
ORPHAN_PURCHASES = ["O-20261120-59012", "O-20261121-07454", "O-20261120-90001", "O-20261120-90002",
                    "O-20261120-90003", "O-20261120-90004", "O-20261120-90005"]


def matched(oid, status):
    user, anon, country, currency, items = PURCHASES[oid]
    USED_IDS.add(oid)
    return Order(oid, user or anon, MATCHED_TIMES[oid], status, country, currency,
                 [(pid, q, Decimal(p)) for pid, q, p in items])


def verify_purchases():
    """The valid purchase events of raw/events, grouped by order_id, must be exactly PURCHASES."""
    events = os.path.join(WAREHOUSE, "raw", "events")
    tsv = os.path.join(EXPECTED, "ingest-events-lines.tsv")
    if not os.path.isdir(events) or not os.path.exists(tsv):
        sys.exit("the events sample is missing: run test-data/make_sample.py first")
    not_written = set()
    with open(tsv) as fh:
        for r in fh.read().splitlines()[1:]:
            dt, rel, line_no, _, _ = r.split("\t")
            not_written.add((rel, int(line_no)))
    found, countries = {}, {}
    for dirpath, _, names in sorted(os.walk(events)):
        for name in sorted(names):
            path = os.path.join(dirpath, name)
            rel = os.path.relpath(path, WAREHOUSE).replace(os.sep, "/")
            with open(path, "rb") as fh:
                data = fh.read()
            if name.endswith(".gz"):
                data = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data)  # complete lines before a break
            elif name.endswith(".bz2"):
                data = bz2.decompress(data)
            if data.startswith(BOM):
                data = data[3:]
            for n, line in enumerate(data.split(b"\n"), 1):
                if (rel, n) in not_written or not line.strip():
                    continue
                try:
                    ev = json.loads(line)
                except (ValueError, RecursionError):
                    continue  # the cut line of a truncated gzip; the 1000-level nesting line
                if isinstance(ev.get("anonymous_id"), str) and ev.get("country"):
                    countries.setdefault(ev["anonymous_id"], set()).add(ev["country"])
                if ev.get("event_type") == "purchase":
                    q = ev.get("quantity") or 1
                    item = (ev["product_id"], q, amt(Decimal(str(ev["price"]))))
                    found.setdefault(ev["order_id"], (ev.get("user_id"), ev["anonymous_id"], ev["currency"], []))[3] \
                        .append(item)
    assert set(found) == set(PURCHASES), sorted(set(found) ^ set(PURCHASES))
    for oid, (user, anon, currency, items) in found.items():
        p_user, p_anon, p_country, p_currency, p_items = PURCHASES[oid]
        assert (user, anon, currency) == (p_user, p_anon, p_currency), oid
        assert sorted(items) == sorted(p_items), (oid, items)
        assert countries.get(anon) == {p_country}, (oid, countries.get(anon))
    return found


# ----------------------------------------------------------------------------------------------------
# Building the exports

HOME = {}  # order_id -> the orders file an ordinary order went to


def route_order(o, order_files, line_files, weights):
    """Adds an ordinary order to one of the order files and its lines to the lines files."""
    f = order_files[0] if len(order_files) == 1 else pick_weighted(list(zip(order_files, weights)))
    f.normal.append(o.rec())
    HOME[o.oid] = f
    add_lines(o, line_files)


def add_lines(o, line_files, label=WRITTEN):
    """Lines go mostly to the first lines file; an order's lines are sometimes split over two files."""
    recs = o.line_recs(label)
    if len(recs) > 1 and rng.random() < 0.15:
        recs[0], recs[1] = recs[1], recs[0]  # lines out of order within the file: nesting sorts by line_no
    if len(line_files) > 1 and len(recs) > 1 and rng.random() < 0.25:
        cut = rng.randint(1, len(recs) - 1)
        line_files[0].normal.extend(recs[:cut])
        line_files[1].normal.extend(recs[cut:])
    else:
        (line_files[0] if len(line_files) == 1 or rng.random() < 0.7 else line_files[1]).normal.extend(recs)


def add_special_lines(o, line_file, label, where=None):
    for r in o.line_recs(label):
        if label == "ORPHAN_LINE" and r.key[1] == 1:
            r.note = "line of an order quarantined in this export (order_id not kept)"
        line_file.add(r, where)


def move_lines_to(o, target):
    """Puts all ordinary lines of order o into target (so that a copy added to target later comes second)."""
    for f in FILES.values():
        if f.dataset == "order_lines" and f is not target and f.day == target.day:
            for r in [r for r in f.normal if r.key[0] == o.oid]:
                f.normal.remove(r)
                target.normal.append(r)


def raw_rec(o, label, note, drop_notes=False, **raw):
    """o's record with some fields replaced by raw text (not CSV-escaped: deliberate breakage)."""
    texts = [cell(v) for v in o.fields()]
    for name, text in raw.items():
        texts[O[name]] = text
    if drop_notes:
        texts = texts[:-1]
    return Rec(",".join(texts), label, note, key=o.oid)


def extra_line(o, n, pid, qty, price, label, note, quote=None):
    """A line record of order o besides its items (a bad extra line, or a later copy)."""
    return Rec(row([o.oid, n, pid, qty, price], quote), label, note, key=(o.oid, int(n) if n.isdigit() else n))


def long_notes(o, size):
    """Notes (no comma or quote: unquoted) that make o's record exactly size bytes long."""
    filler = "Please deliver to the side entrance of the warehouse. "
    need = size - len(o.rec(notes="").content)
    return (filler * (need // len(filler) + 1))[:need]


def at(d, hh, mm, ss=0, ms=0):
    return datetime(d.year, d.month, d.day, hh, mm, ss, ms * 1000, tzinfo=timezone.utc)


def build_day20():
    d = D20
    of = [F("orders", d, "orders-00001.csv", bom=True), F("orders", d, "orders-00002.csv.gz", "gz"),
          F("orders", d, "orders-00003.csv", crlf=True)]
    lf = [F("order_lines", d, "order_lines-00001.csv"), F("order_lines", d, "order_lines-00002.csv", crlf=True)]

    # orders that match purchase events of the day
    for oid, status in (("O-20261120-87180", "paid"), ("O-20261120-41561", "shipped"), ("O-20261120-91386", "paid")):
        route_order(matched(oid, status), of[:1], lf, None)
    o = matched("O-20261120-33536", "placed")
    of[1].add(o.rec(note="matches purchase events; status placed here, re-exported on 2026-11-21 as paid "
                         "(for the marts the first export wins)"))
    add_lines(o, lf)
    o = matched("O-20261120-53558", "paid")
    of[0].add(o.rec("INCONSISTENT_TOTAL", "19% VAT put in tax although the price includes it: total 149.00 != "
                                          "149.00 + 0.00 + 23.79 (matches purchase events; re-exported fixed on "
                                          "2026-11-21)", tax="23.79"))
    add_special_lines(o, lf[0], "ORPHAN_LINE")

    ordinary = [new_order(t) for t in random_times(d, 44, 0, 23)]
    for o in ordinary:
        route_order(o, of, lf, [50, 25, 25])
    in1 = [o for o in ordinary if HOME[o.oid] is of[0]]
    in2 = [o for o in ordinary if HOME[o.oid] is of[1]]

    f = of[0]  # BOM, LF
    o = new_order(at(d, 9, 12, 44), country="DE", status="paid",
                  notes='Leave with the neighbour, "Schmidt" at no. 12\nor in the garage')
    f.add(o.rec(note="notes over two lines (LF inside quotes) with a comma and doubled quotes: valid"))
    add_lines(o, lf)
    o = new_order(at(d, 10, 3, 5), country="FR", status="paid", notes="Gift for my sister.\n\nPlease no invoice.")
    f.add(o.rec(note="notes with an empty line inside the quotes (part of the record, not skipped): valid"))
    add_lines(o, lf)
    o = new_order(at(d, 11, 40), country="NL", status="paid", items=[("P-1040", 1, Decimal("100.00"))], notes="")
    o.country = None
    f.add(o.rec(note='every field quoted; shipping_country "" (a digital gift card: null) and notes "": valid',
                quote=True))
    add_lines(o, lf)
    o = new_order(at(d, 12, 1, 9), country="DE")
    f.add(raw_rec(o, "MALFORMED_CSV", "notes with a comma, not quoted: 12 fields", notes="Thanks, see you soon"))
    add_special_lines(o, lf[0], "ORPHAN_LINE")
    o = new_order(at(d, 12, 30), country="AT")
    f.add(o.rec("MISSING_FIELD", "user_id empty", user_id=""))
    add_special_lines(o, lf[1], "ORPHAN_LINE")
    o = new_order(at(d, 13, 2), country="DE")
    f.add(o.rec("MISSING_FIELD", 'status "PAID" (invalid) and tax empty (missing): missing wins, though its column '
                                 'comes later', status="PAID", tax=""))
    o = new_order(at(d, 14, 3, 11), country="FR")
    f.add(o.rec("INVALID_VALUE", "order_time with a space instead of T", order_time="2026-11-20 14:03:11Z"))
    add_special_lines(o, lf[0], "ORPHAN_LINE")
    o = new_order(at(d, 15, 20), country="DE")
    f.add(o.rec("INVALID_VALUE", 'status "pending" (not one of the six)', status="pending"))
    o = new_order(at(d, 15, 45), country="IE")
    whole = amt(o.subtotal).split(".")[0] + "."
    f.add(o.rec("INVALID_VALUE", 'subtotal "%s" (a dot without digits)' % whole, subtotal=whole))
    o = new_order(at(d, 16, 5), country="DE")
    f.add(o.rec("INVALID_ENCODING", "Latin-1 byte 0xFC (Hintert\\xfcr) in notes", notes="Bitte an die Hintert\udcfcr"))
    add_special_lines(o, lf[1], "ORPHAN_LINE")
    twice = new_order(at(d, 16, 40), country="NL", status="paid")
    f.add(twice.rec("INVALID_VALUE", 'status "Paid"; the same order_id is valid in orders-00003.csv',
                    status="Paid"))
    add_lines(twice, lf)
    dup_order = in1[0]
    original = next(r for r in f.normal if r.key == dup_order.oid)
    f.add(Rec(original.content, "DUPLICATE_KEY", "verbatim copy of an earlier order of this file",
              key=dup_order.oid), ("after", original))
    move_lines_to(dup_order, lf[0])
    for r in dup_order.line_recs():
        lf[0].add(Rec(r.content, "DUPLICATE_KEY", "line re-sent with its duplicated order" if r.key[1] == 1 else
                      None, key=r.key), "last")
    f.add(empty_line("empty line: skipped"))
    # near the end: an unbalanced quote, then two ordinary records (without quotes) that must still be read
    o = new_order(at(d, 22, 10), country="NL")
    f.add(raw_rec(o, "MALFORMED_CSV", "notes open a quote that never closes: the record is cut at its first line "
                                      "break and the lines after it are records again",
                  notes='"Please call before delivery'), "last")
    add_special_lines(o, lf[0], "ORPHAN_LINE")
    for k, t in enumerate(random_times(d, 2, 22, 23)):
        o = new_order(t, notes="")
        o.notes = None
        r = f.add(o.rec(note="ordinary order after the unbalanced quote: valid" if k == 0 else
                        "ordinary order, last of the file: valid"), "last")
        assert b'"' not in r.content
        add_lines(o, lf)

    f = of[1]  # gzip, LF
    o = new_order(at(d, 17, 0), country="DE", status="paid")
    r = f.add(o.rec(note="a record of exactly 1048576 bytes (the limit; notes of repeated text): valid",
                    notes=long_notes(o, MAX_RECORD_BYTES)))
    assert len(r.content) == MAX_RECORD_BYTES
    add_lines(o, lf)
    o = new_order(at(d, 17, 1), country="DE", status="paid")
    r = f.add(o.rec("MALFORMED_CSV", "a record of 1048577 bytes (one over the limit)",
                    notes=long_notes(o, MAX_RECORD_BYTES + 1)))
    assert len(r.content) == MAX_RECORD_BYTES + 1
    add_special_lines(o, lf[0], "ORPHAN_LINE")
    resent = in1[1]
    f.add(resent.rec("DUPLICATE_KEY", "same order_id as in orders-00001.csv, status shipped: the first file wins",
                     status="shipped"))
    o = new_order(at(d, 18, 30), country="FR")
    f.add(o.rec("INVALID_VALUE", 'currency "eur"', currency="eur"))
    add_special_lines(o, lf[0], "ORPHAN_LINE")
    o = new_order(at(d, 19, 0), country="GB")
    f.add(o.rec("INVALID_VALUE", "order_time as epoch milliseconds", order_time="1795201200000"))
    o = new_order(at(d, 19, 30), country="DE")
    f.add(raw_rec(o, "MALFORMED_CSV", "unquoted comma in notes and a Latin-1 byte 0xFC: 12 fields; malformed wins "
                                      "over encoding", notes="Bitte klingeln, T\udcfcr 2"))

    f = of[2]  # CRLF, last record without a terminator
    f.no_final_newline = True
    o = new_order(at(d, 8, 15), country="GB", status="paid", notes="Ring twice.\r\nParcel box at the back, code 4711.")
    f.add(o.rec(note="notes with CRLF inside the quotes (CRLF file): valid"))
    add_lines(o, lf)
    o = new_order(at(d, 8, 50), country="US", status="paid", notes="Leave at the front desk\nApt 4B")
    f.add(o.rec(note="notes with a bare LF inside the quotes of a CRLF file: valid"))
    add_lines(o, lf)
    o = new_order(at(d, 9, 30), country="FR")
    f.add(raw_rec(o, "MALFORMED_CSV", "text after the closing quote on the 2nd line of a two-line notes field: the "
                                      "record ends at the end of that line",
                  notes='"Deliver after 18:00\r\nor on Saturday" please'))
    add_special_lines(o, lf[1], "ORPHAN_LINE")
    f.add(empty_line("empty line (CRLF only): skipped"))
    o = new_order(at(d, 10, 45), country="AT")
    f.add(raw_rec(o, "MALFORMED_CSV", "10 fields (no notes column)", drop_notes=True))
    o = new_order(at(d, 11, 5), country="DE")
    f.add(o.rec("INVALID_VALUE", 'shipping_country "de"', shipping_country="de"))
    add_special_lines(o, lf[1], "ORPHAN_LINE")
    f.add(Rec(",,,,,,,,,,", "MISSING_FIELD", "a record of 11 empty fields"))
    o = new_order(at(d, 13, 33), country="US", status="shipped")
    f.add(o.rec("INCONSISTENT_TOTAL", "total one cent more than subtotal + shipping + tax", total=amt(o.total + CENT)))
    add_special_lines(o, lf[1], "ORPHAN_LINE")
    o = new_order(at(d, 14, 12), country="DE", status="delivered",
                  items=[("P-1004", 2, Decimal("19.90")), ("P-1005", 1, Decimal("14.50"))], notes="")
    o.notes, o.amount_style = None, "short"
    f.add(o.rec(note="amounts spelled %s (total = sum as exact decimals): valid" % ", ".join(o.fields()[5:9])))
    add_lines(o, lf)
    f.add(twice.rec(note="valid record of an order_id whose first record (orders-00001.csv) is invalid: kept"))
    o = new_order(at(d, 20, 5), country="CH", status="paid")
    f.add(o.rec(note="an order without lines in the export: valid, nested with no lines"), "last")
    o = new_order(at(d, 21, 0), country="DE", status="cancelled", items=[("P-1019", 10000, Decimal("9.99"))])
    f.add(o.rec(note="last record, no line terminator (a cancelled order of 10000 units): valid"), "last")
    lf[0].add(o.line_recs()[0])
    lf[0].special[-1][1].note = "quantity 10000 (the maximum): valid"

    # bad lines of valid orders; orphans of a missing order; duplicates across the two lines files
    hosts = in1[2:5] + in2[:4]
    f = lf[0]  # LF
    h = hosts[0]
    f.add(extra_line(h, str(len(h.items) + 1), "", "1", "19.90", "MISSING_FIELD", "product_id empty"))
    h = hosts[1]
    f.add(extra_line(h, str(len(h.items) + 1), "P-1004", "0", "19.90", "INVALID_VALUE", "quantity 0"))
    h = hosts[2]
    f.add(extra_line(h, str(len(h.items) + 1), "P-1009", "1", "9.999", "INVALID_VALUE", 'unit_price "9.999"'))
    h = hosts[3]
    f.add(extra_line(h, str(len(h.items) + 1), "P-1022", "1.5", "29.90", "INVALID_VALUE",
                     'quantity "1.5"; the same (order_id, line_no) is valid in order_lines-00002.csv'))
    lf[1].add(extra_line(h, str(len(h.items) + 1), "P-1022", "1", "29.90", WRITTEN,
                         "valid line whose first copy (order_lines-00001.csv) is invalid: kept"))
    h = hosts[4]
    f.add(Rec(row([h.oid, str(len(h.items) + 1), "P-1004", "1", "19.90"]) + ",", "MALFORMED_CSV",
              "6 fields (trailing comma)"))
    gone = "O-20261119-63920"
    f.add(Rec(row([gone, "1", "P-1014", "1", "44.90"]), "ORPHAN_LINE",
              "line of an order exported the day before (no such order in this export)", key=(gone, 1)))
    f.add(Rec(row([gone, "2", "P-1009", "2", "24.00"]), "ORPHAN_LINE", None, key=(gone, 2)))
    f.add(empty_line("empty line: skipped"))
    f = lf[1]  # CRLF
    f.add(Rec(row([gone, "1", "P-1014", "1", "44.90"]), "DUPLICATE_KEY",
              "copy of an orphan line: a duplicate (checked before orphans)", key=(gone, 1)))
    h = hosts[5]
    f.add(extra_line(h, "0", "P-1021", "1", "15.00", "INVALID_VALUE", "line_no 0"))
    h = hosts[6]
    move_lines_to(h, lf[0])
    n, pid, q, p = h.items[0]
    f.add(Rec(row([h.oid, str(n), pid, str(q + 1), amt(p)]), "DUPLICATE_KEY",
              "same (order_id, line_no) as a line of order_lines-00001.csv, another quantity: the first file wins",
              key=(h.oid, n)))
    f.add(Rec(",".join([hosts[0].oid, "9", 'P-10"04', "1", "19.90"]), "MALFORMED_CSV",
              "a quote inside the unquoted product_id"))
    return ordinary


def build_day21(ordinary20):
    d = D21
    of = [F("orders", d, "orders-00001.csv", crlf=True), F("orders", d, "orders-00002.csv.bz2", "bz2"),
          F("orders", d, "orders-00003.csv")]
    lf = [F("order_lines", d, "order_lines-00001.csv", bom=True),
          F("order_lines", d, "order_lines-00002.csv.gz", "gz")]

    # orders of 2026-11-20 exported late (today), and re-exports
    o = matched("O-20261120-45491", "paid")
    of[0].add(o.rec(note="matches purchase events of 2026-11-20 18:38-18:40Z, exported a day late: valid"))
    add_lines(o, lf)
    o = matched("O-20261120-33536", "paid")
    of[1].add(o.rec(note="re-export of an order of 2026-11-20 (status placed there, paid here): valid"))
    add_lines(o, lf)
    o = matched("O-20261120-53558", "paid")
    of[0].add(o.rec(note="re-export, fixed, of the 2026-11-20 order quarantined as INCONSISTENT_TOTAL there: valid"))
    add_lines(o, lf)
    for t in random_times(D20, 3, 22, 24):
        route_order(new_order(t, status="paid"), of[2:], lf, None)
    o = new_order(at(D20, 23, 40), country="DE", status="paid", time_style="offset")
    of[2].add(o.rec(note="order_time 2026-11-21T00:40+01:00 = 2026-11-20T23:40Z: order date 2026-11-20"))
    add_lines(o, lf)
    # today's orders
    route_order(matched("O-20261121-82738", "paid"), of[:1], lf, None)
    o = matched("O-20261121-62707", "paid")
    of[1].add(o.rec(note="order_time 2026-11-20T20:25-05:00 = 2026-11-21T01:25Z: order date 2026-11-21 "
                         "(matches purchase events)"))
    add_lines(o, lf)
    ordinary = [new_order(t) for t in random_times(d, 44, 0, 24)]
    for o in ordinary:
        route_order(o, of, lf, [45, 30, 25])
    in1 = [o for o in ordinary if HOME[o.oid] is of[0]]
    o = new_order(at(d, 14, 22), country="CH", status="paid")
    of[1].add(o.rec(note="CHF order on a day without a CHF rate: valid (unconverted in the marts)"))
    add_lines(o, lf)

    f = of[0]  # CRLF
    o = new_order(at(d, 9, 9), country="DE", status="paid", notes='Bitte "nicht" knicken,\r\nDANKE \U0001f64f')
    f.add(o.rec(note="notes with doubled quotes, a comma, CRLF inside the quotes and an emoji: valid"))
    add_lines(o, lf)
    o = new_order(at(d, 9, 30), country="FR")
    f.add(o.rec("MISSING_FIELD", 'total "" (a quoted empty field)', quote={O["total"]}, total=""))
    add_special_lines(o, lf[0], "ORPHAN_LINE")
    o = new_order(at(d, 9, 45), country="DE")
    f.add(o.rec("MISSING_FIELD", "order_id empty", order_id=""))
    o = new_order(at(d, 10, 15), country="NL")
    f.add(o.rec("INVALID_VALUE", "order_time without a zone", order_time="2026-11-21T10:15:00"))
    add_special_lines(o, lf[1], "ORPHAN_LINE")
    o = new_order(at(d, 10, 50), country="DE")
    f.add(o.rec("INVALID_VALUE", 'shipping "-4.90" (a sign)', shipping="-4.90"))
    o = new_order(at(d, 11, 20), country="US")
    f.add(o.rec("INVALID_VALUE", "tax with three fraction digits", tax=amt(o.tax) + "0"))
    o = new_order(at(d, 11, 55), country="AT")
    f.add(o.rec("INVALID_VALUE", 'shipping_country "AUT"', shipping_country="AUT"))
    add_special_lines(o, lf[0], "ORPHAN_LINE")
    o = new_order(at(d, 12, 10), country="DE")
    f.add(o.rec("INVALID_VALUE", "subtotal with 17 integer digits", subtotal="12345678901234567.00"))
    o = new_order(at(d, 12, 40), country="GB",
                  items=[("P-1023", 4, Decimal("259.99")), ("P-1013", 1, Decimal("163.99"))])
    f.add(o.rec("INVALID_VALUE", 'total "1,203.95" (thousands separator; quoted)', total="1,203.95"))
    add_special_lines(o, lf[0], "ORPHAN_LINE")
    o = new_order(at(d, 13, 5), country="US", status="paid")
    f.add(o.rec("INCONSISTENT_TOTAL", "total = subtotal + shipping (tax left out)", total=amt(o.subtotal + o.shipping)))
    add_special_lines(o, lf[1], "ORPHAN_LINE")
    o = new_order(at(d, 13, 40), country="DE")
    r1 = f.add(raw_rec(o, "MALFORMED_CSV", "a quote inside the unquoted user_id: the record ends at the end of this "
                                           "line, so the quote opened in notes does not span lines",
                       user_id='u-88231"', notes='"Call first,'))
    f.add(Rec('then leave it at the door"', "MALFORMED_CSV",
              "the next line is a record of its own: a quote inside an unquoted field"), ("next", r1))
    dup_order, again_order = in1[0], in1[1]
    original = next(r for r in f.normal if r.key == dup_order.oid)
    f.add(Rec(original.content, "DUPLICATE_KEY", "verbatim copy of an earlier order of this file",
              key=dup_order.oid), ("after", original))
    e1 = f.add(empty_line("empty line (1 of 2 in a row): skipped"))
    f.add(empty_line("empty line (2 of 2 in a row): skipped"), ("next", e1))

    f = of[1]  # bz2, LF
    f.add(again_order.rec("DUPLICATE_KEY", "same order_id as in orders-00001.csv (status refunded): the first file "
                                           "wins", status="refunded"))
    f.add(Rec("   ", "MALFORMED_CSV", "a line of three spaces (1 field)"))
    o = new_order(at(d, 16, 0, 12, 345), country="SE", status="paid", time_style="micro")
    f.add(o.rec(note="order_time with microseconds and +01:00; SEK: valid"))
    add_lines(o, lf)
    o = new_order(at(d, 16, 30), country="DE")
    f.add(o.rec("INVALID_VALUE", "order_time hour 24", order_time="2026-11-21T24:00:00Z"))
    add_special_lines(o, lf[1], "ORPHAN_LINE")
    o = new_order(at(d, 17, 0), country="IE")
    f.add(o.rec("INVALID_VALUE", 'status "PAID" (upper case)', status="PAID"))
    o = new_order(at(d, 17, 30), country="FR")
    f.add(o.rec("INVALID_VALUE", "order_time on 2026-11-31 (no such date)", order_time="2026-11-31T17:30:00Z"))

    f = of[2]  # LF; ends with an unbalanced quote and no terminator
    o = new_order(at(d, 18, 0), country="NL", status="paid", notes='Two lines:\n"Back door", then ring.')
    f.add(o.rec(note="notes over two lines, the second beginning with a doubled quote: valid"))
    add_lines(o, lf)
    o = new_order(at(d, 19, 10), country="DE", status="paid", items=[("P-1002", 1, Decimal("59.00"))])
    f.add(o.rec(note="valid order whose only line is invalid: nested with no lines"))
    only = o
    o = new_order(at(d, 21, 0), country="IE")
    f.no_final_newline = True
    f.add(raw_rec(o, "MALFORMED_CSV", "the last record opens a quote that never closes and has no line break: it "
                                      "runs to the end of the file", notes='"Leave at reception, ask for Siobhan'),
          "last")
    add_special_lines(o, lf[1], "ORPHAN_LINE")

    f = lf[0]  # BOM, LF
    hosts = in1[2:] + [o for o in ordinary if HOME[o.oid] is not of[0]]
    h = hosts[0]
    f.add(extra_line(h, str(len(h.items) + 1), "P-1008", "10001", "34.99", "INVALID_VALUE", "quantity 10001"))
    h = hosts[1]
    f.add(extra_line(h, "-1", "P-1008", "1", "34.99", "INVALID_VALUE", 'line_no "-1"'))
    h = hosts[2]
    f.add(extra_line(h, str(len(h.items) + 1), "P-1008", "1", "-5.00", "INVALID_VALUE", 'unit_price "-5.00"'))
    h = hosts[3]
    f.add(extra_line(h, str(len(h.items) + 1), "P-1008", "1", "", "MISSING_FIELD", "unit_price empty"))
    h = hosts[4]
    f.add(extra_line(h, str(len(h.items) + 1), "P-1008", "", "34.99", "MISSING_FIELD", 'quantity "" (quoted)',
                     quote={3}))
    h = hosts[5]
    f.add(Rec(row([h.oid, str(len(h.items) + 1), "P-1008", "1"]), "MALFORMED_CSV", "4 fields"))
    f.add(Rec(row([only.oid, "1", "P-1002", "1", "59,00"]), "INVALID_VALUE",
              'unit_price "59,00" (decimal comma; quoted)', key=(only.oid, 1)))
    old = next(o for o in ordinary20 if HOME[o.oid].name == "orders-00003.csv")
    for r in old.line_recs():
        f.add(Rec(r.content, "ORPHAN_LINE", "line re-sent a day after its order (the order is in the 2026-11-20 "
                                            "export, not in this one)" if r.key[1] == 1 else None, key=r.key), "last")
    move_lines_to(dup_order, f)
    for r in dup_order.line_recs():
        f.add(Rec(r.content, "DUPLICATE_KEY", "line re-sent with its duplicated order" if r.key[1] == 1 else None,
                  key=r.key), "last")
    f.add(empty_line("empty line: skipped"))
    lf[1].no_final_newline = True
    return ordinary


def build_day22(ordinary21):
    d = D22
    f = F("orders", d, "orders-00001.csv")
    lf = [F("order_lines", d, "order_lines-00001.csv")]
    empty = F("order_lines", d, "order_lines-00002.csv")
    o = matched("O-20261121-66497", "paid")
    f.add(o.rec(note="matches purchase events of 2026-11-21 15:05-15:06Z, exported a day late: valid"))
    add_lines(o, lf)
    for t in random_times(D21, 3, 20, 24):
        route_order(new_order(t, status="paid"), [f], lf, None)
    o = new_order(at(D21, 23, 59, 59, 999), country="GB", status="paid", time_style="z3")
    f.add(o.rec(note="order_time 2026-11-21T23:59:59.999Z: order date 2026-11-21, exported a day late"))
    add_lines(o, lf)
    o = new_order(at(D20, 21, 15), country="DE", status="paid", time_style="z0")
    f.add(o.rec(note="order of 2026-11-20 exported two days late (outside a late_days=1 window)"))
    add_lines(o, lf)
    for t in random_times(d, 3, 0, 2):
        route_order(new_order(t, status="paid"), [f], lf, None)
    o = new_order(at(D21, 22, 30), country="FR")
    f.add(o.rec("INVALID_VALUE", 'status "returned"', status="returned"))
    add_special_lines(o, lf[0], "ORPHAN_LINE")
    r = ordinary21[0].line_recs()[0]
    lf[0].add(Rec(r.content, "ORPHAN_LINE", "line of an order exported on 2026-11-21 only", key=r.key))
    empty.note = "header only: no records"


# ----------------------------------------------------------------------------------------------------
# Products and FX rates

def product_fields(p, d):
    pid, title, category, brand, _, _, active = p
    return [pid, title, category, brand, amt(list_price(pid, d)), "EUR", "true" if active else "false"]


def build_products():
    for d in (D20, D21):
        f = F("products", d, "products.csv", crlf=(d == D21))
        for p in CATALOG:
            f.normal.append(Rec(row(product_fields(p, d)), key=p[0]))
        by = {r.key: r for r in f.normal}
        notes = {
            "P-1001": "title with doubled quotes and a comma: valid",
            "P-1016": "category and brand empty (null): valid",
            "P-1039": "title empty (null); active false: valid",
            "P-1027": "brand with a comma (quoted): valid",
        }
        for pid, note in notes.items():
            by[pid].note = note
        if d == D20:
            by["P-1003"].note = "list_price 229.00 (199.00 on 2026-11-21)"
            r = by["P-1008"]
            f.add(Rec(row(product_fields(BY_ID["P-1008"], d)[:6] + ["yes"]), "INVALID_VALUE",
                      'active "yes"; a valid P-1008 follows later: kept'), ("before", r))
            r.note = "valid P-1008 after an invalid one: kept, not a duplicate"
            r = by["P-1012"]
            f.add(Rec(row(product_fields(BY_ID["P-1012"], d)[:4] + ["24.90", "EUR", "true"]), "DUPLICATE_KEY",
                      "P-1012 again with list_price 24.90: the first (22.90) is kept", key="P-1012"), ("after", r))
            replace(f, "P-1031", Rec(row(product_fields(BY_ID["P-1031"], d)[:4] + ["", "EUR", "true"]),
                                     "MISSING_FIELD", "list_price empty"))
            replace(f, "P-1021", Rec('P-1021,Neck Gaiter "Merino",accessories,Nordkamm,15.00,EUR,true',
                                     "MALFORMED_CSV", "a quote inside the unquoted title (P-1021 is then unknown "
                                                      "on 2026-11-20)"))
            replace(f, "P-1034", Rec(row(product_fields(BY_ID["P-1034"], d)[:4] + ["16,90", "EUR", "true"]),
                                     "INVALID_VALUE", 'list_price "16,90" (quoted, decimal comma)'))
            f.add(Rec(row(product_fields(BY_ID["P-1012"], d)[:4] + ["22.90", "EUR", "true"]), "DUPLICATE_KEY",
                      "P-1012 a third time, verbatim", key="P-1012"), "last")
            f.add(empty_line("empty line: skipped"))
        else:
            by["P-1003"].note = "list_price 199.00 (was 229.00)"
            f.add(Rec(row(product_fields(BY_ID["P-1003"], D20)), "DUPLICATE_KEY",
                      "P-1003 again with yesterday's price 229.00: the first (199.00) is kept", key="P-1003"), "last")
            replace(f, "P-1030", Rec(row([""] + product_fields(BY_ID["P-1030"], d)[1:]), "MISSING_FIELD",
                                     "product_id empty"))
            replace(f, "P-1028", Rec(row(product_fields(BY_ID["P-1028"], d)[:5] + ["eur", "true"]), "INVALID_VALUE",
                                     'currency "eur"'))
            replace(f, "P-1037", Rec(row(product_fields(BY_ID["P-1037"], d)[:6] + ["TRUE"]), "INVALID_VALUE",
                                     'active "TRUE"'))
            replace(f, "P-1038", Rec(row(product_fields(BY_ID["P-1038"], d)[:6] + [""]), "MISSING_FIELD",
                                     "active empty"))
            replace(f, "P-1033", Rec("P-1033,Ice Axe, 50 cm,climbing,Alpenglow,99.00,EUR,true", "MALFORMED_CSV",
                                     "unquoted comma in the title: 8 fields"))
            replace(f, "P-1036", Rec(row(["P-1036", "Hydration Bladder 2 l \udcb7 blue"] +
                                         product_fields(BY_ID["P-1036"], d)[2:]), "INVALID_ENCODING",
                                     "Latin-1 byte 0xB7 (middle dot) in the title"))
            r = by["P-1012"]
            r.content = row(product_fields(BY_ID["P-1012"], d), quote=True).encode()
            r.note = "every field quoted: valid"


def replace(f, pid, rec):
    i = next(i for i, r in enumerate(f.normal) if r.key == pid)
    f.normal[i] = rec


FX = {
    D20: [("USD", "1"), ("EUR", "1.05873412"), ("GBP", "1.2641883"), ("JPY", "0.00647293"), ("CHF", "1.1325079"),
          ("SEK", "0.09134562"), ("DKK", "0.141973051"), ("PLN", "0.24413208,ECB"), ("EUR", "1.0601"), ("NOK", "")],
    D21: [("USD", '"1.00"'), ("EUR", "1.05514876"), ("GBP", '"1.2601239"'), ("JPY", "6.46e-3"), ("SEK", "0.09152117"),
          ("", "1.1302"), ("GBP", "1.27"), ('"SEK"K', "0.0915"), ("DKK", "0.14158776"), ("JPY", "0.00645981"),
          ("PLN", "0.24391047")],
}
FX_LABELS = {
    (D20, 6): ("INVALID_VALUE", "9 fraction digits (DKK has no rate on 2026-11-20)"),
    (D20, 7): ("MALFORMED_CSV", "3 fields (PLN has no rate on 2026-11-20)"),
    (D20, 8): ("DUPLICATE_KEY", "EUR again: the first rate is kept"),
    (D20, 9): ("MISSING_FIELD", "usd_per_unit empty"),
    (D21, 0): (WRITTEN, 'USD "1.00" (quoted; the first record after a BOM): valid'),
    (D21, 2): (WRITTEN, "quoted rate: valid"),
    (D21, 3): ("INVALID_VALUE", 'exponent notation "6.46e-3"; a valid JPY follows later: kept'),
    (D21, 5): ("MISSING_FIELD", "currency empty (the CHF rate lost: no CHF rate on 2026-11-21)"),
    (D21, 6): ("DUPLICATE_KEY", "GBP again: the first rate is kept"),
    (D21, 7): ("MALFORMED_CSV", "text after the closing quote of the currency"),
}


def build_fx():
    for d in (D20, D21):
        f = F("fx_rates", d, "fx_rates.csv", crlf=(d == D21), bom=(d == D21))
        for i, (cur, rate) in enumerate(FX[d]):
            label, note = FX_LABELS.get((d, i), (WRITTEN, None))
            f.normal.append(Rec("%s,%s" % (cur, rate), label, note, key=cur))
        if d == D20:
            f.normal.append(empty_line("empty last line (the file ends with \\n\\n): skipped"))


# ----------------------------------------------------------------------------------------------------
# Whole-export rules, asserted against the declared labels

def resolve(day):
    """Re-derives DUPLICATE_KEY and ORPHAN_LINE from keys and intrinsic labels; returns kept order -> line_nos."""
    def ordered(dataset):
        out = []
        for rel in sorted(FILES):
            f = FILES[rel]
            if f.dataset == dataset and f.day == day:
                out += [(rel, r.offset, r) for r in f.recs]
        return [r for _, _, r in sorted(out, key=lambda x: (x[0], x[1]))]

    def dedup(recs):
        seen = set()
        kept = []
        for r in recs:
            if not r.valid:
                continue
            want = "DUPLICATE_KEY" if r.key in seen else None
            assert (r.label == "DUPLICATE_KEY") == (want is not None), (day, r.key, r.label, r.note)
            if want is None:
                seen.add(r.key)
                kept.append(r)
        return kept

    nesting = {}
    for r in dedup(ordered("orders")):
        assert r.label == WRITTEN, (r.key, r.label)
        nesting[r.key] = []
    for r in dedup(ordered("order_lines")):
        orphan = r.key[0] not in nesting
        assert (r.label == "ORPHAN_LINE") == orphan, (day, r.key, r.label, r.note)
        if not orphan:
            nesting[r.key[0]].append(r.key[1])
    for ds in ("products", "fx_rates"):
        for r in dedup(ordered(ds)):
            assert r.label == WRITTEN, (r.key, r.label)
    return {oid: sorted(nos) for oid, nos in nesting.items()}


# ----------------------------------------------------------------------------------------------------

def main():
    verify_purchases()
    for ds in DATASETS:
        path = os.path.join(WAREHOUSE, "raw", ds)
        if os.path.exists(path):
            shutil.rmtree(path)
    os.makedirs(EXPECTED, exist_ok=True)
    ordinary20 = build_day20()
    ordinary21 = build_day21(ordinary20)
    build_day22(ordinary21)
    build_products()
    build_fx()
    for rel in sorted(FILES):
        write_file(FILES[rel])
    for rel in sorted({os.path.dirname(r) for r in FILES}):
        open(os.path.join(WAREHOUSE, rel, "_SUCCESS"), "wb").close()

    days = {"orders": {}, "products": {}, "fx_rates": {}}
    rejects = ["dataset\tdt\tfile\tbyte_offset\tline_number\toutcome"]
    nesting_rows = ["dt\torder_id\tline_nos"]
    kept_orders = {}
    for day in (D20, D21, D22):
        nesting = resolve(day)
        kept_orders[day] = nesting
        for oid in sorted(nesting):
            nesting_rows.append("%s\t%s\t%s" % (day.isoformat(), oid, ",".join(str(n) for n in nesting[oid])))
    for ds in DATASETS:
        for rel in sorted(FILES):
            f = FILES[rel]
            if f.dataset != ds:
                continue
            job = "orders" if ds in ("orders", "order_lines") else ds
            base = {"read": 0, "written": 0}
            if job == "orders":
                base.update(orders_written=0, lines_written=0)
            base.update(skipped=0, quarantined=0, by_reason={})
            day = days[job].setdefault(f.day.isoformat(), base)
            for r in f.recs:
                day["read"] += 1
                if r.label == WRITTEN:
                    day["written"] += 1
                    if ds == "orders":
                        day["orders_written"] += 1
                    elif ds == "order_lines":
                        day["lines_written"] += 1
                elif r.label == SKIPPED:
                    day["skipped"] += 1
                else:
                    day["quarantined"] += 1
                    day["by_reason"][r.label] = day["by_reason"].get(r.label, 0) + 1
                if r.label != WRITTEN:
                    rejects.append("%s\t%s\t%s\t%d\t%d\t%s" % (ds, f.day.isoformat(), rel, r.offset, r.line, r.label))
    for job in days:
        for dt in days[job]:
            d = days[job][dt]
            d["by_reason"] = {k: d["by_reason"][k] for k in REASONS if k in d["by_reason"]}
            assert d["read"] == d["written"] + d["skipped"] + d["quarantined"]
    for dt, d in days["orders"].items():
        nesting = kept_orders[date.fromisoformat(dt)]
        assert d["orders_written"] == len(nesting) and d["lines_written"] == sum(len(v) for v in nesting.values())
    check_cross(kept_orders)
    check_coverage()
    for job, name in (("orders", "ingest-orders.json"), ("products", "ingest-products.json"),
                      ("fx_rates", "ingest-fx.json")):
        with open(os.path.join(EXPECTED, name), "w") as out:
            json.dump({"days": days[job]}, out, indent=2)
            out.write("\n")
    with open(os.path.join(EXPECTED, "csv-rejects.tsv"), "w") as out:
        out.write("\n".join(rejects) + "\n")
    with open(os.path.join(EXPECTED, "orders-lines.tsv"), "w") as out:
        out.write("\n".join(nesting_rows) + "\n")
    write_doc(days, kept_orders)
    print(json.dumps(days, indent=2))
    check = subprocess.run([sys.executable, os.path.join(HERE, "check_csv_sample.py")])
    if check.returncode != 0:
        sys.exit("check_csv_sample.py disagrees with the construction labels")


REQUIRED = {  # reasons each dataset must show at least twice over the sample
    "orders": ["MALFORMED_CSV", "MISSING_FIELD", "INVALID_VALUE", "INCONSISTENT_TOTAL", "DUPLICATE_KEY"],
    "order_lines": ["MALFORMED_CSV", "MISSING_FIELD", "INVALID_VALUE", "DUPLICATE_KEY", "ORPHAN_LINE"],
    "products": ["MALFORMED_CSV", "MISSING_FIELD", "INVALID_VALUE", "DUPLICATE_KEY"],
    "fx_rates": ["MALFORMED_CSV", "MISSING_FIELD", "INVALID_VALUE", "DUPLICATE_KEY"],
}


def check_coverage():
    for ds, reasons in REQUIRED.items():
        labels = [r.label for f in FILES.values() if f.dataset == ds for r in f.recs]
        for reason in reasons:
            assert labels.count(reason) >= 2, (ds, reason, labels.count(reason))
        assert SKIPPED in labels, ds
    lines = [r for f in FILES.values() if f.dataset == "order_lines" for r in f.recs if r.label == "ORPHAN_LINE"]
    assert any(r.key[0] in USED_IDS for r in lines) and any(r.key[0] not in USED_IDS for r in lines)


def dataset_counts(ds, day):
    c = {"read": 0, "written": 0, "skipped": 0, "quarantined": 0, "by_reason": {}}
    for f in FILES.values():
        if f.dataset == ds and f.day == day:
            for r in f.recs:
                c["read"] += 1
                if r.label in (WRITTEN, SKIPPED):
                    c["written" if r.label == WRITTEN else "skipped"] += 1
                else:
                    c["quarantined"] += 1
                    c["by_reason"][r.label] = c["by_reason"].get(r.label, 0) + 1
    return c


def reason_text(by_reason):
    return ", ".join("%s %d" % (k, by_reason[k]) for k in REASONS if k in by_reason) or "-"


def write_doc(days, kept_orders):
    out = []
    w = out.append
    w("Hand-checked CSV exports (orders, order lines, product catalog, FX rates) and the ingest results they "
      "must give. Written by `make_csv_sample.py`; the clickstream events sample is described in README.md.")
    w("")
    w("## What is here")
    w("")
    w("Files under `warehouse/` in the DATA-CONTRACT.md layout. Every `raw/<dataset>/dt=D/` directory also holds "
      "an empty `_SUCCESS` (the lander's completion marker: never data). Line counts are physical lines of the "
      "decompressed file, header included; records are CSV records (header excluded, empty lines included).")
    w("")
    w("| file | bytes on disk | lines | records | form |")
    w("|---|---|---|---|---|")
    for rel in sorted(FILES, key=lambda r: (DATASETS.index(FILES[r].dataset), r)):
        f = FILES[rel]
        form = ", ".join(x for x in (
            {"gz": "gzip", "bz2": "bzip2", "plain": "plain"}[f.kind], "CRLF" if f.crlf else "LF",
            "UTF-8 BOM" if f.bom else "", "no final line break" if f.no_final_newline else "") if x)
        w("| `%s` | %d | %d | %d | %s |" % (rel, len(f.stored), f.data.count(b"\n") + (0 if f.data.endswith(b"\n")
                                                                                   else 1), len(f.recs), form))
    w("")
    w("Ordinary orders are shop orders from DE/FR/NL/AT/IE (EUR), GB (GBP), US (USD, with sales tax), CH (CHF) and "
      "SE (SEK); their lines use the catalog prices of the day converted as in the events sample; shipping is free "
      "above a threshold; statuses are all six. `order_time` is written with `Z`, milliseconds, the local offset or "
      "microseconds; amounts as `149.00` or, for some orders, `149` / `4.9`.")
    w("")
    w("Expected results (all written from the construction labels, re-derived by `check_csv_sample.py`):")
    w("")
    w("- `expected/ingest-orders.json`: per export day, one job over orders and order lines: `read` = order records "
      "+ line records + empty lines (headers excluded), `written` = kept valid orders + their kept lines "
      "(`orders_written` + `lines_written`), `skipped` (empty lines), `quarantined` and `by_reason` (both datasets "
      "together).")
    w("- `expected/ingest-products.json`, `expected/ingest-fx.json`: per day `read`, `written`, `skipped`, "
      "`quarantined`, `by_reason`.")
    w("- `expected/csv-rejects.tsv` (header row): one row per record that is not written: dataset, dt, file "
      "(relative to `warehouse/`), byte_offset (of the record's first byte in the decompressed file; a BOM counts: "
      "the header of a BOM file is at offset 3), line_number (physical line of that byte, the header is line 1), "
      "outcome (SKIPPED or the reason).")
    w("- `expected/orders-lines.tsv` (header row): one row per kept order: dt, order_id, the kept line_nos in "
      "ascending order, comma-separated (empty when the order has no kept line).")
    w("")
    w("## Rules the labels follow")
    w("")
    w("First failing rule wins, in this order: `MALFORMED_CSV`, `INVALID_ENCODING`, `MISSING_FIELD`, "
      "`INVALID_VALUE`, `INCONSISTENT_TOTAL`, then the whole-export rules `DUPLICATE_KEY` and `ORPHAN_LINE`.")
    w("")
    w("- Parsing (RFC 4180, on bytes): the header line comes first and is exactly the contract's columns; a UTF-8 "
      "BOM at file start is ignored; records end at LF or CRLF (a CR elsewhere is data) or at the end of the "
      "file. A line with nothing before its terminator, at a record start, is SKIPPED (read, not quarantined); an "
      "empty line inside quotes is part of the field.")
    w("- `MALFORMED_CSV`: a quote inside an unquoted field, or text after a closing quote: the record ends at the "
      "end of the physical line holding the error and parsing resumes on the next line (even if that line is the "
      "middle of what a quoted field was meant to be); a quote still open at the end of the file: the record is "
      "cut at its first line break (or runs to the end of the file if it has none) and parsing resumes right "
      "after it; a field count other than the header's; a record over 1 MiB, counted from its first byte up to, "
      "not including, its terminator (line breaks inside quotes count): 1048576 bytes is valid, 1048577 is not.")
    w("- `INVALID_ENCODING`: a well-formed record (right field count, within the size limit) holding bytes that "
      "are not UTF-8. A record that is also malformed is `MALFORMED_CSV`.")
    w("- `MISSING_FIELD` over all columns first (an empty field, also a quoted `\"\"`, is missing; only orders' "
      "shipping_country and notes and products' title, category and brand may be empty, meaning null), then "
      "`INVALID_VALUE` in column order: order_time `YYYY-MM-DDTHH:MM:SS[.fraction](Z|+HH:MM|-HH:MM)`, a real "
      "date and time (no epoch millis for CSV); status one of placed, paid, shipped, delivered, cancelled, "
      "refunded; currency 3 upper-case ASCII letters (one without an FX rate is valid); amounts `digits[.d[d]]`, "
      "at most 16 integer digits, no sign or spaces; usd_per_unit `digits[.1-8 digits]`; line_no digits >= 1; "
      "quantity digits 1..10000; active `true`/`false`; shipping_country 2 upper-case letters. Fields are never "
      "trimmed. product_id and order_id have no format rule (a line may name a product not in the catalog).")
    w("- `INCONSISTENT_TOTAL`: total != subtotal + shipping + tax as exact decimals (`59.2` = `59.20`).")
    w("- `DUPLICATE_KEY`, per export day over all files of the dataset, among records that passed every rule "
      "above: the first by (file path, byte offset) is kept. Keys: order_id; (order_id, line_no); product_id; "
      "currency. An invalid record never makes a later valid one a duplicate.")
    w("- `ORPHAN_LINE`: a valid line that is not a duplicate and whose order_id is not a kept order of the same "
      "day's orders export (no such order, or the order was quarantined). A duplicate of an orphan line is "
      "`DUPLICATE_KEY`. An order quarantined as a duplicate still has its kept first copy, so its lines nest there.")
    w("")
    w("## Expected counts")
    w("")
    w("| job | dt | read | written | orders / lines written | skipped | quarantined | by reason |")
    w("|---|---|---|---|---|---|---|---|")
    for job, name in (("orders", "ingest-orders"), ("products", "ingest-products"), ("fx_rates", "ingest-fx")):
        for dt in sorted(days[job]):
            c = days[job][dt]
            w("| %s | %s | %d | %d | %s | %d | %d | %s |" % (
                name, dt, c["read"], c["written"],
                "%d / %d" % (c["orders_written"], c["lines_written"]) if job == "orders" else "-",
                c["skipped"], c["quarantined"], reason_text(c["by_reason"])))
    w("")
    w("By dataset:")
    w("")
    w("| dataset | dt | read | written | skipped | quarantined | by reason |")
    w("|---|---|---|---|---|---|---|")
    for ds in DATASETS:
        for day in sorted({f.day for f in FILES.values() if f.dataset == ds}):
            c = dataset_counts(ds, day)
            w("| %s | %s | %d | %d | %d | %d | %s |" % (ds, day.isoformat(), c["read"], c["written"], c["skipped"],
                                                      c["quarantined"], reason_text(c["by_reason"])))
    w("")
    w("## Consistency with the events sample")
    w("")
    w("The valid purchase events of `warehouse/raw/events` carry %d order_ids (`make_csv_sample.py` fails if its "
      "`PURCHASES` table no longer matches them). Orders of guests carry the visitor's anonymous_id as user_id; "
      "shipping_country is the visitor's country; lines are the purchased products, quantities and prices." %
      len(PURCHASES))
    w("")
    w("| order_id | order_time | kept in exports (status) |")
    w("|---|---|---|")
    for oid in sorted(PURCHASES):
        where = []
        for day in sorted(kept_orders):
            for f in sorted(FILES.values(), key=lambda x: x.rel):
                for r in f.recs:
                    if f.dataset == "orders" and f.day == day and r.key == oid and r.label == WRITTEN:
                        where.append("%s (%s)" % (day.isoformat(), r.content.split(b",")[3].decode()))
        quarantined = [f.day.isoformat() for f in FILES.values() if f.dataset == "orders" for r in f.recs
                       if r.key == oid and r.label != WRITTEN]
        text = ", ".join(where) if where else "none: orphan purchase"
        if quarantined:
            text += "; quarantined in %s" % ", ".join(quarantined)
        w("| %s | %s | %s |" % (oid, MATCHED_TIMES.get(oid, "-"), text))
    w("")
    w("## Facts for the marts")
    w("")
    for day in (D20, D21):
        rates = [r.key for f in FILES.values() if f.dataset == "fx_rates" and f.day == day for r in f.recs
                 if r.label == WRITTEN]
        w("- FX %s: rates for %s; none for the other currencies." % (day.isoformat(), ", ".join(sorted(rates))))
    w("- No CHF rate on 2026-11-21 (its row lost its currency code: MISSING_FIELD), while CHF orders dated "
      "2026-11-21 are valid: unconverted orders. The ordinary events of the events sample only use EUR, GBP and "
      "USD, which have rates on both days; its session edge cases (`sessions-edge.jsonl`, all dated 2026-11-20) "
      "also use CHF and JPY (rates on 2026-11-20) and DKK and PLN (none on 2026-11-20).")
    for day in (D20, D21):
        kept = {r.key for f in FILES.values() if f.dataset == "products" and f.day == day for r in f.recs
                if r.label == WRITTEN}
        missing = [p[0] for p in CATALOG if p[0] not in kept]
        w("- Catalog %s: %d products kept; without a valid record: %s." % (day.isoformat(), len(kept),
                                                                        ", ".join(missing)))
    w("- Price changes 2026-11-20 -> 2026-11-21: %s. P-1016 and P-1040 (gift cards) have no category and "
      "no brand (null: a group of their own in top_products); P-1037 and P-1039 are inactive." % ", ".join(
          "%s %s -> %s" % (p[0], p[4], p[5]) for p in CATALOG if p[4] != p[5]))
    w("- Late and repeated exports: orders dated 2026-11-20 in the 2026-11-21 export, orders dated 2026-11-21 in "
      "the 2026-11-22 export (no products or FX files are given for 2026-11-22), one order dated 2026-11-20 in the "
      "2026-11-22 export (outside late_days = 1), O-20261120-33536 exported on both days with different "
      "statuses, O-20261120-53558 quarantined on 2026-11-20 and valid on 2026-11-21.")
    w("")
    w("## Every deliberate record")
    w("")
    w("Ordinary valid records are not listed; neither are the lines of a quarantined order after its first one "
      "(they share its ORPHAN_LINE). Line = physical line of the record's first byte (header = line 1); offset = "
      "byte offset in the decompressed file.")
    w("")
    w("| file | line | offset | outcome | what |")
    w("|---|---|---|---|---|")
    for rel in sorted(FILES, key=lambda r: (DATASETS.index(FILES[r].dataset), r)):
        f = FILES[rel]
        if getattr(f, "note", None):
            w("| `%s` | - | - | - | %s |" % (rel, f.note))
        for r in f.recs:
            if r.note:
                w("| `%s` | %d | %d | %s | %s |" % (rel, r.line, r.offset, r.label,
                                                  r.note.replace("|", "\\|").replace("\n", " ")))
    w("")
    w("## Regenerate")
    w("")
    w("`python3 test-data/make_csv_sample.py` (after `make_sample.py`, whose events it reads) rewrites "
      "`warehouse/raw/{orders,order_lines,products,fx_rates}`, its four expected files and this file "
      "deterministically (fixed seed, gzip mtime 0; Python 3 standard library only), labelling every record from how "
      "it was built, then runs `test-data/check_csv_sample.py`, which re-reads the files with its own CSV state "
      "machine (and compares its fields with Python's csv module on every well-formed record), applies the rules "
      "above independently and fails if any count, reject row or nesting differs.")
    w("")
    with open(os.path.join(HERE, "CSV-SAMPLE.md"), "w") as fh:
        fh.write("\n".join(out))


def check_cross(kept_orders):
    """Every purchase order_id but the two orphans has a kept order in the export of its day or the next."""
    for oid in PURCHASES:
        d = date(int(oid[2:6]), int(oid[6:8]), int(oid[8:10]))
        exported = [day for day in kept_orders if oid in kept_orders[day] and day in (d, d + timedelta(days=1))]
        assert bool(exported) == (oid not in ORPHAN_PURCHASES), (oid, exported)


if __name__ == "__main__":
    main()
