#!/usr/bin/env python3
"""Independent expectation for the four daily marts of DATA-CONTRACT.md section 4 (steps 4-7) on the sample,
event date X = 2026-11-20 (late_days 1: event arrivals and order exports 2026-11-20 and 2026-11-21).

Reads the RAW files directly (never the jobs' output), reusing the other checkers:
- events, products of X, FX rates of X, enrichment and sessions: check_enrich_sessions.py (the raw events minus
  the lines expected/ingest-events-lines.tsv lists, deduplicated: the same 236 events; the products/rates of X
  minus the records expected/csv-rejects.tsv lists);
- orders: raw/orders/dt=2026-11-20 and dt=2026-11-21, split into records by check_csv_sample.py's byte-level
  CSV state machine (Python's csv module reads malformed records differently), minus the records
  expected/csv-rejects.tsv lists (by file and byte offset; this includes DUPLICATE_KEY within one export).
  The kept order_ids of each export are cross-checked against expected/orders-lines.tsv.

Writes expected/marts/{product_daily,funnel_daily,top_products,revenue_daily}.json, each
{"event_date", "columns", "rows"}; null is JSON null, counts are integers, money a string with exactly
2 decimals. Needs expected/dedup-events.json, csv-rejects.tsv and orders-lines.tsv up to date.

Choices where the contract (and docs/data-contract-notes.md) leave room:
- product_daily: a row for every non-null product_id of a candidate event of ANY type (page_view, search,
  remove_from_cart and checkout included; a product only removed from a cart has a row of zeros). An empty
  product_id is null after ingest and makes no row. category/brand come from the first kept record of the
  products snapshot of X ("" -> null); an inactive product is in the catalog; null when not in the catalog.
  quantity absent or null = 1. units_sold counts ALL purchases (also those without a rate); revenue_usd only
  those with a rate of X; exact Decimal, rounded ROUND_HALF_EVEN to 2 places once per product (not per
  event, not per session). unique_viewers: distinct visitors (user_id when non-empty, else anonymous_id,
  exactly as sessionize) with a product_view of that product. Sorted by product_id (plain string order).
- funnel_daily: the sessions of check_enrich_sessions.py; a session "with X" holds at least one event of
  that type; the session's country is the country of its first event with one (null its own row). Sorted
  null first, then by country.
- top_products: per category of product_daily (null its own group), ordered by the ROUNDED revenue_usd
  descending, then product_id ascending (plain string order); at most 10 rows per category, zero-revenue
  products included when a category has fewer than 10 products with revenue; rank 1..n with no gaps and no
  shared ranks (ties are broken by product_id, so ranks are unique). Sorted null category first, then
  category, then rank.
- revenue_daily:
  * valid orders = the kept (written) orders of exports X and X+1; an order is kept whatever happens to its
    lines (an order with no line, or all of whose lines are invalid, is still a valid order); order revenue is
    the order's `total`, not a sum of lines. Exports after X+1 (dt=2026-11-22) are not read: an order of X
    exported only on 2026-11-22 counts nowhere, and its purchase events are orphans.
  * first export wins for an order_id kept in both exports: earliest export date, then file path, then
    byte offset; the losing copy is ignored entirely (O-20261120-33536: placed on 2026-11-20, paid on
    2026-11-21 -> placed wins -> not in orders/revenue, but it IS a valid order, so its purchases are not
    orphans). An order quarantined in X and valid in X+1 is the X+1 copy (O-20261120-53558).
  * counted orders: order date (UTC date of order_time, fraction cut to ms) = X and status paid, shipped or
    delivered. The status and date filters come before the currency: an order lacking a rate whose status
    is cancelled/placed/refunded (or dated another day) counts nowhere, not even in unconverted_orders.
  * shipping_country "" is null (contract section 3); the null country is its own row.
  * revenue_usd = sum of total x usd_per_unit (FX of X = 2026-11-20, for orders of both exports), exact,
    rounded half-even once per country; an order whose currency has no rate on X counts in orders and
    unconverted_orders, not in revenue_usd.
  * orphan_purchases: candidate purchase events (the 236 deduplicated events of X) whose order_id is not a
    kept order of export X or X+1, whatever that order's status or date, grouped by the purchase EVENT's own
    `country` field (null when absent: not the session's country, not the order's). Each purchase event is
    counted (two orphan events with the same order_id count 2).
  * rows: one per country that has a counted order or an orphan purchase (a country whose orders are all
    non-counted and has no orphan has no row); a country with only orphans has orders 0, revenue_usd "0.00",
    unconverted_orders 0. Sorted null first, then by country.
  * note: every counted order of 2026-11-20 in this sample has a rate on 2026-11-20 (the CHF orders without a
    rate are dated 2026-11-21), so unconverted_orders is 0 everywhere here: the rule is implemented, not exercised.

Usage: python3 test-data/check_marts.py
"""
import csv
import datetime
import decimal
import json
import os
import sys
from decimal import ROUND_HALF_EVEN, Decimal

