#!/usr/bin/env python3
"""Builds the hand-checked raw-events sample under test-data/warehouse and its expected results.

Deterministic (fixed seed, gzip mtime 0, no third-party modules): running it twice gives identical bytes.
Every line is labelled as it is built, from the way it was built (never by re-parsing it); the expected
files under test-data/expected are written from those labels, and test-data/check_sample.py then
re-reads the produced files, re-derives every outcome by applying the ingest rules, and must agree.

Usage: python3 test-data/make_sample.py
"""

import bz2
import gzip
import json
import os
import random
import shutil
import subprocess
import sys
import uuid
import zlib
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

HERE = os.path.dirname(os.path.abspath(__file__))
WAREHOUSE = os.path.join(HERE, "warehouse")
EXPECTED = os.path.join(HERE, "expected")
EVENTS = "raw/events"

SEED = 20261120
LATE_DAYS = 1
MAX_LINE_BYTES = 1048576  # 1 MiB, terminator excluded
BOM = b"\xef\xbb\xbf"
EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)

D1 = date(2026, 11, 20)
D2 = date(2026, 11, 21)

WRITTEN = "WRITTEN"
SKIPPED = "SKIPPED"
REASONS = ["TRUNCATED_INPUT", "INVALID_ENCODING", "RECORD_TOO_LARGE", "MALFORMED_JSON", "MISSING_FIELD",
           "INVALID_VALUE", "LATE", "FUTURE"]

rng = random.Random(SEED)


# ----------------------------------------------------------------------------------------------------
# JSON text built by hand, so that number spellings (12.50 vs 12.5), key order, duplicate keys and
# spacing are exactly what the line is meant to test.

class Raw(str):
    """JSON text inserted as is (numbers spelled exactly, nested text, deliberate breakage)."""


DROP = object()  # override value: remove the field


def jtext(value, ensure_ascii=False):
    if isinstance(value, Raw):
        return str(value)
    return json.dumps(value, ensure_ascii=ensure_ascii, separators=(",", ":"))


def ser(pairs, spaced=False, ensure_ascii=False):
    sep, colon = (", ", ": ") if spaced else (",", ":")
    return "{" + sep.join(json.dumps(k, ensure_ascii=ensure_ascii) + colon + jtext(v, ensure_ascii)
                          for k, v in pairs) + "}"


def override(pairs, **changes):
    out = []
    for k, v in pairs:
        if k in changes:
            nv = changes.pop(k)
            if nv is not DROP:
                out.append((k, nv))
        else:
            out.append((k, v))
    for k, v in changes.items():
        if v is not DROP:
            out.append((k, v))
    return out


# ----------------------------------------------------------------------------------------------------
# Catalog, visitors, times

PRODUCTS = [
    ("P-1001", "trail-running-shoe-aurora", Decimal("89.90")),
    ("P-1002", "merino-base-layer", Decimal("59.00")),
    ("P-1003", "down-jacket-fjell", Decimal("229.00")),
    ("P-1004", "wool-beanie", Decimal("19.90")),
    ("P-1005", "hiking-socks-3-pack", Decimal("14.50")),
    ("P-1006", "rain-shell-kestrel", Decimal("149.00")),
    ("P-1007", "trekking-poles-carbon", Decimal("79.95")),
    ("P-1008", "headlamp-400lm", Decimal("34.99")),
    ("P-1009", "insulated-bottle-750ml", Decimal("24.00")),
    ("P-1010", "daypack-22l", Decimal("69.00")),
    ("P-1011", "fleece-jacket-polar", Decimal("74.50")),
    ("P-1012", "gloves-touchscreen", Decimal("22.90")),
    ("P-1013", "sleeping-bag-minus5", Decimal("189.00")),
    ("P-1014", "camping-stove-mini", Decimal("44.90")),
    ("P-1015", "thermal-leggings", Decimal("39.90")),
    ("P-1016", "gift-card-50", Decimal("50")),
    ("P-1017", "sunglasses-glacier", Decimal("99.00")),
    ("P-1018", "backpack-rain-cover", Decimal("12.90")),
    ("P-1019", "trail-mix-bar-12", Decimal("9.99")),
    ("P-1020", "approach-shoe-granite", Decimal("129.00")),
    ("P-1021", "neck-gaiter", Decimal("15.00")),
    ("P-1022", "first-aid-kit", Decimal("29.90")),
    ("P-1023", "tent-2p-ultralight", Decimal("349.00")),
    ("P-1024", "compass-baseplate", Decimal("18.50")),
]
CATEGORIES = ["footwear", "jackets", "base-layers", "accessories", "camping", "sale"]
SEARCHES = ["winter jacket", "merino", "trail shoes size 44", "headlamp", "gore-tex", "schlafsack",
            "chaussures randonnée", "black friday deals", "gift card", "tent 2 person", "handschuhe",
            "thermos", "rucksack 20l", "regenjacke damen", "bonnet laine"]
