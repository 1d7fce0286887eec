#!/usr/bin/env python3
"""Independent expectation for dedup-events on the sample: reads the raw events directly (not the jobs'
output), drops the lines test-data/expected/ingest-events-lines.tsv lists as rejected or skipped, and
counts, for event date 2026-11-20 over arrivals 2026-11-20 and 2026-11-21, what dedup-events must report.
Writes test-data/expected/dedup-events.json."""
import bz2
import datetime
import json
import os
import re
import sys
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
sys.setrecursionlimit(10000)  # the sample has a valid 1,000-level nested line


def rejected():
    result = set()
    with open(os.path.join(HERE, 'expected', 'ingest-events-lines.tsv')) as f:
        next(f)
        for line in f:
            _, file, number, _, _ = line.rstrip('\n').split('\t')
            result.add((file, int(number)))
    return result


def lines(path):
    data = open(path, 'rb').read()
    if path.endswith('.gz'):
        data = zlib.decompressobj(16 + 15).decompress(data)
    elif path.endswith('.bz2'):
        data = bz2.BZ2Decompressor().decompress(data)
    if data.startswith(b'\xef\xbb\xbf'):
        data = data[3:]
    parts = data.split(b'\n')
    return parts[:-1] if parts and parts[-1] == b'' else parts


def utc_date(t):
    if isinstance(t, int):
        return datetime.datetime.fromtimestamp(t / 1000, datetime.timezone.utc).date()
    m = re.fullmatch(r'(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d+))?(Z|[+-]\d\d:\d\d)', t)
    fraction = (m.group(2) or '0')[:3].ljust(3, '0')
    offset = m.group(3).replace('Z', '+00:00')
    return datetime.datetime.fromisoformat(m.group(1) + '.' + fraction + offset).astimezone(
        datetime.timezone.utc).date()


def main():
    skip = rejected()
    day = datetime.date(2026, 11, 20)
    events = []
    for arrival in ['2026-11-20', '2026-11-21']:
        base = os.path.join(HERE, 'warehouse', 'raw', 'events', 'dt=' + arrival)
        for hour in sorted(os.listdir(base)):
            for name in sorted(os.listdir(os.path.join(base, hour))):
                relative = 'raw/events/dt=%s/%s/%s' % (arrival, hour, name)
                for number, line in enumerate(lines(os.path.join(base, hour, name)), 1):
                    if (relative, number) in skip or line.strip(b'\r') == b'':
                        continue
                    event = json.loads(line.decode())
                    events.append((event['event_id'], utc_date(event['event_time'])))
    candidates = [e for e in events if e[1] == day]
    distinct = len(set(e[0] for e in candidates))
    expected = {'days': {str(day): {
        'late_days': 1, 'read': len(events), 'written': distinct, 'skipped': len(events) - len(candidates),
        'duplicates_removed': len(candidates) - distinct, 'quarantined': 0}}}
    with open(os.path.join(HERE, 'expected', 'dedup-events.json'), 'w') as f:
        json.dump(expected, f, indent=2)
        f.write('\n')
    print(json.dumps(expected))


if __name__ == '__main__':
    main()