import check_csv_sample as ccs
import check_enrich_sessions as ces

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(ces.EXPECTED, 'marts')
DAY = ces.DAY
EXPORTS = [(DAY + datetime.timedelta(days=k)).isoformat() for k in range(ces.LATE_DAYS + 1)]
COUNTED_STATUSES = {'paid', 'shipped', 'delivered'}
CENT = Decimal('0.01')

decimal.getcontext().prec = 100  # exact: prices up to 18 digits x quantity x 8-decimal rates fit easily

COLUMNS = {
    'product_daily': ['product_id', 'category', 'brand', 'views', 'add_to_carts', 'purchases', 'units_sold',
                      'revenue_usd', 'unconverted_purchases', 'unique_viewers'],
    'funnel_daily': ['country', 'sessions', 'sessions_with_product_view', 'sessions_with_add_to_cart',
                     'sessions_with_checkout', 'sessions_with_purchase'],
    'top_products': ['category', 'rank', 'product_id', 'revenue_usd'],
    'revenue_daily': ['country', 'orders', 'revenue_usd', 'unconverted_orders', 'orphan_purchases'],
}


def money(value):
    return str(value.quantize(CENT, rounding=ROUND_HALF_EVEN))


def null_first(value):
    return (value is not None, value or '')


def quantity(e):
    q = e.get('quantity')
    return 1 if q is None else q


# ----------------------------------------------------------------------------------------------------
# Orders

def rejected_offsets():
    result = set()
    with open(os.path.join(ces.EXPECTED, 'csv-rejects.tsv')) as f:
        header = next(f).rstrip('\n').split('\t')
        for line in f:
            row = dict(zip(header, line.rstrip('\n').split('\t')))
            if row['dataset'] == 'orders':
                result.add((row['file'], int(row['byte_offset'])))
    return result


def kept_orders_tsv():
    result = {}
    with open(os.path.join(ces.EXPECTED, 'orders-lines.tsv')) as f:
        next(f)
        for line in f:
            dt, order_id, _ = line.rstrip('\n').split('\t')
            result.setdefault(dt, set()).add(order_id)
    return result


def valid_orders():
    """{order_id: order dict} over exports X .. X+late_days, first export wins (dt, file path, byte offset)."""
    csv.field_size_limit(1 << 30)  # a valid order of exactly 1 MiB (check_csv_sample.main does the same)
    skip = rejected_offsets()
    listed = kept_orders_tsv()
    orders = {}
    for dt in EXPORTS:
        base = os.path.join(ces.WAREHOUSE, 'raw', 'orders', 'dt=' + dt)
        names = sorted((n for n in os.listdir(base) if not n.startswith(('_', '.'))), key=lambda n: n.encode())
        kept_here = []
        for name in names:
            relative = 'raw/orders/dt=%s/%s' % (dt, name)
            data = ccs.decode(os.path.join(ces.WAREHOUSE, relative))
            header, records = ccs.records(data)
            assert [f.decode('ascii') for f in header.fields] == ccs.HEADERS['orders'], relative
            for p in records:
                if (relative, p.start) in skip:
                    continue
                assert p.error is None and not p.empty and len(p.fields) == 11, (relative, p.start)
                order = dict(zip(ccs.HEADERS['orders'], (f.decode('utf-8') for f in p.fields)))
                # a kept record must pass the field rules (csv-rejects.tsv lists every record that does not)
                outcome, _ = ccs.classify('orders', data, p)
                assert outcome == 'VALID', (relative, p.start, outcome)
                order['_export'] = dt
                order['_source'] = '%s@%d' % (relative, p.start)
                kept_here.append(order['order_id'])
                orders.setdefault(order['order_id'], order)  # exports, files, offsets are visited in order
        assert len(kept_here) == len(set(kept_here)), 'duplicate order_id within export %s' % dt
        assert set(kept_here) == listed.get(dt, set()), ('kept orders differ from orders-lines.tsv', dt)
    return orders