# country -> (UTC offset in minutes in late November, currency, price factor vs EUR)
COUNTRIES = {
    "DE": (60, "EUR", Decimal("1")), "FR": (60, "EUR", Decimal("1")), "NL": (60, "EUR", Decimal("1")),
    "AT": (60, "EUR", Decimal("1")), "IE": (0, "EUR", Decimal("1")), "GB": (0, "GBP", Decimal("0.87")),
    "US": (-300, "USD", Decimal("1.06")),
}
COUNTRY_WEIGHTS = [("DE", 30), ("FR", 14), ("NL", 10), ("AT", 6), ("IE", 4), ("GB", 16), ("US", 20)]
USER_AGENTS = [
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (Linux; Android 15; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
    "Mozilla/5.0 (X11; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0",
    "ShopApp/5.12.1 (iOS 18.1; iPhone15,2)",
    "ShopApp/5.12.0 (Android 14; SM-S918B)",
]
SITE = "https://shop.example.com"


def pick_weighted(pairs):
    total = sum(w for _, w in pairs)
    x = rng.uniform(0, total)
    for item, w in pairs:
        x -= w
        if x <= 0:
            return item
    return pairs[-1][0]


def new_event_id():
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def new_ip():
    if rng.random() < 0.15:
        return "2001:db8:%x:%x::%x" % (rng.randint(1, 0xffff), rng.randint(1, 0xffff), rng.randint(1, 0xffff))
    net = rng.choice(["192.0.2", "198.51.100", "203.0.113"])
    return "%s.%d" % (net, rng.randint(1, 254))


class Visitor:
    def __init__(self):
        self.anonymous_id = "anon-" + "%012x" % rng.getrandbits(48)
        self.user_id = "u-%05d" % rng.randint(10000, 99999) if rng.random() < 0.4 else None
        self.country = pick_weighted(COUNTRY_WEIGHTS)
        self.user_agent = rng.choice(USER_AGENTS)
        self.app = self.user_agent.startswith("ShopApp")
        self.ip = new_ip()
        # How this client writes event_time.
        if self.app:
            self.time_style = "epoch"
        else:
            self.time_style = pick_weighted([("z3", 45), ("offset3", 30), ("z0", 10), ("offset6", 15)])


def ms_of(d, hh, mm, ss, milli=0):
    t = datetime(d.year, d.month, d.day, tzinfo=timezone.utc) + timedelta(hours=hh, minutes=mm, seconds=ss,
                                                                        milliseconds=milli)
    return int((t - EPOCH) // timedelta(milliseconds=1))


def utc_of(ms):
    return EPOCH + timedelta(milliseconds=ms)


def fmt_offset(minutes):
    if minutes is None:
        return "Z"
    sign = "+" if minutes >= 0 else "-"
    m = abs(minutes)
    return "%s%02d:%02d" % (sign, m // 60, m % 60)


def iso(ms, offset_minutes=None, fraction=3, extra_digits=""):
    """ISO-8601 text of an instant written in a given UTC offset (None = 'Z')."""
    local = utc_of(ms) + timedelta(minutes=offset_minutes or 0)
    text = local.strftime("%Y-%m-%dT%H:%M:%S")
    if fraction:
        text += "." + ("%03d" % (ms % 1000))[:fraction] + extra_digits
    return text + fmt_offset(offset_minutes)


def event_time_value(visitor, ms):
    style = visitor.time_style
    offset = COUNTRIES[visitor.country][0]
    if style == "epoch":
        return ms
    if style == "z3":
        return iso(ms)
    if style == "z0":
        return iso(ms - ms % 1000, fraction=0)
    if style == "offset3":
        return iso(ms, offset)
    return iso(ms, offset, extra_digits="%03d" % rng.randint(0, 999))  # offset6: microseconds


def price_of(product, country):
    _, currency, factor = COUNTRIES[country]
    p = (product[2] * factor).quantize(Decimal("0.01"))
    if factor != 1:
        p = p.to_integral_value() - Decimal("0.01") if p > 5 else p  # 94.29 -> 93.99 style pricing
    return p, currency


def price_value(p, style):
    """A price as a JSON number or a decimal string, spelled in one of the valid ways."""
    if style == "string":
        return str(p)
    if style == "short" and p == p.to_integral_value():
        return Raw(str(p.to_integral_value()))
    if style == "short":
        return Raw(str(p.normalize()))  # 19.9 rather than 19.90
    return Raw(str(p))


# ----------------------------------------------------------------------------------------------------
# Sessions of normal (valid) events

class Session:
    def __init__(self, visitor, start_ms, day_tag):
        self.v = visitor
        self.t = start_ms
        self.day_tag = day_tag
        self.events = []  # (utc ms, pairs)
        self.page = None
        self.price_style = rng.choice(["number", "number", "string", "short"])
        self.spaced = rng.random() < 0.3
        r = rng.random()
        self.source = "newsletter" if r < 0.2 else "google" if r < 0.55 else "instagram" if r < 0.65 else "direct"

    def step(self):
        self.t += rng.randint(4000, 95000) + rng.randint(0, 999)

    def emit(self, etype, page, extra):
        v = self.v
        pairs = [("event_id", new_event_id()), ("event_type", etype), ("event_time", event_time_value(v, self.t)),
                 ("anonymous_id", v.anonymous_id)]
        if v.user_id is not None:
            pairs.append(("user_id", v.user_id))
        elif rng.random() < 0.3:
            pairs.append(("user_id", None))
        referrer = self.page
        if referrer is None:
            referrer = {"newsletter": "https://mail.example.net/", "google": "https://www.google.com/",
                        "instagram": "https://l.instagram.com/", "direct": None}[self.source]
        pairs.append(("page_url", page))
        if referrer is not None or rng.random() < 0.5:
            pairs.append(("referrer", referrer))
        pairs += extra
        if not v.app or rng.random() < 0.5:
            pairs.append(("country", v.country))
        pairs += [("user_agent", v.user_agent), ("ip", v.ip)]
        if not self.events:
            if self.source == "newsletter":
                pairs.append(("campaign", "bf-2026-week47"))
                pairs.append(("utm", Raw('{"source":"newsletter","medium":"email","campaign":"bf-2026"}')))
            if v.app:
                pairs.append(("app", Raw('{"version":"%s","platform":"%s","build":%d}' % (
                    v.user_agent[8:14], "ios" if "iOS" in v.user_agent else "android", rng.randint(4100, 4199)))))
        if rng.random() < 0.08:
            pairs.append(("experiment", Raw('["checkout-v2","%s"]' % rng.choice("AB"))))
        if rng.random() < 0.05:
            pairs.append(("consent", Raw(rng.choice(["true", "false"]))))
        self.events.append((self.t, pairs))
        self.page = page
        self.step()

    def run(self):
        v = self.v
        land = rng.choice(["/", "/c/" + rng.choice(CATEGORIES), "/c/sale?sort=popular"])
        self.emit("page_view", SITE + land, [])
        viewed = []
        if rng.random() < 0.6:
            q = rng.choice(SEARCHES)
            self.emit("search", SITE + "/search?q=" + q.replace(" ", "+"), [("search_query", q)])
        for _ in range(rng.randint(1, 3)):
            prod = rng.choice(PRODUCTS)
            viewed.append(prod)
            p, cur = price_of(prod, v.country)
            extra = [("product_id", prod[0])]
            if rng.random() < 0.5:
                extra += [("price", price_value(p, self.price_style)), ("currency", cur)]
            self.emit("product_view", "%s/p/%s-%s" % (SITE, prod[0], prod[1]), extra)
        cart = []
        if rng.random() < 0.5:
            for prod in viewed[:rng.randint(1, len(viewed))]:
                p, cur = price_of(prod, v.country)
                qty = rng.choice([1, 1, 1, 2, 3])
                extra = [("product_id", prod[0])]
                if qty != 1 or rng.random() < 0.5:
                    extra.append(("quantity", qty))
                extra += [("price", price_value(p, self.price_style)), ("currency", cur)]
                self.emit("add_to_cart", "%s/p/%s-%s" % (SITE, prod[0], prod[1]), extra)
                cart.append((prod, qty))
        if len(cart) > 1 and rng.random() < 0.35:
            prod, qty = cart.pop()
            extra = [("product_id", prod[0]), ("quantity", qty)]
            self.emit("remove_from_cart", SITE + "/cart", extra)
        if cart and rng.random() < 0.65:
            self.emit("checkout", SITE + "/checkout", [])
            if rng.random() < 0.75:
                order = "O-%s-%05d" % (self.day_tag, rng.randint(0, 99999))
                for prod, qty in cart:
                    p, cur = price_of(prod, v.country)
                    extra = [("order_id", order), ("product_id", prod[0])]
                    if qty != 1 or rng.random() < 0.6:
                        extra.append(("quantity", qty))
                    extra += [("price", price_value(p, self.price_style)), ("currency", cur)]
                    self.emit("purchase", SITE + "/checkout/confirmation", extra)
        return self.events


VISITORS = [Visitor() for _ in range(70)]


def session(start_ms, visitor=None, day_tag=None):
    v = visitor or rng.choice(VISITORS)
    tag = day_tag or utc_of(start_ms).strftime("%Y%m%d")
    return Session(v, start_ms, tag).run(), v


def template(ms, etype="page_view", visitor=None, **changes):
    """One plausible event of a given type at a UTC instant (used as the base of every special line)."""
    v = visitor or rng.choice(VISITORS)
    prod = rng.choice(PRODUCTS)
    p, cur = price_of(prod, v.country)
    pairs = [("event_id", new_event_id()), ("event_type", etype), ("event_time", iso(ms)),
             ("anonymous_id", v.anonymous_id)]
    if v.user_id:
        pairs.append(("user_id", v.user_id))
    if etype == "page_view":
        pairs.append(("page_url", SITE + "/c/" + rng.choice(CATEGORIES)))
    elif etype == "search":
        q = rng.choice(SEARCHES)
        pairs += [("page_url", SITE + "/search?q=" + q.replace(" ", "+")), ("search_query", q)]
    elif etype == "checkout":
        pairs.append(("page_url", SITE + "/checkout"))
    else:
        pairs += [("page_url", "%s/p/%s-%s" % (SITE, prod[0], prod[1])), ("product_id", prod[0])]
        if etype == "purchase":
            pairs.insert(4, ("order_id", "O-%s-%05d" % (utc_of(ms).strftime("%Y%m%d"), rng.randint(0, 99999))))
        if etype in ("add_to_cart", "remove_from_cart", "purchase"):
            pairs.append(("quantity", rng.choice([1, 1, 2])))
        if etype in ("add_to_cart", "purchase", "product_view"):
            pairs += [("price", Raw(str(p))), ("currency", cur)]
    pairs += [("country", v.country), ("user_agent", v.user_agent), ("ip", v.ip)]
    return override(pairs, **changes)


# ----------------------------------------------------------------------------------------------------
# Lines and files

class Line:
    def __init__(self, content, label, note=None, term=b"\n", straddle=False):
        if isinstance(content, str):
            content = content.encode("utf-8")
        self.content = content
        self.label = label
        self.note = note  # why this line is special (README); None for ordinary valid events
        self.term = term
        self.straddle = straddle  # the long line a truncated .gz file is cut inside


def raw(pairs):
    """JSON text whose lone surrogates U+DC80..U+DCFF stand for the raw (invalid UTF-8) bytes 0x80..0xFF."""
    return ser(pairs).encode("utf-8", "surrogateescape")


def ok(pairs, spaced=False, note=None, ensure_ascii=False):
    return Line(ser(pairs, spaced, ensure_ascii), WRITTEN, note)


def bad(content, label, note):
    return Line(content, label, note)


class File:
    def __init__(self, day, hour, name, kind="plain"):
        self.day, self.hour, self.name, self.kind = day, hour, name, kind
        self.normal = []    # (ms, Line) valid events in time order
        self.special = []   # (where, Line): where = "first", "last", index, or None (random)
        self.bom = False
        self.crlf = False
        self.no_final_newline = False
        self.empty = False
        self.truncate = False
        self.lines = None
        self.data = None     # decompressed bytes
        self.stored = None   # bytes on disk

    @property
    def rel(self):
        return "%s/dt=%s/hr=%02d/%s" % (EVENTS, self.day.isoformat(), self.hour, self.name)

    def add(self, line, where=None):
        self.special.append((where, line))


FILES = {}


def F(day, hour, name, kind="plain"):
    f = File(day, hour, name, kind)
    FILES[(day, hour, name)] = f
    return f


def route(events, files, spaced):
    """Appends a session's events to its hour's files (collectors interleave sessions)."""
    for ms, pairs in events:
        f = rng.choice(files)
        f.normal.append((ms, ok(pairs, spaced)))


def assemble(f):
    normal = [ln for _, ln in sorted(f.normal, key=lambda x: x[0])]
    lines = list(normal)
    firsts = [ln for w, ln in f.special if w == "first"]
    lasts = [ln for w, ln in f.special if w == "last"]
    for w, ln in f.special:  # random places first, then fixed indexes (so lines meant to be adjacent stay so)
        if w is None:
            lines.insert(rng.randint(1, max(1, len(lines) - 1)), ln)
    for w, ln in f.special:
        if isinstance(w, int):
            lines.insert(min(w, len(lines)), ln)
    f.lines = firsts + lines + lasts
    if f.crlf:
        for ln in f.lines:
            if ln.term == b"\n":
                ln.term = b"\r\n"
    if f.no_final_newline:
        f.lines[-1].term = b""


# ----------------------------------------------------------------------------------------------------
# Day 1: 2026-11-20

def huge_line(etype_ms, target_bytes, field, filler, note, label, visitor=None):
    """A valid-JSON event whose text is exactly target_bytes long (UTF-8 bytes)."""
    head = template(etype_ms, "page_view", visitor)
    base = ser(head[:-1] + [(field, "")] + head[-1:]).encode("utf-8")
    need = target_bytes - len(base)
    unit = filler.encode("utf-8")
    reps = need // len(unit)
    text = filler * reps + "x" * (need - reps * len(unit))
    line = Line(ser(head[:-1] + [(field, text)] + head[-1:]), label, note)
    assert len(line.content) == target_bytes, (len(line.content), target_bytes)
    return line


def long_url_line(ms, note):
    """A valid page_view of ~24 KB (a tracking-laden URL of random tokens that deflate cannot shrink much)."""
    alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_"
    parts = []
    size = 0
    i = 0
    while size < 24000:
        tok = "".join(rng.choice(alphabet) for _ in range(rng.randint(40, 120)))
        part = "trk%d=%s" % (i, tok)
        parts.append(part)
        size += len(part) + 1
        i += 1
    pairs = template(ms, "page_view", page_url=SITE + "/c/sale?" + "&".join(parts))
    return Line(ser(pairs), WRITTEN, note, straddle=True)


def build_day1():
    d = D1
    tag = "20261120"
    h00 = [F(d, 0, "events-00001.jsonl"), F(d, 0, "events-00002.jsonl.gz", "gz")]
    h07 = [F(d, 7, "events-00001.jsonl"), F(d, 7, "events-00002.jsonl"), F(d, 7, "events-00003.jsonl.bz2", "bz2")]
    h12 = [F(d, 12, "events-00001.jsonl"), F(d, 12, "events-00002.jsonl.gz", "gz"), F(d, 12, "events-00003.jsonl")]
    h18 = [F(d, 18, "events-00001.jsonl"), F(d, 18, "events-00002.jsonl"), F(d, 18, "events-00003.jsonl.gz", "gz")]
    h23 = [F(d, 23, "events-00001.jsonl.gz", "gz"), F(d, 23, "events-00002.jsonl"), F(d, 23, "events-00003.jsonl.bz2", "bz2")]

    # hr=00: the tail of sessions that crossed midnight 19 -> 20 (event date D-1: valid, late by one day)
    for start in (ms_of(D1 - timedelta(days=1), 23, 51, 12, 410), ms_of(D1 - timedelta(days=1), 23, 55, 40, 77)):
        evs, _ = session(start, day_tag="20261119")
        route(evs, h00, False)
    for _ in range(5):
        evs, _ = session(ms_of(d, 0, rng.randint(0, 35), rng.randint(0, 59), rng.randint(0, 999)), day_tag=tag)
        route(evs, h00, False)
    h00[0].bom = True
    h00[0].add(ok(template(ms_of(d, 0, 0, 3, 120), "page_view"), note="first line after a UTF-8 BOM (valid; offset 3)"), "first")
    h00[0].add(bad(ser(template(ms_of(d, 0, 12, 5), "page_view") + [("event_type", "search")]), "MALFORMED_JSON",
                   "duplicate top-level key event_type"))
    h00[0].add(bad(ser(template(ms_of(d, 0, 14, 40), "page_view", event_type="PageView")), "INVALID_VALUE",
                   "unknown event_type \"PageView\""))
    h00[1].add(bad(raw(template(ms_of(d, 0, 20, 1), "page_view", user_agent="Mozilla/5.0 (X11; Linux x86_64) \udcff")),
                   "INVALID_ENCODING", "raw byte 0xFF inside user_agent (gzip file)"))
    h00[1].add(bad(ser(template(ms_of(d, 0, 22, 9), "search", event_id=DROP)), "MISSING_FIELD", "event_id absent (gzip file)"))
    h00[1].add(bad(ser(template(ms_of(d, 0, 25, 30), "page_view")) + " // retry 2", "MALFORMED_JSON",
                   "trailing text after the object (gzip file)"))

    # hr=07: a CRLF file, an empty file, a bz2 file
    for _ in range(6):
        evs, _ = session(ms_of(d, 7, rng.randint(0, 40), rng.randint(0, 59), rng.randint(0, 999)), day_tag=tag)
        route(evs, [h07[0], h07[2]], False)
    h07[0].crlf = True
    h07[0].add(Line(b"", SKIPPED, "empty line in a CRLF file (\\r\\n only): skipped"))
    h07[0].add(bad(ser(template(ms_of(d, 7, 3, 44), "add_to_cart", quantity=0)), "INVALID_VALUE", "quantity 0 (CRLF file)"))
    h07[0].add(bad(ser(template(ms_of(d, 7, 9, 2), "add_to_cart", price=DROP, currency=DROP)), "MISSING_FIELD",
                   "add_to_cart without price (CRLF file)"))
    h07[1].empty = True
    h07[2].add(bad(raw(template(ms_of(d, 7, 11, 11), "search", search_query="caf\udcc0\udcaf")), "INVALID_ENCODING",
                   "overlong encoding 0xC0 0xAF in search_query (bz2 file)"))
    h07[2].add(bad("[" + ser(template(ms_of(d, 7, 13, 0), "page_view")) + "]", "MALFORMED_JSON", "top-level array (bz2 file)"))
    h07[2].add(bad(ser(template(ms_of(d, 7, 15, 27), "add_to_cart", price="12.")), "INVALID_VALUE", "price \"12.\" (bz2 file)"))
    h07[2].add(bad(ser(template(ms_of(d, 7, 18, 5), "product_view", currency=DROP)), "MISSING_FIELD",
                   "product_view with price but no currency (bz2 file)"))
    h07[2].add(bad(ser(template(ms_of(d, 7, 19, 45), "page_view", event_time="2026-11-18T21:14:03.880Z",
                                app=Raw('{"version":"5.11.0","platform":"android","offline_queue":true}'))),
                   "LATE", "event 2026-11-18 arriving 2026-11-20 (offline app queue; bz2 file)"))

    # hr=12: plain file with many specials, gzip with the 1 MiB boundary lines, plain file with nesting
    for _ in range(7):
        evs, _ = session(ms_of(d, 12, rng.randint(0, 40), rng.randint(0, 59), rng.randint(0, 999)), day_tag=tag)
        route(evs, h12, rng.random() < 0.5)
    h12[0].add(Line(b"", SKIPPED, "empty line: skipped"))
    h12[0].add(bad("   ", "MALFORMED_JSON", "line of three spaces (whitespace only)"))
    h12[0].add(bad(ser(template(ms_of(d, 12, 4, 4), "page_view")) + ser(template(ms_of(d, 12, 4, 5), "page_view")),
                   "MALFORMED_JSON", "two objects on one line"))
    h12[0].add(bad(ser(template(ms_of(d, 12, 6, 0), "search", event_time="2026-11-20 12:06:00Z")), "INVALID_VALUE",
                   "event_time with a space instead of T"))
    h12[0].add(bad(ser(template(ms_of(d, 12, 7, 30), "page_view", country="de")), "INVALID_VALUE", "country \"de\""))
    h12[0].add(bad(ser(template(ms_of(d, 12, 8, 10), "page_view", event_time="2026-11-21T08:00:00.000Z")), "FUTURE",
                   "event dated 2026-11-21 arriving 2026-11-20 (client clock ahead)"))
    h12[0].add(ok(template(ms_of(d, 12, 9, 0), "page_view", user_id="", product_id=""),
                  note="user_id \"\" and product_id \"\" on a page_view: strings, so valid"))
    # exact retry of one ordinary line into another file of the same hour
    dup = next(ln for _, ln in sorted(h12[0].normal, key=lambda x: x[0])[3:])
    h12[2].add(Line(dup.content, WRITTEN, "verbatim copy of a line of hr=12/events-00001.jsonl (collector retry; dedup is later)"))

    h12[1].add(huge_line(ms_of(d, 12, 10, 0), MAX_LINE_BYTES + 1, "debug_trace",
                         "at com.example.shop.cart.CartService.add(CartService.java:118) | ",
                         "1048577-byte line (one byte over 1 MiB; gzip file)", "RECORD_TOO_LARGE"))
    boundary = huge_line(ms_of(d, 12, 11, 0), MAX_LINE_BYTES, "debug_trace",
                         "at com.example.shop.search.SearchController.query(SearchController.java:57) | ",
                         "exactly 1048576 bytes + CRLF: at the limit, valid (the \\r is part of the terminator; gzip file)",
                         WRITTEN)
    boundary.term = b"\r\n"
    h12[1].add(boundary)

    nest_ok = '{"a":' * 998 + "{}" + "}" * 998  # 999 objects under the top one: 1000 levels
    nest_bad = '{"a":' * 999 + "{}" + "}" * 999  # 1000 objects under the top one: 1001 levels
    h12[2].add(ok(template(ms_of(d, 12, 12, 0), "page_view", payload=Raw(nest_ok)),
                  note="nesting exactly 1000 levels deep (top object = level 1): valid"))
    h12[2].add(bad(ser(template(ms_of(d, 12, 12, 30), "page_view", payload=Raw(nest_bad))), "MALFORMED_JSON",
                   "nesting 1001 levels deep"))
    h12[2].add(bad(ser(template(ms_of(d, 12, 13, 1), "page_view",
                                utm=Raw('{"source":"google","medium":"cpc","source":"bing"}'))),
                   "MALFORMED_JSON", "duplicate key inside a nested object (utm.source)"))
    h12[2].add(ok(template(ms_of(d, 12, 14, 2), "page_view",
                           a=Raw('{"k":1}'), b=Raw('{"k":2,"list":[{"k":3},{"k":4}]}')),
                  note="same key k in different nested objects: not a duplicate, valid"))

    # hr=18
    for _ in range(7):
        evs, _ = session(ms_of(d, 18, rng.randint(0, 40), rng.randint(0, 59), rng.randint(0, 999)), day_tag=tag)
        route(evs, h18, rng.random() < 0.5)
    h18[0].add(bad(ser(template(ms_of(d, 18, 2, 2), "purchase", price=Raw("-1.00"))), "INVALID_VALUE", "price -1.00"))
    h18[0].add(bad(ser(template(ms_of(d, 18, 3, 3), "add_to_cart", quantity="2")), "INVALID_VALUE",
                   "quantity \"2\" (a string)"))
    h18[0].add(bad(ser(template(ms_of(d, 18, 4, 4), "purchase", order_id=DROP)), "MISSING_FIELD",
                   "purchase without order_id"))
    h18[0].add(bad(ser(template(ms_of(d, 18, 5, 5), "purchase", event_type="Purchase", order_id=DROP)),
                   "INVALID_VALUE", "event_type \"Purchase\" (unknown type, so no order_id needed): invalid, not missing"))
    h18[0].add(bad(ser(template(ms_of(d, 18, 6, 6), "page_view")).replace('"', "'"), "MALFORMED_JSON",
                   "single-quoted strings"))
    h18[0].add(Line("  \t" + ser(template(ms_of(d, 18, 7, 7), "search")) + " \t ", WRITTEN,
                    "object with leading and trailing spaces/tabs: JSON whitespace, valid"))
    h18[1].no_final_newline = True
    h18[1].add(ok(template(ms_of(d, 18, 44, 0), "checkout"), note="last line of the file, no trailing newline: valid"),
               "last")
    h18[1].add(bad(ser(template(ms_of(d, 18, 8, 8), "page_view"))[:-1] + ",}", "MALFORMED_JSON", "trailing comma"))
    h18[1].add(bad(ser(template(ms_of(d, 18, 9, 9), "product_view", price=Raw("NaN"))), "MALFORMED_JSON",
                   "NaN literal as price"))
    h18[1].add(bad(ser(template(ms_of(d, 18, 10, 10), "page_view", event_time=str(ms_of(d, 18, 10, 10)))),
                   "INVALID_VALUE", "event_time as a string of digits"))
    h18[2].add(bad(ser(template(ms_of(d, 18, 11, 11), "add_to_cart", currency="eur")), "INVALID_VALUE",
                   "currency \"eur\" (gzip file)"))
    h18[2].add(bad(ser(template(ms_of(d, 18, 12, 12), "add_to_cart", currency="")), "MISSING_FIELD",
                   "currency \"\" while price is present: missing (gzip file)"))
    h18[2].add(bad(ser(template(ms_of(d, 18, 13, 13), "page_view", currency="")), "INVALID_VALUE",
                   "currency \"\" with no price: a present, invalid value (gzip file)"))
    h18[2].add(ok(template(ms_of(d, 18, 14, 14), "purchase", quantity=None),
                  note="purchase with quantity null (means 1): valid (gzip file)"))

    # hr=23: truncated gzip, time-zone traps near midnight, bz2
    for _ in range(6):
        evs, _ = session(ms_of(d, 23, rng.randint(0, 30), rng.randint(0, 59), rng.randint(0, 999)), day_tag=tag)
        route(evs, h23, False)
    midnight_tail = []
    for start in (ms_of(d, 23, 47, 3, 500), ms_of(d, 23, 52, 40, 250), ms_of(d, 23, 55, 1, 9)):
        evs, _ = session(start, day_tag=tag)
        cut = ms_of(D2, 0, 0, 0) - 90000  # events after 23:58:30 arrive in the next day's hr=00
        route([e for e in evs if e[0] < cut], [h23[1], h23[2]], False)
        midnight_tail += [e for e in evs if e[0] >= cut]
    trunc = h23[0]
    trunc.truncate = True
    before = sorted(trunc.normal, key=lambda x: x[0])
    trunc.normal = []
    for ms, ln in before[:12]:
        trunc.add(ln, len([1 for w, _ in trunc.special]))
    trunc.add(long_url_line(ms_of(d, 23, 31, 0), "~24 KB valid line; the file is cut inside it"),
              len(trunc.special))
    for ms, ln in before[12:]:
        trunc.add(ln, len(trunc.special))
    h23[1].add(ok(template(ms_of(d, 23, 20, 0), "page_view", event_time="2026-11-21T00:20:00.000+01:00"),
                  note="local date 2026-11-21 but UTC 2026-11-20T23:20: valid, not FUTURE"))
    h23[1].add(bad(ser(template(ms_of(d, 23, 21, 0), "page_view", event_time="2026-11-20T19:30:00.000-05:00",
                                country="US")), "FUTURE",
                   "local date 2026-11-20 but UTC 2026-11-21T00:30: FUTURE"))
    h23[1].add(ok(template(ms_of(d, 23, 22, 0), "search", event_time="2026-11-20T23:59:59.9996Z"),
                  note="fraction .9996 is cut (not rounded) to .999: still 2026-11-20, valid"))
    h23[1].add(bad(ser(template(ms_of(d, 23, 23, 0), "page_view", event_time=ms_of(D2, 0, 0, 0))), "FUTURE",
                   "epoch millis of 2026-11-21T00:00:00.000Z"))
    h23[1].add(ok(template(ms_of(d, 23, 24, 0), "page_view", event_time=ms_of(D2, 0, 0, 0) - 1),
                  note="epoch millis of 2026-11-20T23:59:59.999Z: valid"))
    h23[2].add(bad(raw(template(ms_of(d, 23, 25, 0), "search", search_query="gore\udced\udca0\udc80tex")), "INVALID_ENCODING",
                   "UTF-8-encoded surrogate 0xED 0xA0 0x80 in search_query (bz2 file)"))
    h23[2].add(bad(ser(template(ms_of(d, 23, 26, 0), "search", search_query="rain\tjacket")).replace("\\t", "\t"),
                   "MALFORMED_JSON", "unescaped TAB control character inside a string (bz2 file)"))
    h23[2].add(bad(ser(template(ms_of(d, 23, 27, 0), "purchase", quantity=Raw("2.0"))), "INVALID_VALUE",
                   "quantity 2.0 (not a JSON integer; bz2 file)"))
    h23[2].add(bad(ser(template(ms_of(d, 23, 28, 0), "page_view", event_time="2026-11-19T00:30:00.000+01:00")), "LATE",
                   "local date 2026-11-19 but UTC 2026-11-18T23:30: LATE (bz2 file)"))
    # a line that will be re-sent the next day (cross-day duplicate)
    resend = ok(template(ms_of(d, 23, 40, 0), "add_to_cart"), note="also re-sent verbatim in dt=2026-11-21/hr=00")
    h23[2].add(resend)
    return midnight_tail, resend


# ----------------------------------------------------------------------------------------------------
# Day 2: 2026-11-21

def build_day2(midnight_tail, resend):
    d = D2
    tag = "20261121"
    h00 = [F(d, 0, "events-00001.jsonl.gz", "gz"), F(d, 0, "events-00002.jsonl")]
    h01 = [F(d, 1, "events-00001.jsonl"), F(d, 1, "events-00002.jsonl"), F(d, 1, "events-00003.jsonl.bz2", "bz2")]
    h09 = [F(d, 9, "events-00001.jsonl"), F(d, 9, "events-00002.jsonl.gz", "gz"), F(d, 9, "events-00003.jsonl.bz2", "bz2")]
    h15 = [F(d, 15, "events-00001.jsonl.gz", "gz"), F(d, 15, "events-00002.jsonl")]
    h22 = [F(d, 22, "events-00001.jsonl"), F(d, 22, "events-00002.jsonl.bz2", "bz2")]

    # hr=00: the after-midnight half of yesterday's sessions (their 23:58-23:59 events are late, valid)
    for ms, pairs in midnight_tail:
        rng.choice(h00).normal.append((ms, ok(pairs)))
    for _ in range(4):
        evs, _ = session(ms_of(d, 0, rng.randint(2, 35), rng.randint(0, 59), rng.randint(0, 999)), day_tag=tag)
        route(evs, h00, False)
    h00[0].bom = True
    h00[0].add(ok(template(ms_of(d, 0, 0, 40, 1), "page_view"), note="first line after a UTF-8 BOM inside a gzip file (valid; offset 3)"), "first")
    h00[0].add(bad(raw(template(ms_of(d, 0, 5, 0), "search", search_query="caf\udce9")), "INVALID_ENCODING", "Latin-1 byte 0xE9 (caf\\xe9) in search_query (gzip file)"))
    h00[0].add(bad(ser(template(ms_of(d, 0, 6, 0), "page_view", anonymous_id="")), "MISSING_FIELD",
                   "anonymous_id \"\" (gzip file)"))
    h00[1].add(bad(ser(template(ms_of(d, 0, 7, 0), "page_view", event_time="2026-11-20T00:30:00.000+02:00")), "LATE",
                   "local date 2026-11-20 but UTC 2026-11-19T22:30: LATE"))
    h00[1].add(bad(ser(template(ms_of(d, 0, 8, 0), "page_view", event_time="2026-11-19T23:59:59.9999999Z")), "LATE",
                   "2026-11-19T23:59:59.9999999Z: the fraction is cut, not rounded: LATE"))
    h00[1].add(ok(template(ms_of(d, 0, 9, 0), "page_view", event_time="2026-11-20T00:00:00.000Z"),
                  note="2026-11-20T00:00:00.000Z: first instant still inside late_days=1, valid"))
    h00[1].add(Line(resend.content, WRITTEN, "verbatim re-send of a line of dt=2026-11-20/hr=23/events-00003.jsonl.bz2"))
    h00[1].add(ok(template(ms_of(d, 0, 10, 0), "search", search_query="\u00e9t\u00e9 \U0001f3d4\ufe0f tent \u2028 2p"),
                  note="search_query with an emoji (4-byte UTF-8) and U+2028 (ordinary text): valid"))
    h00[1].add(ok(template(ms_of(d, 0, 11, 0), "search", search_query="Gr\u00f6\u00dfe \U0001f600"), ensure_ascii=True,
                  note="search_query written with \\u escapes and a surrogate pair: valid"))

    # hr=01: plain, empty, CRLF bz2
    for _ in range(5):
        evs, _ = session(ms_of(d, 1, rng.randint(0, 40), rng.randint(0, 59), rng.randint(0, 999)), day_tag=tag)
        route(evs, [h01[0], h01[2]], rng.random() < 0.5)
    h01[1].empty = True
    h01[2].crlf = True
    h01[2].add(bad("\t ", "MALFORMED_JSON", "line of a tab and a space, CRLF-terminated (bz2 file)"))
    h01[2].add(bad(ser(template(ms_of(d, 1, 3, 0), "page_view", event_time="2026-11-21t01:03:00Z")), "INVALID_VALUE",
                   "event_time with a lower-case t (CRLF bz2 file)"))
    h01[2].add(bad(ser(template(ms_of(d, 1, 4, 0), "page_view", event_type=None)), "MISSING_FIELD",
                   "event_type null (CRLF bz2 file)"))

    # hr=09: late mobile events, many value errors, the multi-byte huge line
    for _ in range(7):
        evs, _ = session(ms_of(d, 9, rng.randint(0, 40), rng.randint(0, 59), rng.randint(0, 999)), day_tag=tag)
        route(evs, h09, rng.random() < 0.5)
    app_visitors = [v for v in VISITORS if v.app]
    for k in range(2):  # an app that was offline since yesterday evening flushes its queue: late but valid
        evs, _ = session(ms_of(D1, 17 + k, rng.randint(0, 40), rng.randint(0, 59), rng.randint(0, 999)),
                         visitor=app_visitors[k], day_tag="20261120")
        for ms, pairs in evs:
            h09[0].add(ok(pairs, note="late event from 2026-11-20 (app offline queue): valid" if ms == evs[0][0] else None))
    h09[0].add(bad(b"\xef\xbb\xbf" + ser(template(ms_of(d, 9, 1, 0), "page_view")).encode("utf-8"), "MALFORMED_JSON",
                   "a BOM at the start of a line that is not the start of the file"))
    h09[0].add(bad(ser(template(ms_of(d, 9, 2, 0), "page_view"))[:-1], "MALFORMED_JSON", "missing closing brace"))
    h09[0].add(bad(ser(template(ms_of(d, 9, 3, 0), "add_to_cart", price="1e2")), "INVALID_VALUE", "price \"1e2\" (string)"))
    h09[0].add(bad(ser(template(ms_of(d, 9, 4, 0), "purchase", price=Raw("12.500"))), "INVALID_VALUE",
                   "price 12.500 (three fraction digits as written)"))
    h09[0].add(bad(ser(template(ms_of(d, 9, 5, 0), "product_view", product_id=Raw("1007"))), "INVALID_VALUE",
                   "product_id as a number"))
    h09[0].add(bad(ser(template(ms_of(d, 9, 6, 0), "page_view", event_time="2026-11-31T10:00:00Z")), "INVALID_VALUE",
                   "event_time on 2026-11-31 (no such date)"))
    h09[0].add(bad(ser(template(ms_of(d, 9, 7, 0), "page_view", event_time="2026-11-17T10:00:00Z", country="DEU")),
                   "INVALID_VALUE", "country \"DEU\" on an event that would also be LATE: invalid value wins"))
    h09[1].add(huge_line(ms_of(d, 9, 8, 0), MAX_LINE_BYTES + 1, "search_query", "\u00fc",
                         "1048577 bytes but only ~524k characters (ü is 2 bytes): too large (gzip file)",
                         "RECORD_TOO_LARGE"))
    h09[1].no_final_newline = True
    h09[1].add(ok(template(ms_of(d, 9, 50, 0), "page_view"), note="last line of a gzip file, no trailing newline: valid"), "last")
    h09[2].add(Line(b"", SKIPPED, "empty line (1 of 2 in a row; bz2 file)"), 5)
    h09[2].add(Line(b"", SKIPPED, "empty line (2 of 2 in a row; bz2 file)"), 6)
    h09[2].add(bad(raw(template(ms_of(d, 9, 9, 0), "page_view", page_url=SITE + "/c/sale\udcf4\udc90\udc80\udc80")),
                   "INVALID_ENCODING",
                   "0xF4 0x90 0x80 0x80 (above U+10FFFF) in page_url (bz2 file)"))
    h09[2].add(bad(ser(template(ms_of(d, 9, 10, 0), "page_view")).encode("utf-8")[:-1] + b"\xff", "INVALID_ENCODING",
                   "byte 0xFF in place of the closing brace: bad UTF-8 and bad JSON, encoding wins (bz2 file)"))
    h09[2].add(bad('"hello"', "MALFORMED_JSON", "top-level string (bz2 file)"))
    h09[2].add(bad(ser(template(ms_of(d, 9, 11, 0), "purchase",
                                items=Raw('[{"sku":"P-1003","qty":1},{"sku":"P-1004","sku":"P-1005"}]'))),
                   "MALFORMED_JSON", "duplicate key in an object inside an array (bz2 file)"))
    h09[2].add(bad(ser(template(ms_of(d, 9, 12, 0), "page_view")).replace('"user_agent"', '"\\u0065vent_id"', 1),
                   "MALFORMED_JSON", "keys \"event_id\" and \"\\u0065vent_id\" are the same name: duplicate (bz2 file)"))

    # hr=15: truncated gzip with a skipped and a quarantined line before the break; many missing fields
    for _ in range(6):
        evs, _ = session(ms_of(d, 15, rng.randint(0, 40), rng.randint(0, 59), rng.randint(0, 999)), day_tag=tag)
        route(evs, h15, rng.random() < 0.5)
    trunc = h15[0]
    trunc.truncate = True
    before = sorted(trunc.normal, key=lambda x: x[0])
    trunc.normal = []
    for ms, ln in before[:9]:
        trunc.add(ln, len(trunc.special))
    trunc.add(Line(b"", SKIPPED, "empty line before the break of a truncated gzip"), 4)
    trunc.add(bad(ser(template(ms_of(d, 15, 1, 0), "add_to_cart", quantity=10001)), "INVALID_VALUE",
                  "quantity 10001, before the break of a truncated gzip"), 7)
    trunc.add(long_url_line(ms_of(d, 15, 20, 0), "~24 KB valid line; the file is cut inside it"), len(trunc.special))
    for ms, ln in before[9:]:
        trunc.add(ln, len(trunc.special))
    f = h15[1]
    f.add(bad(ser(template(ms_of(d, 15, 2, 0), "page_view", event_time=DROP)), "MISSING_FIELD", "event_time absent"))
    f.add(bad(ser(template(ms_of(d, 15, 3, 0), "product_view", product_id=DROP)), "MISSING_FIELD",
              "product_view without product_id"))
    f.add(bad(ser(template(ms_of(d, 15, 4, 0), "page_view", event_id="", event_type="click")), "MISSING_FIELD",
              "event_id \"\" and unknown event_type: missing wins"))
    f.add(bad(ser(template(ms_of(d, 15, 5, 0), "add_to_cart", product_id=None, quantity=0)), "MISSING_FIELD",
              "add_to_cart with product_id null and quantity 0: missing wins"))
    f.add(bad(ser(template(ms_of(d, 15, 6, 0), "add_to_cart", price="")), "MISSING_FIELD",
              "add_to_cart with price \"\" (required, empty)"))
    f.add(bad(ser(template(ms_of(d, 15, 7, 0), "product_view", price="", currency="EUR")), "INVALID_VALUE",
              "product_view with price \"\" and currency EUR: price present but not a decimal"))
    f.add(bad(ser(template(ms_of(d, 15, 8, 0), "product_view", price="", currency=DROP)), "MISSING_FIELD",
              "product_view with price \"\" and no currency: price is present, so currency is missing"))
    f.add(bad(ser(template(ms_of(d, 15, 9, 0), "product_view", price=Raw("12345678901234567"))), "INVALID_VALUE",
              "price with 17 integer digits"))
    f.add(ok(template(ms_of(d, 15, 10, 0), "product_view", price="9999999999999999.99"),
             note="price \"9999999999999999.99\" (16 integer digits): valid"))
    f.add(ok(template(ms_of(d, 15, 11, 0), "purchase", quantity=DROP, price=Raw("0")),
             note="purchase with price 0 and no quantity (means 1): valid"))

    # hr=22: future events, time format errors, bz2 file with retries
    for _ in range(6):
        evs, _ = session(ms_of(d, 22, rng.randint(0, 35), rng.randint(0, 59), rng.randint(0, 999)), day_tag=tag)
        route(evs, h22, rng.random() < 0.5)
    f = h22[0]
    f.add(bad(ser(template(ms_of(d, 22, 1, 0), "page_view", event_time="2026-11-22T00:00:00Z")), "FUTURE",
              "2026-11-22T00:00:00Z arriving 2026-11-21"))
    f.add(bad(ser(template(ms_of(d, 22, 2, 0), "page_view", event_time="2026-11-21T20:30:00.000-05:00", country="US")),
              "FUTURE", "local date 2026-11-21 but UTC 2026-11-22T01:30: FUTURE"))
    f.add(ok(template(ms_of(d, 22, 3, 0), "page_view", event_time="2026-11-22T00:30:00.000+01:00"),
             note="local date 2026-11-22 but UTC 2026-11-21T23:30: valid"))
    f.add(ok(template(ms_of(d, 22, 4, 0), "page_view", event_time="2026-11-21T23:59:59.999Z"),
             note="2026-11-21T23:59:59.999Z: last instant of the arrival day, valid"))
    f.add(bad(ser(template(ms_of(d, 22, 5, 0), "page_view", event_time=Raw("1.7957e12"))), "INVALID_VALUE",
              "event_time 1.7957e12 (a float, not an integer)"))
    f.add(bad(ser(template(ms_of(d, 22, 6, 0), "page_view", event_time="2026-11-21T24:00:00Z")), "INVALID_VALUE",
              "event_time hour 24"))
    f.add(bad(ser(template(ms_of(d, 22, 7, 0), "page_view", event_time="2026-11-21T22:07:00")), "INVALID_VALUE",
              "event_time without a zone"))
    f.add(bad(ser(template(ms_of(d, 22, 8, 0), "page_view", user_id=Raw("48213"))), "INVALID_VALUE",
              "user_id as a number"))
    f.add(bad(ser(template(ms_of(d, 22, 9, 0), "page_view", anonymous_id=Raw("true"))), "INVALID_VALUE",
              "anonymous_id true (a boolean)"))
    f.add(bad(ser(template(ms_of(d, 22, 10, 0), "page_view", page_url=Raw('{"path":"/c/sale"}'))), "INVALID_VALUE",
              "page_url as an object"))
    f.add(bad(ser(template(ms_of(d, 22, 11, 0), "page_view")) + " garbage", "MALFORMED_JSON", "trailing text"))
    f.add(bad(ser(template(ms_of(d, 22, 12, 0), "add_to_cart", quantity=Raw("02"))), "MALFORMED_JSON",
              "number with a leading zero (quantity 02)"))
    f.no_final_newline = True
    f.add(bad(ser(template(ms_of(d, 22, 50, 0), "page_view"))[:47], "MALFORMED_JSON",
              "plain file ends in the middle of an object, no newline: MALFORMED_JSON (not TRUNCATED_INPUT)"), "last")
    f = h22[1]
    f.add(bad(ser(template(ms_of(d, 22, 13, 0), "add_to_cart", price="abc")), "INVALID_VALUE", "price \"abc\" (bz2 file)"))
    f.add(bad(ser(template(ms_of(d, 22, 14, 0), "page_view", country="")), "INVALID_VALUE", "country \"\" (bz2 file)"))
    f.add(ok(template(ms_of(d, 22, 15, 0), "add_to_cart", quantity=10000), note="quantity 10000 (the maximum): valid (bz2 file)"))
    f.add(bad(ser(template(ms_of(d, 22, 16, 0), "page_view", ip=Raw('["203.0.113.9","10.0.0.1"]'))), "INVALID_VALUE",
              "ip as an array (bz2 file)"))
    retry = template(ms_of(d, 22, 17, 0), "add_to_cart")
    f.add(ok(retry, note="retry pair, first copy (bz2 file)"), 3)
    f.add(ok(retry + [("retry", 1)], note="retry pair, second copy: same event_id, extra attribute retry=1 (bz2 file)"), 9)
    f.add(Line(b"", SKIPPED, "empty last line of the file (\\n\\n at the end; bz2 file)"), "last")


# ----------------------------------------------------------------------------------------------------
# Session edge cases for enrich-events / sessionize (event date 2026-11-20). Hand-written, all valid, with
# readable ids; built after both days and without the shared random generator, so that every other file
# keeps its bytes. check_enrich_sessions.py derives the sessions; test-data/README.md lists the outcomes.

EDGE_UA = "Mozilla/5.0 (X11; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0"


def edge(event_id, etype, when, anon, note=None, **fields):
    """One valid event line; when is the event_time value as written (ISO text or epoch millis)."""
    pairs = [("event_id", event_id), ("event_type", etype), ("event_time", when), ("anonymous_id", anon)]
    for k, v in fields.items():
        pairs.append((k, v))
    pairs += [("user_agent", EDGE_UA), ("ip", "192.0.2.200")]
    return ok(pairs, note=note)


def build_sessions_edge():
    d = D1
    f = F(d, 23, "sessions-edge.jsonl")
    p = SITE + "/p/"
    t = lambda hh, mm, ss, milli=0: iso(ms_of(d, hh, mm, ss, milli))  # written as ...Z with milliseconds
    lines = [
        # E1 anon-edge-gap: file in reverse time order; gaps 30:00.000 (two spellings), 30:00.001, 29:59.999
        edge("edge-01-e", "page_view", t(12, 0, 0), "anon-edge-gap", page_url=SITE + "/c/sale",
             note="anon-edge-gap: 12:00:00.000, 29:59.999 after the previous event: same session"),
        edge("edge-01-d", "search", "2026-11-20T11:30:00.001Z", "anon-edge-gap", page_url=SITE + "/search?q=tent",
             search_query="tent",
             note="anon-edge-gap: 11:30:00.001, 30:00.001 after the previous event: a new session"),
        edge("edge-01-c", "page_view", ms_of(d, 11, 0, 0), "anon-edge-gap", page_url=SITE + "/c/camping",
             note="anon-edge-gap: epoch millis of 11:00:00.000, exactly 30:00.000 later: same session"),
        edge("edge-01-b", "product_view", "2026-11-20T11:30:00.000999+01:00", "anon-edge-gap",
             page_url=p + "P-1016-gift-card-50", product_id="P-1016",
             note="anon-edge-gap: 10:30:00.000999 cut to 10:30:00.000, exactly 30:00.000 later: same session; "
                  "P-1016 is in the catalog with no category and no brand"),
        edge("edge-01-a", "page_view", "2026-11-20T10:00:00Z", "anon-edge-gap", page_url=SITE + "/",
             note="anon-edge-gap: first event 10:00:00 (no fraction); the file lists this visitor's events "
                  "newest first"),
        # E2 cookie anon-edge-login signs in as u-edge-login, later uses a second device
        edge("edge-02-a", "page_view", t(9, 0, 0), "anon-edge-login", page_url=SITE + "/",
             note="anon-edge-login: no user_id: visitor is the anonymous_id"),
        edge("edge-02-b", "search", t(9, 1, 0), "anon-edge-login", user_id=None, page_url=SITE + "/search?q=boots",
             search_query="boots", note="anon-edge-login: user_id null: visitor is the anonymous_id"),
        edge("edge-02-c", "page_view", t(9, 2, 0), "anon-edge-login", user_id="", page_url=SITE + "/login",
             note="anon-edge-login: user_id \"\": visitor is the anonymous_id"),
        edge("edge-02-d", "page_view", t(9, 3, 0), "anon-edge-login", user_id="u-edge-login",
             page_url=SITE + "/account", country="AT",
             note="u-edge-login: signed in on the same cookie: a visitor of its own"),
        edge("edge-02-e", "add_to_cart", t(9, 4, 0), "anon-edge-login", user_id="u-edge-login",
             page_url=p + "P-1039", product_id="P-1039", price="59.00", currency="EUR",
             note="u-edge-login: P-1039 is inactive but in the catalog (footwear, Fjellrev)"),
        edge("edge-02-f", "page_view", t(9, 10, 0), "anon-edge-login", page_url=SITE + "/help",
             note="anon-edge-login: signed out again: back to the cookie's session (8 minutes after 09:02)"),
        edge("edge-02-g", "product_view", t(9, 20, 0), "anon-edge-login-phone", user_id="u-edge-login",
             page_url=p + "P-1008", product_id="P-1008", price="34.99", currency="EUR",
             note="u-edge-login: another device (another anonymous_id), same user: same session; P-1008's "
                  "first catalog record is invalid, the second is kept"),
        # E3 three events in the same millisecond, listed b, a, c
        edge("edge-03-b", "product_view", t(14, 0, 0, 500), "anon-edge-samems", page_url=p + "P-9999",
             product_id="P-9999", country="NL",
             note="anon-edge-samems: same millisecond as the next two; event_id b sorts second; P-9999 is "
                  "not in the catalog"),
        edge("edge-03-a", "page_view", "2026-11-20T15:00:00.500+01:00", "anon-edge-samems",
             page_url=SITE + "/c/sale", note="anon-edge-samems: same millisecond, event_id a sorts first"),
        edge("edge-03-c", "search", ms_of(d, 14, 0, 0, 500), "anon-edge-samems", page_url=SITE + "/search?q=map",
             search_query="map", country="NL", note="anon-edge-samems: same millisecond, event_id c sorts last"),
        # E4 same millisecond, event_ids that sort differently as UTF-8 bytes and as UTF-16 (Java String)
        edge("edge-04-\U0001f600", "page_view", t(15, 0, 0, 250), "anon-edge-bytes", page_url=SITE + "/emoji",
             country="SE",
             note="anon-edge-bytes: event_id ends in U+1F600 (F0 9F 98 80): sorts after U+FF61 (EF BD A1) "
                  "as bytes, before it as UTF-16"),
        edge("edge-04-\uff61", "page_view", t(15, 0, 0, 250), "anon-edge-bytes", page_url=SITE + "/halfwidth",
             note="anon-edge-bytes: event_id ends in U+FF61: the session's first event"),
        # E5 country only later, page_url null and "", CHF (rate) and DKK (no rate) purchases
        edge("edge-05-a", "page_view", t(16, 0, 0), "anon-edge-chf", page_url=None,
             note="anon-edge-chf: page_url null, no country"),
        edge("edge-05-b", "page_view", t(16, 0, 10), "anon-edge-chf", page_url="",
             note="anon-edge-chf: page_url \"\" (present): the entry_url"),
        edge("edge-05-c", "product_view", t(16, 1, 0), "anon-edge-chf", page_url=p + "P-1003",
             product_id="P-1003", price="229.00", currency="CHF", country="CH",
             note="anon-edge-chf: first event with a country (CH)"),
        edge("edge-05-d", "add_to_cart", t(16, 2, 0), "anon-edge-chf", page_url=p + "P-1003",
             product_id="P-1003", price=Raw("229.00"), currency="CHF", country="CH"),
        edge("edge-05-e", "checkout", t(16, 3, 0), "anon-edge-chf", page_url=SITE + "/checkout"),
        edge("edge-05-f", "purchase", t(16, 4, 0), "anon-edge-chf", order_id="O-20261120-90001",
             page_url=SITE + "/checkout/confirmation", product_id="P-1003", quantity=1, price=Raw("229.00"),
             currency="CHF", country="CH",
             note="anon-edge-chf: CHF purchase: 229.00 x 1.1325079 (CHF has a rate on 2026-11-20)"),
        edge("edge-05-g", "purchase", t(16, 4, 1), "anon-edge-chf", order_id="O-20261120-90002",
             page_url=SITE + "/checkout/confirmation", product_id="P-9998", quantity=2, price="10.00",
             currency="DKK", note="anon-edge-chf: DKK purchase: no DKK rate on 2026-11-20 (unconverted); "
                                  "P-9998 not in the catalog"),
        edge("edge-05-h", "page_view", t(16, 5, 0), "anon-edge-chf", page_url=None, country="CH",
             note="anon-edge-chf: last event, page_url null: exit_url is the confirmation page"),
        # E6 a half-way tie: 15.00 GBP x 10000 x 1.2641883 = 189628.245 -> 189628.24 (half-even)
        edge("edge-06-a", "purchase", t(17, 0, 0), "anon-edge-tie", order_id="O-20261120-90003",
             page_url=SITE + "/checkout/confirmation", product_id="P-1012", quantity=10000, price=Raw("15.00"),
             currency="GBP", country="GB", note="anon-edge-tie: 189628.245 USD exactly: half-even gives 189628.24"),
        # E7 two JPY purchases of 6.47293 USD each: rounded once at the end 12.95 (per purchase it would be 12.94)
        edge("edge-07-a", "purchase", t(17, 30, 0), "anon-edge-jpy", order_id="O-20261120-90004",
             page_url=SITE + "/checkout/confirmation", product_id="P-1019", quantity=None, price=Raw("1000"),
             currency="JPY", country="JP", note="anon-edge-jpy: 1000 JPY, quantity null (1): 6.47293 USD"),
        edge("edge-07-b", "purchase", t(17, 30, 0, 1), "anon-edge-jpy", order_id="O-20261120-90004",
             page_url=SITE + "/checkout/confirmation", product_id="P-1035", price="1000.00", currency="JPY",
             country="JP",
             note="anon-edge-jpy: 1000.00 JPY, no quantity (1): the session's 12.94586 rounds to 12.95"),
        # E8 a converted session with nothing converted: its only purchase is in DKK; a PLN product view
        edge("edge-08-a", "product_view", t(20, 0, 0), "anon-edge-dkk", page_url=p + "P-1034",
             product_id="P-1034", price="129.00", currency="PLN", country="DK",
             note="anon-edge-dkk: PLN has no rate on 2026-11-20; P-1034's only catalog record is invalid"),
        edge("edge-08-b", "purchase", t(20, 1, 0), "anon-edge-dkk", order_id="O-20261120-90005",
             page_url=SITE + "/checkout/confirmation", product_id="P-1026", quantity=1, price="899.00",
             currency="DKK", country="DK",
             note="anon-edge-dkk: the only purchase has no rate: converted, revenue 0.00, 1 unconverted"),
        # E9 the first and last instants of the day, gaps of exactly 30:00.000
        edge("edge-09-a", "page_view", "2026-11-20T01:00:00+01:00", "anon-edge-midnight", page_url=SITE + "/",
             note="anon-edge-midnight: 00:00:00.000 (written +01:00): session_id ends T00:00:00.000Z"),
        edge("edge-09-b", "page_view", t(0, 30, 0), "anon-edge-midnight", page_url=SITE + "/c/footwear",
             note="anon-edge-midnight: 00:30:00.000, exactly 30:00.000 later: same session"),
        edge("edge-09-c", "page_view", t(23, 29, 59, 999), "anon-edge-midnight", page_url=SITE + "/c/sale",
             note="anon-edge-midnight: 23:29:59.999: a new session"),
        edge("edge-09-d", "page_view", "2026-11-20T18:59:59.999999-05:00", "anon-edge-midnight",
             page_url=SITE + "/cart",
             note="anon-edge-midnight: 23:59:59.999999 cut to 23:59:59.999 (written -05:00), exactly "
                  "30:00.000 later: same session"),
    ]
    for i, ln in enumerate(lines):
        f.add(ln, i)


# ----------------------------------------------------------------------------------------------------
# Writing

def gz(data):
    return gzip.compress(data, compresslevel=9, mtime=0)


def zlib_output(stored):
    d = zlib.decompressobj(16 + zlib.MAX_WBITS)
    out = d.decompress(stored)
    try:
        out += d.flush()
    except zlib.error:
        pass
    return out, d.eof


def cut_inside(data, full, straddle_start, straddle_end):
    """Shortest prefix of the gzip bytes whose zlib output reaches the middle of the straddling line."""
    target = (straddle_start + straddle_end) // 2
    lo, hi = 10, len(full)
    while lo < hi:
        mid = (lo + hi) // 2
        if len(zlib_output(full[:mid])[0]) >= target:
            hi = mid
        else:
            lo = mid + 1
    out, eof = zlib_output(full[:lo])
    margin = 4096
    assert not eof
    assert straddle_start + margin <= len(out) <= straddle_end - margin, (straddle_start, len(out), straddle_end)
    assert out == data[:len(out)]
    return full[:lo]


def write_file(f):
    assemble(f) if not f.empty else None
    path = os.path.join(WAREHOUSE, f.rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    if f.empty:
        f.lines = []
        f.data = b""
        f.stored = b""
    else:
        parts = [BOM] if f.bom else []
        for ln in f.lines:
            parts += [ln.content, ln.term]
        f.data = b"".join(parts)
        if f.kind == "gz":
            f.stored = gz(f.data)
        elif f.kind == "bz2":
            f.stored = bz2.compress(f.data, 9)
        else:
            f.stored = f.data
        if f.truncate:
            pos = len(BOM) if f.bom else 0
            for ln in f.lines:
                if ln.straddle:
                    f.stored = cut_inside(f.data, f.stored, pos, pos + len(ln.content))
                    break
                pos += len(ln.content) + len(ln.term)
            else:
                raise AssertionError("truncated file without a straddling line")
    with open(path, "wb") as out:
        out.write(f.stored)


def outcomes(f):
    """(line_number, byte_offset, outcome, note) for every record of the file, from the construction labels."""
    rows = []
    pos = len(BOM) if f.bom else 0
    for i, ln in enumerate(f.lines, 1):
        if ln.straddle and f.truncate:
            rows.append((i, pos, "TRUNCATED_INPUT", "the stream breaks inside line %d; it and the rest of the file are "
                                                     "one record" % i))
            break
        rows.append((i, pos, ln.label, ln.note))
        pos += len(ln.content) + len(ln.term)
    return rows


def main():
    if os.path.exists(os.path.join(WAREHOUSE, EVENTS)):
        shutil.rmtree(os.path.join(WAREHOUSE, EVENTS))  # the CSV exports beside it belong to make_csv_sample.py
    os.makedirs(EXPECTED, exist_ok=True)
    tail, resend = build_day1()
    build_day2(tail, resend)
    build_sessions_edge()
    days = {}
    tsv = ["dt\tfile\tline_number\tbyte_offset\toutcome"]
    specials = []
    for key in sorted(FILES):
        f = FILES[key]
        write_file(f)
        day = days.setdefault(f.day.isoformat(), {"read": 0, "written": 0, "skipped": 0, "quarantined": 0,
                                                  "by_reason": {}})
        for line_no, offset, outcome, note in outcomes(f):
            day["read"] += 1
            if outcome == WRITTEN:
                day["written"] += 1
            elif outcome == SKIPPED:
                day["skipped"] += 1
            else:
                day["quarantined"] += 1
                day["by_reason"][outcome] = day["by_reason"].get(outcome, 0) + 1
            if outcome != WRITTEN:
                tsv.append("%s\t%s\t%d\t%d\t%s" % (f.day.isoformat(), f.rel, line_no, offset, outcome))
            if note:
                specials.append((f, line_no, offset, outcome, note))
        if f.empty:
            specials.append((f, 0, 0, "-", "empty file (0 bytes): no lines"))
    for day in days.values():
        day["by_reason"] = {r: day["by_reason"][r] for r in REASONS if r in day["by_reason"]}
        assert day["read"] == day["written"] + day["skipped"] + day["quarantined"]
    expected = {"late_days": LATE_DAYS, "days": days}
    with open(os.path.join(EXPECTED, "ingest-events.json"), "w") as out:
        json.dump(expected, out, indent=2)
        out.write("\n")
    with open(os.path.join(EXPECTED, "ingest-events-lines.tsv"), "w") as out:
        out.write("\n".join(tsv) + "\n")
    write_readme(days, specials)
    print(json.dumps(expected, indent=2))
    check = subprocess.run([sys.executable, os.path.join(HERE, "check_sample.py")])
    if check.returncode != 0:
        sys.exit("check_sample.py disagrees with the construction labels")


def write_readme(days, specials):
    total = sum(len(FILES[k].stored) for k in FILES)
    out = []
    out.append("Hand-checked raw clickstream events (two arrival days) and the ingest results they must give.")
    out.append("")
    out.append("## What is here")
    out.append("")
    out.append("- `warehouse/raw/events/dt=2026-11-20/` and `dt=2026-11-21/`: %d files (%d bytes on disk) in the "
               "DATA-CONTRACT.md layout, `hr=HH/events-NNNNN.jsonl[.gz|.bz2]`. Ordinary lines are sessions of visitors "
               "browsing a shop (page_view, search, product_view, add_to_cart, remove_from_cart, checkout, purchase), "
               "signed-in or not, from DE/FR/NL/AT/IE/GB/US, prices in EUR/GBP/USD written as JSON numbers or "
               "decimal strings, event_time as `...Z`, with the local offset (`+01:00`, `-05:00`, microseconds) or "
               "as epoch millis (app clients), and unknown fields (`campaign`, `utm`, `app`, `experiment`, `consent`, "
               "`retry`, `debug_trace`, `payload`) that belong in `attributes`." % (len(FILES), total))
    out.append("- Sessions cross midnight: their events up to 23:58:30 arrive in `dt=2026-11-20/hr=23`, the rest in "
               "`dt=2026-11-21/hr=00` (late by one day: valid). `dt=2026-11-20/hr=00` likewise holds the tail of "
               "sessions from 2026-11-19, and `dt=2026-11-21/hr=09` an app's offline queue from 2026-11-20 (valid).")
    out.append("- `dt=2026-11-20/hr=23/sessions-edge.jsonl`: hand-written session edge cases for enrich-events and "
               "sessionize (see the section below); all its lines are valid.")
    out.append("- Duplicate event_ids are valid at ingest (dedup is a later job): a verbatim retry across two files "
               "of `dt=2026-11-20/hr=12`, a line of `dt=2026-11-20/hr=23` re-sent in `dt=2026-11-21/hr=00`, and a "
               "retry with an extra `retry` attribute in `dt=2026-11-21/hr=22`.")
    out.append("- `expected/ingest-events.json`: per arrival day, records read, written, skipped (empty lines) and "
               "quarantined by reason, for late_days = 1. read = written + skipped + quarantined.")
    out.append("- `expected/ingest-events-lines.tsv` (with a header row): one row per line that is not written: dt, "
               "file (relative to `warehouse/`), line_number (1-based), byte_offset (in the decompressed file; "
               "a file's first line after a UTF-8 BOM is at offset 3), outcome (SKIPPED or the quarantine reason).")
    out.append("- The CSV exports (orders, order lines, products, FX rates) beside the events are described in "
               "`CSV-SAMPLE.md`; `make_csv_sample.py` writes them (after this script) and `check_csv_sample.py` "
               "checks them.")
    out.append("")
    out.append("Expected counts:")
    out.append("")
    out.append("| dt | read | written | skipped | quarantined | by reason |")
    out.append("|---|---|---|---|---|---|")
    for dt in sorted(days):
        d = days[dt]
        out.append("| %s | %d | %d | %d | %d | %s |" % (dt, d["read"], d["written"], d["skipped"], d["quarantined"],
                                                       ", ".join("%s %d" % kv for kv in d["by_reason"].items())))
    out.append("")
    out.append("## Truncated gzip files")
    out.append("")
    out.append("`dt=2026-11-20/hr=23/events-00001.jsonl.gz` and `dt=2026-11-21/hr=15/events-00001.jsonl.gz` are "
               "complete gzip streams cut short. How much a decoder can emit before the break depends on where the "
               "cut lands and on the decoder (Hadoop's gzip decompressor may emit a little less than zlib). So that "
               "every decoder stops inside the same line, each file holds a ~24 KB valid line (a page_url of random "
               "tracking tokens, which deflate cannot shrink much) and the cut is placed where zlib's output "
               "reaches the middle of that line, at least 4 KB of decoded text from either end of it. The lines "
               "before it are records as usual (a skipped empty line and an INVALID_VALUE line among them on "
               "2026-11-21); that long line and everything after it is one TRUNCATED_INPUT record, at the line's "
               "number and decompressed offset. The generator asserts this placement; check_sample.py re-derives it "
               "by feeding the truncated bytes to `zlib.decompressobj(16 + zlib.MAX_WBITS)`.")
    out.append("")
    out.append("## Every deliberate line")
    out.append("")
    out.append("Ordinary valid lines are not listed. Line numbers count lines of the decompressed file.")
    out.append("")
    out.append("| file | line | offset | outcome | what |")
    out.append("|---|---|---|---|---|")
    for f, line_no, offset, outcome, note in specials:
        out.append("| `%s` | %d | %d | %s | %s |" % (f.rel[len(EVENTS) + 1:], line_no, offset, outcome,
                                                  note.replace("|", "\\|")))
    out.append("")
    out.append("## Enrich and sessions (event date 2026-11-20)")
    out.append("")
    out.append("After dedup-events for event date X = 2026-11-20 (late_days 1: arrivals 2026-11-20 and 2026-11-21), "
               "enrich-events and sessionize. `check_enrich_sessions.py` derives their expectations from the raw "
               "files alone (like `check_dedup.py`: the events minus the lines `expected/ingest-events-lines.tsv` "
               "lists, the products and FX rates of 2026-11-20 minus the records `expected/csv-rejects.tsv` lists), "
               "never from the jobs' output, and fails if a hand-checked case below comes out otherwise.")
    out.append("")
    out.append("- `expected/enrich-events.json`: `read` = `written` = the dedup output (236), `quarantined` 0, and "
               "`counters`: IN_CATALOG 131, NOT_IN_CATALOG 4, NO_PRODUCT 101 (they add up to 236), RATE_FOUND 91, "
               "NO_RATE 3, NO_CURRENCY 142 (they add up to 236). A product_id `\"\"` (one page_view) is stored as null "
               "by ingest-events (an empty id names nothing): NO_PRODUCT. Inactive products are in the catalog. Of a product_id seen "
               "twice in the snapshot the first kept record (file path, byte offset) wins; an invalid record never "
               "counts. category and brand are null when empty or when the product is not in the catalog; "
               "usd_per_unit is the first valid rate of the currency in `raw/fx_rates/dt=2026-11-20`.")
    out.append("- `expected/sessions.json`: `totals` (read 236, written 236, sessions 59, converted_sessions 10, "
               "unconverted_purchases 2, revenue_usd \"191993.98\" = the sum of the sessions' rounded revenue_usd) "
               "and `sessions`: every session record sorted by session_id (UTF-8 byte order), with session_id, "
               "visitor, session_start, session_end (`YYYY-MM-DDTHH:MM:SS.mmmZ`), event_count, page_views, "
               "product_views, searches, cart_adds, cart_removes, checkouts, purchases, converted, revenue_usd "
               "(a string with 2 decimals), unconverted_purchases, country, entry_url, exit_url (JSON null when "
               "null). `python3 test-data/check_enrich_sessions.py --verbose` prints each session's events "
               "with their source file and line.")
    out.append("- `warehouse/raw/events/dt=2026-11-20/hr=23/sessions-edge.jsonl` (34 lines, all valid, dated "
               "2026-11-20, event_ids `edge-NN-x`) holds the hand-checked cases; `make_sample.py` writes it "
               "without its random generator, so the other files keep their bytes. Its purchases carry order_ids "
               "O-20261120-90001 .. 90005 that no export holds (orphan purchases, listed in `CSV-SAMPLE.md`).")
    out.append("")
    out.append("| visitor | case | expected sessions |")
    out.append("|---|---|---|")
    for row in [
        ("anon-edge-gap", "events listed newest first; gaps of exactly 30:00.000 (10:30:00.000999+01:00 cut to "
                          "10:30:00.000; epoch millis 11:00:00.000), then 30:00.001, then 29:59.999",
         "2: `@...T10:00:00.000Z` (3 events, end 11:00:00.000, country null) and `@...T11:30:00.001Z` (2 events, "
         "end 12:00:00.000)"),
        ("anon-edge-login / u-edge-login", "a cookie browses with no user_id, user_id null and user_id \"\", "
                                           "signs in (user_id u-edge-login), signs out; the user later on a second "
                                           "device (another anonymous_id)",
         "`anon-edge-login@...T09:00:00.000Z` (4 events, end 09:10, exit /help, country null) and "
         "`u-edge-login@...T09:03:00.000Z` (3 events across both cookies, end 09:20, country AT)"),
        ("anon-edge-samems", "3 events in the same millisecond 14:00:00.500 (ISO Z, +01:00, epoch millis) "
                             "listed as b, a, c; only b and c have a country",
         "1 session of 3, start = end; order a, b, c: entry_url /c/sale (a), exit_url /search?q=map (c), "
         "country NL"),
        ("anon-edge-bytes", "2 events in the same millisecond, event_ids ending in U+1F600 and U+FF61: "
                            "UTF-8 byte order puts U+FF61 first, Java's UTF-16 String order the other way round",
         "1 session of 2: entry_url /halfwidth, exit_url /emoji, country SE"),
        ("anon-edge-chf", "page_url null, then \"\", country only from the 3rd event; a CHF purchase (rate "
                          "1.1325079) and a DKK purchase (no rate); last event with page_url null",
         "1 session of 8: entry_url \"\", exit_url /checkout/confirmation, country CH, purchases 2, converted, "
         "revenue_usd 259.34 (229.00 x 1.1325079 = 259.3443091), unconverted_purchases 1"),
        ("anon-edge-tie", "one purchase 15.00 GBP x 10000 x 1.2641883 = 189628.245 exactly",
         "revenue_usd 189628.24 (half-even; half-up would give .25)"),
        ("anon-edge-jpy", "two JPY purchases of 1000 (quantity null / absent: 1), 6.47293 USD each",
         "revenue_usd 12.95 (rounded once per session; rounding each purchase would give 12.94)"),
        ("anon-edge-dkk", "a PLN product view (no rate) and a DKK purchase (no rate)",
         "1 session of 2: converted true, revenue_usd 0.00, unconverted_purchases 1"),
        ("anon-edge-midnight", "00:00:00.000 (written +01:00), 00:30:00.000; 23:29:59.999, "
                               "23:59:59.999999-05:00 cut to 23:59:59.999",
         "2: `@...T00:00:00.000Z` (2 events) and `@...T23:29:59.999Z` (2 events, end 23:59:59.999)"),
    ]:
        out.append("| `%s` | %s | %s |" % row)
    out.append("")
    out.append("Enrichment of edge events: P-1016 in the catalog with category and brand null; P-1039 (inactive) "
               "footwear/Fjellrev; P-1008 camping/Lumen & Co. (its first record is invalid, the second kept); "
               "P-9999, P-9998 and P-1034 (only an invalid record) not in the catalog; EUR 1.05873412 (the first of "
               "two EUR rows), CHF 1.1325079, JPY 0.00647293; DKK and PLN no rate.")
    out.append("")
    out.append("## Marts (event date 2026-11-20)")
    out.append("")
    out.append("`check_marts.py` derives the four marts of DATA-CONTRACT.md section 4 (steps 4-7) for X = 2026-11-20 "
               "(late_days 1: event arrivals and order exports 2026-11-20 and 2026-11-21) from the raw files alone: "
               "the 236 deduplicated, enriched events and the 59 sessions exactly as `check_enrich_sessions.py` "
               "computes them (it imports that script), and the orders of `raw/orders/dt=2026-11-20` and "
               "`dt=2026-11-21` split into records by `check_csv_sample.py`'s CSV state machine, minus the records "
               "`expected/csv-rejects.tsv` lists (DUPLICATE_KEY within one export included; the kept order_ids are "
               "cross-checked against `expected/orders-lines.tsv`). It writes `expected/marts/<table>.json` "
               "(`{\"event_date\", \"columns\", \"rows\"}`; JSON null for null, counts as integers, money as strings "
               "with exactly 2 decimals), asserts the books between the tables and the hand-checked cases below, and "
               "prints one line per table. Its header comment lists every choice the contract leaves open.")
    out.append("")
    out.append("- `product_daily.json`: 29 rows, one per non-null product_id named by a candidate event of any type, "
               "sorted by product_id: views 85, add_to_carts 34, purchases 14, units_sold 10023 (all purchases), "
               "unconverted_purchases 2, revenue_usd summing to 191993.98. revenue_usd = price x quantity x "
               "usd_per_unit (FX of 2026-11-20) over the purchases with a rate, exact, rounded half-even once per "
               "product; category and brand from the products snapshot of 2026-11-20 (null when empty or unknown); "
               "unique_viewers = distinct visitors (as sessionize defines them) with a product_view.")
    out.append("- `funnel_daily.json`: 12 rows (null country first, then AT .. US): sessions 59, with product_view 39, "
               "with add_to_cart 24, with checkout 9, with purchase 10 (= the converted sessions of `sessions.json`).")
    out.append("- `top_products.json`: 29 rows in 8 categories (the null category is a group of its own); no category "
               "has more than 10 products here, so every product of product_daily appears, zero-revenue ones "
               "included; rank by rounded revenue_usd descending, then product_id.")
    out.append("- `revenue_daily.json`: 12 rows: orders 47, revenue_usd summing to 13569.89, unconverted_orders 0, "
               "orphan_purchases 7. 117 valid orders in the two exports (60 + 58, O-20261120-33536 kept in both); "
               "counted: order date (UTC date of order_time) 2026-11-20 and status paid, shipped or delivered, the "
               "first export's copy winning; total x usd_per_unit of 2026-11-20, rounded half-even once per "
               "shipping_country. orphan_purchases: candidate purchase events whose order_id is no valid order of "
               "either export (whatever its status or date), by the purchase event's own country. Every counted "
               "order of 2026-11-20 has a currency with a rate that day (the CHF orders without a rate are dated "
               "2026-11-21), so this sample does not exercise unconverted_orders for X = 2026-11-20.")
    out.append("")
    out.append("| table | case | expected |")
    out.append("|---|---|---|")
    for row in [
        ("product_daily", "P-1012: the GBP tie purchase (edge-06-a) 15.00 x 10000 x 1.2641883 = 189628.245 exactly, "
                          "its only purchase", "revenue_usd 189628.24 (half-even), units_sold 10000"),
        ("product_daily", "P-1003: the CHF purchase (edge-05-f) 229.00 x 1.1325079 = 259.3443091",
         "revenue_usd 259.34"),
        ("product_daily", "P-1019 and P-1035: one JPY purchase of 1000 each (edge-07-a/b, rate 0.00647293)",
         "6.47 each (the session's 12.95 is rounded once per session, the mart once per product)"),
        ("product_daily", "P-9998 (not in the catalog) and P-1026 (camping/Polaris): DKK purchases, no DKK rate "
                          "on 2026-11-20", "revenue_usd 0.00, unconverted_purchases 1 each; units_sold 2 and 1"),
        ("product_daily", "P-1034 (only an invalid catalog record): a PLN product_view (no PLN rate)",
         "category and brand null, views 1, unique_viewers 1"),
        ("product_daily", "P-1039 (inactive) named only by an add_to_cart; P-1016 (empty category and brand)",
         "footwear/Fjellrev, views 0; P-1016 null/null"),
        ("revenue_daily", "O-20261120-59012 (FR) and O-20261120-90001 .. 90005 (edge purchases) in no export",
         "7 orphan purchases (90004 has two events): FR 1, CH 1, GB 1, DK 1, JP 2, null 1 (edge-05-g has no "
         "country, though its session's is CH); DK and JP have orders 0, revenue_usd 0.00"),
        ("revenue_daily", "O-20261120-35303: paid, shipping_country \"\" (a gift card)",
         "the null row: orders 1, revenue_usd 105.87 (100.00 x 1.05873412)"),
        ("revenue_daily", "O-20261120-33536: placed in the 2026-11-20 export, paid in 2026-11-21's",
         "first export wins: placed, not counted; its purchase is not an orphan"),
        ("revenue_daily", "O-20261120-53558 (INCONSISTENT_TOTAL on 2026-11-20, fixed on 2026-11-21), "
                          "O-20261120-45491 and O-20261120-52713 (2026-11-21T00:40+01:00 = 2026-11-20T23:40Z), "
                          "exported on 2026-11-21", "counted"),
        ("revenue_daily", "O-20261121-62707 (2026-11-20T20:25-05:00 = 2026-11-21T01:25Z); O-20261120-24016 "
                          "(dated 2026-11-20, exported only on 2026-11-22)", "not counted"),
    ]:
        out.append("| %s | %s | %s |" % row)
    out.append("")
    out.append("## Regenerate")
    out.append("")
    out.append("`python3 test-data/make_sample.py` rewrites `warehouse/raw/events/`, its two files in `expected/` "
               "and this README deterministically (fixed seed, gzip mtime 0; Python 3 standard library only), "
               "labelling every line from how it was built, then runs `test-data/check_sample.py`, which re-reads the files, "
               "applies the ingest rules independently and fails if any count or line outcome differs. "
               "Then, in this order: `make_csv_sample.py` (CSV exports), `check_dedup.py` (writes "
               "`expected/dedup-events.json`), `check_enrich_sessions.py` (writes `expected/enrich-events.json` and "
               "`expected/sessions.json`), `check_marts.py` (writes `expected/marts/*.json`).")
    out.append("")
    out.append("`./mvnw -B verify` checks all of this (module `build-support/test-data-checks`, skipped with "
               "`-DskipTests`; `python3 build-support/test-data-checks/check_test_data.py` runs it alone in a few "
               "seconds): on one copy of this folder it runs the five `check_*.py` above, on another the two "
               "`make_*.py`, and fails when a script fails or when a copy then differs by one byte from the "
               "committed files. None of these scripts reads a job's output. After an intended change, run the "
               "scripts here in the order above and commit every file they rewrite.")
    out.append("")
    with open(os.path.join(HERE, "README.md"), "w") as fh:
        fh.write("\n".join(out))


if __name__ == "__main__":
    main()
