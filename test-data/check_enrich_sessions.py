#!/usr/bin/env python3
"""Independent expectation for enrich-events and sessionize on the sample, event date 2026-11-20
(late_days 1: arrivals 2026-11-20 and 2026-11-21).

Reads the RAW files directly (never the jobs' output), in the style of check_dedup.py:
- events: every line of raw/events/dt=2026-11-20 and dt=2026-11-21, minus the lines
  expected/ingest-events-lines.tsv lists as rejected or skipped; the event date is the UTC date of
  event_time (fraction cut to milliseconds); dedup keeps the first copy of an event_id by (arrival date,
  file path, byte offset);
- the products snapshot raw/products/dt=2026-11-20 and the rates raw/fx_rates/dt=2026-11-20, minus the
  records expected/csv-rejects.tsv lists (by file and line number); a product_id or currency seen twice
  among the kept records keeps the first by (file path, byte offset) (the rejects list already marks
  those as DUPLICATE_KEY; this script checks it finds no duplicate left).

Writes expected/enrich-events.json and expected/sessions.json (Python 3 standard library only), after
asserting the hand-checked outcomes of the session edge cases (EDGE_SESSIONS, EDGE_EVENTS below; the file
raw/events/dt=2026-11-20/hr=23/sessions-edge.jsonl written by make_sample.py, described in README.md).
Needs expected/dedup-events.json up to date (run check_dedup.py first) and expected/csv-rejects.tsv.
Rules (DATA-CONTRACT.md section 4 and the job brief):
- enrich: in_catalog when product_id is present (non-null and non-empty: ingest-events stores "" as
  null) and a kept product record has it; category/brand from that record ("" -> null);
  usd_per_unit when currency is present and has a kept rate.
- sessionize: visitor = user_id if non-null and non-empty, else anonymous_id; order by (event_time ms,
  event_id as UTF-8 bytes); a new session when the gap to the previous event is > 30:00.000 or the UTC
  date changes; revenue_usd = sum over purchases with a rate of price x quantity x usd_per_unit, exact,
  rounded half-even to 2 places per session; the total revenue is the sum of the rounded session values.

Usage: python3 test-data/check_enrich_sessions.py [--verbose]
"""
import bz2
import csv
import datetime
import io
import json
import os
import re
import sys
import zlib
from decimal import ROUND_HALF_EVEN, Decimal

HERE = os.path.dirname(os.path.abspath(__file__))
WAREHOUSE = os.path.join(HERE, 'warehouse')
EXPECTED = os.path.join(HERE, 'expected')
sys.setrecursionlimit(10000)  # the sample has a valid 1,000-level nested line

DAY = datetime.date(2026, 11, 20)
LATE_DAYS = 1
GAP_MS = 30 * 60 * 1000
EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)
TYPE_COUNTERS = {'page_view': 'page_views', 'product_view': 'product_views', 'search': 'searches',
                 'add_to_cart': 'cart_adds', 'remove_from_cart': 'cart_removes', 'checkout': 'checkouts',
                 'purchase': 'purchases'}


# ----------------------------------------------------------------------------------------------------
# Events

def rejected_lines():
    result = set()
    with open(os.path.join(EXPECTED, 'ingest-events-lines.tsv')) as f:
        next(f)
        for line in f:
            _, file, number, _, _ = line.rstrip('\n').split('\t')
            result.add((file, int(number)))
    return result


def decompressed(path):
    data = open(path, 'rb').read()
    if path.endswith('.gz'):
        data = zlib.decompressobj(16 + 15).decompress(data)  # also reads what a truncated stream gives
    elif path.endswith('.bz2'):
        data = bz2.BZ2Decompressor().decompress(data)
    return data


def lines_with_offsets(data):
    """(line_number, byte_offset, content) of every line; a BOM at the start of the file is skipped."""
    pos = 3 if data.startswith(b'\xef\xbb\xbf') else 0
    number = 0
    while pos < len(data):
        end = data.find(b'\n', pos)
        end = len(data) if end < 0 else end
        number += 1
        yield number, pos, data[pos:end]
        pos = end + 1


def utc_millis(t):
    if isinstance(t, int):
        return t
    m = re.fullmatch(r'(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d+))?(Z|[+-]\d\d:\d\d)', t)
    fraction = (m.group(2) or '0')[:3].ljust(3, '0')
    offset = m.group(3).replace('Z', '+00:00')
    moment = datetime.datetime.fromisoformat(m.group(1) + '.' + fraction + offset)
    return (moment - EPOCH) // datetime.timedelta(milliseconds=1)