# ----------------------------------------------------------------------------------------------------
# Marts

def product_daily(events):
    rows = {}
    viewers = {}
    exact = {}
    for e in events:
        product_id = e.get('product_id') or None
        if product_id is None:
            continue
        if product_id not in rows:
            rows[product_id] = {'product_id': product_id, 'category': e['_category'], 'brand': e['_brand'],
                                'views': 0, 'add_to_carts': 0, 'purchases': 0, 'units_sold': 0,
                                'revenue_usd': None, 'unconverted_purchases': 0, 'unique_viewers': 0}
            viewers[product_id] = set()
            exact[product_id] = Decimal(0)
        r = rows[product_id]
        assert (r['category'], r['brand']) == (e['_category'], e['_brand'])
        t = e['event_type']
        if t == 'product_view':
            r['views'] += 1
            viewers[product_id].add(ces.visitor_of(e))
        elif t == 'add_to_cart':
            r['add_to_carts'] += 1
        elif t == 'purchase':
            r['purchases'] += 1
            r['units_sold'] += quantity(e)
            if e['_usd_per_unit'] is None:
                r['unconverted_purchases'] += 1
            else:
                exact[product_id] += Decimal(e['price']) * quantity(e) * e['_usd_per_unit']
    for product_id, r in rows.items():
        r['revenue_usd'] = money(exact[product_id])
        r['unique_viewers'] = len(viewers[product_id])
    return [rows[p] for p in sorted(rows)], exact


def funnel_daily(sessions):
    rows = {}
    for s in sessions:
        country = s['country']
        r = rows.setdefault(country, {'country': country, 'sessions': 0, 'sessions_with_product_view': 0,
                                      'sessions_with_add_to_cart': 0, 'sessions_with_checkout': 0,
                                      'sessions_with_purchase': 0})
        types = {e['event_type'] for e in s['_events']}
        r['sessions'] += 1
        r['sessions_with_product_view'] += 'product_view' in types
        r['sessions_with_add_to_cart'] += 'add_to_cart' in types
        r['sessions_with_checkout'] += 'checkout' in types
        r['sessions_with_purchase'] += 'purchase' in types
    return [rows[c] for c in sorted(rows, key=null_first)]


def top_products(products):
    groups = {}
    for r in products:
        groups.setdefault(r['category'], []).append(r)
    rows = []
    for category in sorted(groups, key=null_first):
        ranked = sorted(groups[category], key=lambda r: (-Decimal(r['revenue_usd']), r['product_id']))[:10]
        for rank, r in enumerate(ranked, 1):
            rows.append({'category': category, 'rank': rank, 'product_id': r['product_id'],
                         'revenue_usd': r['revenue_usd']})
    return rows


def revenue_daily(orders, events, rates):
    rows = {}
    exact = {}

    def row(country):
        if country not in rows:
            rows[country] = {'country': country, 'orders': 0, 'revenue_usd': None, 'unconverted_orders': 0,
                             'orphan_purchases': 0}
            exact[country] = Decimal(0)
        return rows[country]

    counted = []
    for order in orders.values():
        if ces.utc_of(ces.utc_millis(order['order_time'])).date() != DAY:
            continue
        if order['status'] not in COUNTED_STATUSES:
            continue
        counted.append(order)
        country = order['shipping_country'] or None
        r = row(country)
        r['orders'] += 1
        rate = rates.get(order['currency'])
        if rate is None:
            r['unconverted_orders'] += 1
        else:
            exact[country] += Decimal(order['total']) * Decimal(rate['usd_per_unit'])
    orphans = []
    for e in events:
        if e['event_type'] == 'purchase' and e['order_id'] not in orders:
            orphans.append(e)
            row(e.get('country'))['orphan_purchases'] += 1
    for country, r in rows.items():
        r['revenue_usd'] = money(exact[country])
    return [rows[c] for c in sorted(rows, key=null_first)], counted, orphans, exact


# ----------------------------------------------------------------------------------------------------
# Hand-checked cases (see README.md "Marts"): the script fails if the rules above give anything else.

HAND_PRODUCTS = {
    # the GBP tie (edge-06-a, its only purchase): 15.00 x 10000 x 1.2641883 = 189628.245 exactly -> half-even .24
    'P-1012': dict(category='accessories', purchases=1, units_sold=10000, revenue_usd='189628.24',
                   unconverted_purchases=0),
    # CHF purchase (edge-05-f): 229.00 x 1.1325079 = 259.3443091 -> 259.34
    'P-1003': dict(category='jackets', purchases=1, units_sold=1, revenue_usd='259.34', unconverted_purchases=0),
    # the two JPY purchases of one session (edge-07-a/b) are on two products: 6.47293 -> 6.47 each (the session
    # rounds once to 12.95; per product it is 6.47 + 6.47)
    'P-1019': dict(purchases=1, units_sold=1, revenue_usd='6.47'),
    'P-1035': dict(purchases=1, units_sold=1, revenue_usd='6.47', views=0, unique_viewers=0),
    # P-9998 unknown, DKK no rate on X (edge-05-g): 2 units sold, nothing converts
    'P-9998': dict(category=None, brand=None, purchases=1, units_sold=2, revenue_usd='0.00',
                   unconverted_purchases=1),
    # P-1026 in the catalog, one DKK purchase of 899.00 (edge-08-b), no rate
    'P-1026': dict(category='camping', purchases=1, units_sold=1, revenue_usd='0.00', unconverted_purchases=1),
    # P-1034: only an invalid catalog record; one PLN product view (no rate, but a view needs none)
    'P-1034': dict(category=None, brand=None, views=1, unique_viewers=1, purchases=0, revenue_usd='0.00'),
    # P-1016: gift card in the catalog with category and brand empty; P-1021: its only record is malformed
    'P-1016': dict(category=None, brand=None),
    'P-1021': dict(category=None, brand=None),
    # P-1039: inactive, in the catalog; named only by an add_to_cart (edge-02-e)
    'P-1039': dict(category='footwear', brand='Fjellrev', views=0, add_to_carts=1, unique_viewers=0),
}
# order_id of every orphan purchase event (O-20261120-90004 has two events, so 7 orphan purchases)
HAND_ORPHANS = {'O-20261120-59012', 'O-20261120-90001', 'O-20261120-90002', 'O-20261120-90003',
                'O-20261120-90004', 'O-20261120-90005'}
# revenue_daily rows: (orders, unconverted_orders, orphan_purchases) of some countries
HAND_REVENUE = {
    None: (1, 0, 1),   # O-20261120-35303 shipping_country "" -> null; orphan edge-05-g has no country (session: CH)
    'JP': (0, 0, 2),   # only orphans (O-20261120-90004, two events): orders 0, revenue_usd 0.00
    'DK': (0, 0, 1),   # O-20261120-90005
    'CH': (3, 0, 1),   # O-20261120-90001
    'GB': (6, 0, 1),   # O-20261120-90003 (the tie purchase)
    'FR': (7, 0, 1),   # O-20261120-59012: an ordinary purchase whose order no export holds
}