def utc_of(ms):
    return EPOCH + datetime.timedelta(milliseconds=ms)


def iso_ms(ms):
    t = utc_of(ms)
    return t.strftime('%Y-%m-%dT%H:%M:%S') + '.%03dZ' % (ms % 1000)


def deduplicated_events():
    """Returns (events read by dedup, candidate events of DAY deduplicated, in (arrival, path, offset) order)."""
    skip = rejected_lines()
    seen = {}
    read = 0
    for k in range(LATE_DAYS + 1):
        arrival = (DAY + datetime.timedelta(days=k)).isoformat()
        base = os.path.join(WAREHOUSE, 'raw', 'events', 'dt=' + arrival)
        paths = []
        for hour in os.listdir(base):
            for name in os.listdir(os.path.join(base, hour)):
                paths.append('raw/events/dt=%s/%s/%s' % (arrival, hour, name))
        for relative in sorted(paths, key=lambda p: p.encode()):
            data = decompressed(os.path.join(WAREHOUSE, relative))
            for number, offset, line in lines_with_offsets(data):
                if (relative, number) in skip or line.rstrip(b'\r') == b'':
                    continue
                event = json.loads(line.decode('utf-8'), parse_float=Decimal)
                read += 1
                ms = utc_millis(event['event_time'])
                if utc_of(ms).date() != DAY:
                    continue
                if event['event_id'] not in seen:  # first by (arrival date, file path, byte offset)
                    event['_ms'] = ms
                    event['_source'] = '%s:%d' % (relative, number)
                    seen[event['event_id']] = event
    return read, list(seen.values())


# ----------------------------------------------------------------------------------------------------
# CSV reference data

def rejected_records(dataset):
    result = set()
    with open(os.path.join(EXPECTED, 'csv-rejects.tsv')) as f:
        header = next(f).rstrip('\n').split('\t')
        for line in f:
            row = dict(zip(header, line.rstrip('\n').split('\t')))
            if row['dataset'] == dataset and row['dt'] == DAY.isoformat():
                result.add((row['file'], int(row['line_number'])))
    return result


def kept_records(dataset, key):
    """{key value: record dict} of the kept records of raw/<dataset>/dt=DAY, first by (path, offset)."""
    skip = rejected_records(dataset)
    base = os.path.join(WAREHOUSE, 'raw', dataset, 'dt=' + DAY.isoformat())
    names = sorted((n for n in os.listdir(base) if n.endswith('.csv')), key=lambda n: n.encode())
    kept = {}
    for name in names:
        relative = 'raw/%s/dt=%s/%s' % (dataset, DAY.isoformat(), name)
        text = open(os.path.join(base, name), 'rb').read().decode('utf-8-sig')
        reader = csv.reader(io.StringIO(text, newline=''))
        header = next(reader)
        start = reader.line_num + 1
        for fields in reader:
            number, start = start, reader.line_num + 1
            if (relative, number) in skip:
                continue
            assert len(fields) == len(header), (relative, number, fields)
            record = dict(zip(header, fields))
            assert record[key] not in kept, 'duplicate %s %s not in csv-rejects.tsv' % (key, record[key])
            kept[record[key]] = record
    return kept


# ----------------------------------------------------------------------------------------------------
# Jobs

def enrich(events, products, rates):
    counters = {c: 0 for c in ['IN_CATALOG', 'NOT_IN_CATALOG', 'NO_PRODUCT', 'RATE_FOUND', 'NO_RATE', 'NO_CURRENCY']}
    for e in events:
        product_id = e.get('product_id') or None
        product = products.get(product_id) if product_id is not None else None
        if product_id is None:
            counters['NO_PRODUCT'] += 1
        else:
            counters['IN_CATALOG' if product is not None else 'NOT_IN_CATALOG'] += 1
        e['_in_catalog'] = product is not None
        e['_category'] = (product['category'] or None) if product else None
        e['_brand'] = (product['brand'] or None) if product else None
        currency = e.get('currency')
        rate = Decimal(rates[currency]['usd_per_unit']) if currency in rates else None
        if currency is None:
            counters['NO_CURRENCY'] += 1
        else:
            counters['RATE_FOUND' if rate is not None else 'NO_RATE'] += 1
        e['_usd_per_unit'] = rate
    return counters


def visitor_of(e):
    user_id = e.get('user_id')
    return user_id if user_id else e['anonymous_id']