def check_hand(products, exact_products, revenue, counted, orphans, orders, rates):
    by_id = {r['product_id']: r for r in products}
    for product_id, fields in HAND_PRODUCTS.items():
        for k, v in fields.items():
            assert by_id[product_id][k] == v, (product_id, k, by_id[product_id][k], v)
    assert exact_products['P-1012'] == Decimal('189628.245')
    assert exact_products['P-1003'] == Decimal('259.3443091')
    assert rates['CHF']['usd_per_unit'] == '1.1325079' and 'DKK' not in rates and 'PLN' not in rates
    assert set(e['order_id'] for e in orphans) == HAND_ORPHANS, sorted(set(e['order_id'] for e in orphans))
    assert len(orphans) == 7
    by_country = {r['country']: r for r in revenue}
    for country, (n, unconverted, orphan) in HAND_REVENUE.items():
        r = by_country[country]
        assert (r['orders'], r['unconverted_orders'], r['orphan_purchases']) == (n, unconverted, orphan), r
        assert n > 0 or r['revenue_usd'] == '0.00'
    assert by_country[None]['revenue_usd'] == '105.87'  # 100.00 EUR x 1.05873412 = 105.873412
    counted_ids = {o['order_id'] for o in counted}
    # first export wins: placed on 2026-11-20 (not counted) although paid on 2026-11-21; still not an orphan
    assert orders['O-20261120-33536']['_export'] == '2026-11-20' and orders['O-20261120-33536']['status'] == 'placed'
    assert 'O-20261120-33536' not in counted_ids
    # quarantined (INCONSISTENT_TOTAL) in the 2026-11-20 export, valid in 2026-11-21's: that copy counts
    assert orders['O-20261120-53558']['_export'] == '2026-11-21' and 'O-20261120-53558' in counted_ids
    # exported a day late: 2026-11-20T19:40:05.002+01:00, counted
    assert orders['O-20261120-45491']['_export'] == '2026-11-21' and 'O-20261120-45491' in counted_ids
    # 2026-11-20T20:25-05:00 = 2026-11-21T01:25Z: order date 2026-11-21, not counted
    assert 'O-20261121-62707' in orders and 'O-20261121-62707' not in counted_ids
    # 2026-11-21T00:40+01:00 = 2026-11-20T23:40Z, paid, exported 2026-11-21: counted
    assert orders['O-20261120-52713']['_export'] == '2026-11-21' and 'O-20261120-52713' in counted_ids
    # paid order of 2026-11-20 exported only on 2026-11-22 (outside late_days 1): not read at all
    assert 'O-20261120-24016' not in orders


def check_consistency(events, sessions, products, exact_products, funnel, top, revenue, counted, orphans, orders):
    purchases = [e for e in events if e['event_type'] == 'purchase']
    assert sum(r['views'] for r in products) == sum(e['event_type'] == 'product_view' for e in events)
    assert sum(r['add_to_carts'] for r in products) == sum(e['event_type'] == 'add_to_cart' for e in events)
    assert sum(r['purchases'] for r in products) == len(purchases)
    assert sum(r['units_sold'] for r in products) == sum(quantity(e) for e in purchases)
    assert sum(r['unconverted_purchases'] for r in products) == sum(s['unconverted_purchases'] for s in sessions)
    assert all(r['unique_viewers'] <= r['views'] for r in products)
    # exact revenue is the same whether summed per product or per session
    exact_sessions = sum((Decimal(e['price']) * quantity(e) * e['_usd_per_unit'] for e in purchases
                          if e['_usd_per_unit'] is not None), Decimal(0))
    assert sum(exact_products.values(), Decimal(0)) == exact_sessions
    # funnel
    assert sum(r['sessions'] for r in funnel) == len(sessions)
    assert sum(r['sessions_with_purchase'] for r in funnel) == sum(s['converted'] for s in sessions)
    for r in funnel:
        assert r['sessions'] >= max(r[c] for c in COLUMNS['funnel_daily'][2:])
    assert sum(r['sessions_with_product_view'] for r in funnel) == sum(s['product_views'] > 0 for s in sessions)
    # top products: same revenue as product_daily, at most 10 per category, every category present
    by_id = {r['product_id']: r for r in products}
    categories = {r['category'] for r in products}
    assert {r['category'] for r in top} == categories
    for c in categories:
        members = [r for r in products if r['category'] == c]
        ranked = [r for r in top if r['category'] == c]
        assert [r['rank'] for r in ranked] == list(range(1, min(10, len(members)) + 1))
        for r in ranked:
            assert by_id[r['product_id']]['revenue_usd'] == r['revenue_usd']
            assert by_id[r['product_id']]['category'] == c
        cut = Decimal(ranked[-1]['revenue_usd'])
        assert all(Decimal(r['revenue_usd']) <= cut for r in members if r['product_id'] not in
                   {x['product_id'] for x in ranked})
    # revenue
    assert sum(r['orders'] for r in revenue) == len(counted)
    assert sum(r['orphan_purchases'] for r in revenue) == len(orphans) == \
        sum(1 for e in purchases if e['order_id'] not in kept_orders_tsv().get(EXPORTS[0], set())
            | kept_orders_tsv().get(EXPORTS[1], set()))
    assert all(r['unconverted_orders'] <= r['orders'] for r in revenue)
    assert all(r['orders'] > 0 or r['revenue_usd'] == '0.00' for r in revenue)