def sessionize(events):
    by_visitor = {}
    for e in events:
        by_visitor.setdefault(visitor_of(e), []).append(e)
    sessions = []
    for visitor, evs in by_visitor.items():
        evs.sort(key=lambda e: (e['_ms'], e['event_id'].encode('utf-8')))
        current = []
        for e in evs:
            if current and (e['_ms'] - current[-1]['_ms'] > GAP_MS
                            or utc_of(e['_ms']).date() != utc_of(current[-1]['_ms']).date()):
                sessions.append(session_record(visitor, current))
                current = []
            current.append(e)
        sessions.append(session_record(visitor, current))
    sessions.sort(key=lambda s: s['session_id'].encode('utf-8'))
    return sessions


def session_record(visitor, evs):
    counts = {name: 0 for name in TYPE_COUNTERS.values()}
    revenue = Decimal(0)
    unconverted = 0
    for e in evs:
        counts[TYPE_COUNTERS[e['event_type']]] += 1
        if e['event_type'] == 'purchase':
            if e['_usd_per_unit'] is None:
                unconverted += 1
            else:
                quantity = e.get('quantity')
                revenue += Decimal(e['price']) * (1 if quantity is None else quantity) * e['_usd_per_unit']
    countries = [e['country'] for e in evs if e.get('country') is not None]
    urls = [e['page_url'] for e in evs if e.get('page_url') is not None]
    record = {'session_id': visitor + '@' + iso_ms(evs[0]['_ms']), 'visitor': visitor,
              'session_start': iso_ms(evs[0]['_ms']), 'session_end': iso_ms(evs[-1]['_ms']),
              'event_count': len(evs)}
    record.update(counts)
    record.update({'converted': counts['purchases'] > 0,
                   'revenue_usd': str(revenue.quantize(Decimal('0.01'), rounding=ROUND_HALF_EVEN)),
                   'unconverted_purchases': unconverted,
                   'country': countries[0] if countries else None,
                   'entry_url': urls[0] if urls else None,
                   'exit_url': urls[-1] if urls else None})
    record['_events'] = evs
    return record


SITE = 'https://shop.example.com'
# The hand-checked outcomes of raw/events/dt=2026-11-20/hr=23/sessions-edge.jsonl (see README.md): every session
# of an edge visitor, with the fields its case is about. The script fails if the rules above give anything else.
EDGE_SESSIONS = {
    'anon-edge-gap@2026-11-20T10:00:00.000Z': dict(event_count=3, session_end='2026-11-20T11:00:00.000Z',
                                                   entry_url=SITE + '/', exit_url=SITE + '/c/camping', country=None),
    'anon-edge-gap@2026-11-20T11:30:00.001Z': dict(event_count=2, session_end='2026-11-20T12:00:00.000Z'),
    'anon-edge-login@2026-11-20T09:00:00.000Z': dict(event_count=4, session_end='2026-11-20T09:10:00.000Z',
                                                     page_views=3, searches=1, country=None, exit_url=SITE + '/help'),
    'u-edge-login@2026-11-20T09:03:00.000Z': dict(event_count=3, session_end='2026-11-20T09:20:00.000Z',
                                                  cart_adds=1, product_views=1, country='AT',
                                                  exit_url=SITE + '/p/P-1008'),
    'anon-edge-samems@2026-11-20T14:00:00.500Z': dict(event_count=3, session_end='2026-11-20T14:00:00.500Z',
                                                      entry_url=SITE + '/c/sale', exit_url=SITE + '/search?q=map',
                                                      country='NL'),
    'anon-edge-bytes@2026-11-20T15:00:00.250Z': dict(event_count=2, entry_url=SITE + '/halfwidth',
                                                     exit_url=SITE + '/emoji', country='SE'),
    'anon-edge-chf@2026-11-20T16:00:00.000Z': dict(event_count=8, purchases=2, converted=True, revenue_usd='259.34',
                                                   unconverted_purchases=1, country='CH', entry_url='',
                                                   exit_url=SITE + '/checkout/confirmation'),
    'anon-edge-tie@2026-11-20T17:00:00.000Z': dict(event_count=1, purchases=1, converted=True,
                                                   revenue_usd='189628.24', unconverted_purchases=0),
    'anon-edge-jpy@2026-11-20T17:30:00.000Z': dict(event_count=2, purchases=2, revenue_usd='12.95',
                                                   session_end='2026-11-20T17:30:00.001Z'),
    'anon-edge-dkk@2026-11-20T20:00:00.000Z': dict(event_count=2, purchases=1, converted=True, revenue_usd='0.00',
                                                   unconverted_purchases=1, country='DK'),
    'anon-edge-midnight@2026-11-20T00:00:00.000Z': dict(event_count=2, session_end='2026-11-20T00:30:00.000Z'),
    'anon-edge-midnight@2026-11-20T23:29:59.999Z': dict(event_count=2, session_end='2026-11-20T23:59:59.999Z'),
}
# Per-event enrichment of some edge events: (in_catalog, category, brand, usd_per_unit).
EDGE_EVENTS = {
    'edge-01-b': (True, None, None, None),                       # P-1016: gift card, no category, no brand
    'edge-02-e': (True, 'footwear', 'Fjellrev', '1.05873412'),  # P-1039 inactive; the first EUR rate is kept
    'edge-02-g': (True, 'camping', 'Lumen & Co.', '1.05873412'),  # P-1008: second record (the first is invalid)
    'edge-03-b': (False, None, None, None),                      # P-9999 unknown
    'edge-05-f': (True, 'jackets', 'Fjellrev', '1.1325079'),    # CHF has a rate on 2026-11-20
    'edge-05-g': (False, None, None, None),                      # P-9998 unknown; DKK has no rate
    'edge-07-a': (True, 'nutrition', 'Trailhead', '0.00647293'),
    'edge-08-a': (False, None, None, None),                      # P-1034's only record is invalid; PLN no rate
}
def check_edges(events, sessions):
    by_id = {s['session_id']: s for s in sessions}
    edge_ids = {s for s in by_id if '-edge-' in s}
    assert edge_ids == set(EDGE_SESSIONS), sorted(edge_ids ^ set(EDGE_SESSIONS))
    for sid, fields in EDGE_SESSIONS.items():
        for k, v in fields.items():
            assert by_id[sid][k] == v, (sid, k, by_id[sid][k], v)
    enriched = {e['event_id']: e for e in events}
    for eid, (in_catalog, category, brand, rate) in EDGE_EVENTS.items():
        e = enriched[eid]
        rate_text = None if e['_usd_per_unit'] is None else str(e['_usd_per_unit'])
        got = (e['_in_catalog'], e['_category'], e['_brand'], rate_text)
        assert got == (in_catalog, category, brand, rate), (eid, got)


def write(name, value):
    with open(os.path.join(EXPECTED, name), 'w', encoding='utf-8') as f:
        json.dump(value, f, indent=2, ensure_ascii=False)
        f.write('\n')


def main():
    verbose = '--verbose' in sys.argv[1:]
    dedup_read, events = deduplicated_events()
    with open(os.path.join(EXPECTED, 'dedup-events.json')) as f:
        dedup = json.load(f)['days'][DAY.isoformat()]
    assert dedup['read'] == dedup_read and dedup['written'] == len(events), \
        'dedup-events.json disagrees with the raw files: run check_dedup.py first'
    products = kept_records('products', 'product_id')
    rates = kept_records('fx_rates', 'currency')
    counters = enrich(events, products, rates)
    assert counters['IN_CATALOG'] + counters['NOT_IN_CATALOG'] + counters['NO_PRODUCT'] == len(events)
    assert counters['RATE_FOUND'] + counters['NO_RATE'] + counters['NO_CURRENCY'] == len(events)
    enrich_expected = {'event_date': DAY.isoformat(), 'late_days': LATE_DAYS, 'read': len(events),
                       'written': len(events), 'quarantined': 0, 'counters': counters}
    sessions = sessionize(events)
    placed = sum(s['event_count'] for s in sessions)
    assert placed == len(events)
    totals = {'read': len(events), 'written': placed, 'sessions': len(sessions),
              'converted_sessions': sum(1 for s in sessions if s['converted']),
              'unconverted_purchases': sum(s['unconverted_purchases'] for s in sessions),
              'revenue_usd': str(sum((Decimal(s['revenue_usd']) for s in sessions), Decimal('0.00')))}
    check_edges(events, sessions)
    if verbose:
        for s in sessions:
            print('%s  %d events  %s..%s  rev %s' % (s['session_id'], s['event_count'], s['session_start'][11:],
                                                     s['session_end'][11:], s['revenue_usd']))
            for e in s['_events']:
                print('    %s %-16s %-36s %s %s %s' % (iso_ms(e['_ms'])[11:], e['event_type'], e['event_id'],
                                                   e.get('product_id'), e.get('currency'), e['_source']))
    for s in sessions:
        del s['_events']
    sessions_expected = {'event_date': DAY.isoformat(), 'late_days': LATE_DAYS, 'totals': totals,
                         'sessions': sessions}
    write('enrich-events.json', enrich_expected)
    write('sessions.json', sessions_expected)
    print(json.dumps(enrich_expected))
    print(json.dumps(totals))


if __name__ == '__main__':
    main()