def write(table, rows):
    os.makedirs(OUT, exist_ok=True)
    for r in rows:
        assert list(r) == COLUMNS[table], (table, list(r))
    value = {'event_date': DAY.isoformat(), 'columns': COLUMNS[table], 'rows': rows}
    with open(os.path.join(OUT, table + '.json'), 'w', encoding='utf-8') as f:
        json.dump(value, f, indent=2, ensure_ascii=False)
        f.write('\n')


def main():
    dedup_read, events = ces.deduplicated_events()
    with open(os.path.join(ces.EXPECTED, 'dedup-events.json')) as f:
        dedup = json.load(f)['days'][DAY.isoformat()]
    assert dedup['read'] == dedup_read and dedup['written'] == len(events), \
        'dedup-events.json disagrees with the raw files: run check_dedup.py first'
    products_snapshot = ces.kept_records('products', 'product_id')
    rates = ces.kept_records('fx_rates', 'currency')
    ces.enrich(events, products_snapshot, rates)
    sessions = ces.sessionize(events)
    assert sum(s['event_count'] for s in sessions) == len(events)
    orders = valid_orders()

    products, exact_products = product_daily(events)
    funnel = funnel_daily(sessions)
    top = top_products(products)
    revenue, counted, orphans, exact_revenue = revenue_daily(orders, events, rates)
    check_hand(products, exact_products, revenue, counted, orphans, orders, rates)
    check_consistency(events, sessions, products, exact_products, funnel, top, revenue, counted, orphans, orders)

    for table, rows in (('product_daily', products), ('funnel_daily', funnel), ('top_products', top),
                        ('revenue_daily', revenue)):
        write(table, rows)
    total = lambda rows, c: sum(Decimal(r[c]) for r in rows)
    print('product_daily: %d rows; views %d, add_to_carts %d, purchases %d, units_sold %d, revenue_usd %s, '
          'unconverted_purchases %d' % (len(products), sum(r['views'] for r in products),
                                        sum(r['add_to_carts'] for r in products),
                                        sum(r['purchases'] for r in products), sum(r['units_sold'] for r in products),
                                        total(products, 'revenue_usd'),
                                        sum(r['unconverted_purchases'] for r in products)))
    print('funnel_daily: %d rows; sessions %d, with product_view %d, add_to_cart %d, checkout %d, purchase %d' % (
        len(funnel), *(sum(r[c] for r in funnel) for c in COLUMNS['funnel_daily'][1:])))
    print('top_products: %d rows in %d categories; revenue_usd %s' % (
        len(top), len({r['category'] for r in top}), total(top, 'revenue_usd')))
    print('revenue_daily: %d rows; orders %d, revenue_usd %s, unconverted_orders %d, orphan_purchases %d '
          '(valid orders in exports %s: %d)' % (
              len(revenue), sum(r['orders'] for r in revenue), total(revenue, 'revenue_usd'),
              sum(r['unconverted_orders'] for r in revenue), sum(r['orphan_purchases'] for r in revenue),
              '+'.join(EXPORTS), len(orders)))


if __name__ == '__main__':
    main()
