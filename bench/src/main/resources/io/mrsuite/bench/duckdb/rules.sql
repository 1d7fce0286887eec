-- The contract's field rules (DATA-CONTRACT.md sections 2 to 4) as macros, so that the stages read as the
-- contract does. A macro returns NULL for a value that breaks its rule. Helpers come before their callers.
-- Casts are try_cast even where a CASE has ruled the value out: DuckDB may evaluate them on rows the CASE
-- does not select (seen for a cast of a struct field read from a table), and a cast that throws fails the
-- whole query.

-- An amount's text in parts for amount_cents_of: sign, whole digits, fraction digits, exponent ('' when
-- absent). The text is a JSON number, or a plain decimal a caller has checked with plain_decimal.
CREATE MACRO amount_parts(text) AS
  regexp_extract(text, '^(-?)([0-9]+)(?:\.([0-9]*))?(?:[eE]([+-]?[0-9]+))?$', ['sign', 'whole', 'fraction', 'exponent']);

CREATE MACRO amount_cents_scaled(p, significant, scale) AS CASE
  WHEN p.whole = '' OR scale IS NULL OR scale > 2 OR length(significant) - scale > 16 THEN NULL
  WHEN significant = '' THEN 0
  WHEN p.sign = '-' THEN NULL
  ELSE try_cast(significant || repeat('0', 2 - scale) AS BIGINT)
END;

-- An amount in cents from its parts (sections 2 and 3, docs/data-contract-notes.md), with its significant
-- digits and its scale as Java's BigDecimal counts them: at most 2 fraction digits as written (an exponent
-- moves them: 1.25e1 has 1), at most 16 integer digits (decimal(18,2)), not below zero (-0 is 0).
CREATE MACRO amount_cents_of(p) AS amount_cents_scaled(
  p, ltrim(p.whole || p.fraction, '0'),
  length(p.fraction) - CASE WHEN p.exponent = '' THEN 0 ELSE try_cast(p.exponent AS INTEGER) END);

-- A plain decimal in text (a CSV field or a JSON string): digits, then optionally a point and 1 to
-- max_fraction digits; no sign, exponent, grouping or spaces; at most 16 integer digits.
CREATE MACRO plain_decimal(text, max_fraction) AS
  regexp_full_match(text, '[0-9]+(\.[0-9]{1,' || max_fraction || '})?')
  AND length(ltrim(split_part(text, '.', 1), '0')) <= 16;

-- Money as the contract stores it, decimal(18,2), from cents.
CREATE MACRO money(cents) AS CAST(CAST(cents AS DECIMAL(18, 0)) * 0.01 AS DECIMAL(18, 2));

-- event_time and order_time as text (section 2) in parts: YYYY-MM-DDTHH:MM:SS[.fraction](Z|+HH:MM|-HH:MM)
-- with upper-case T and Z, hours 00-23, no leap second; day '' when the text has another form.
CREATE MACRO iso_parts(text) AS regexp_extract(text,
  '^([0-9]{4}-[0-9]{2}-[0-9]{2})T([01][0-9]|2[0-3]):([0-5][0-9]):([0-5][0-9])(?:\.([0-9]+))?'
  || '(?:Z|([+-])([0-9]{2}):([0-5][0-9]))$',
  ['day', 'hour', 'minute', 'second', 'fraction', 'sign', 'offset_hours', 'offset_minutes']);

-- The UTC instant of a timestamp's parts, as a TIMESTAMP: a real date (try_cast refuses 2026-11-31), an
-- offset within 18:00, the fraction cut (not rounded) to milliseconds. NULL when the parts break the rule.
CREATE MACRO iso_instant_of(p) AS CASE
  WHEN p.day = '' OR p.offset_hours > '18' OR (p.offset_hours = '18' AND p.offset_minutes <> '00') THEN NULL
  ELSE try_cast(p.day AS DATE)
       + make_time(try_cast(p.hour AS INTEGER), try_cast(p.minute AS INTEGER), try_cast(p.second AS INTEGER))
       + to_milliseconds(try_cast(rpad(left(p.fraction, 3), 3, '0') AS INTEGER))
       - to_minutes(CASE p.sign WHEN '-' THEN -1 ELSE 1 END
                    * (coalesce(try_cast(p.offset_hours AS INTEGER), 0) * 60
                       + coalesce(try_cast(p.offset_minutes AS INTEGER), 0)))
END;

CREATE MACRO iso_instant(text) AS iso_instant_of(iso_parts(text));

CREATE MACRO round_half_even_of(cents, rest) AS CAST(
  (cents + CASE WHEN rest > 0.5 OR (rest = 0.5 AND cents % 2 = 1) THEN 1 ELSE 0 END) * 0.01 AS DECIMAL(38, 2));

-- Money rounded half-even to cents (section 4: "exact decimal, rounded half-even to 2 places at the end"):
-- DuckDB's round() rounds halves away from zero. For the non-negative sums of the marts.
CREATE MACRO round_half_even_cents(amount) AS
  round_half_even_of(floor(amount * 100), amount * 100 - floor(amount * 100));

-- How deep a JSON text nests, the top object being level 1 (docs/data-contract-notes.md): its brackets
-- outside strings, counted as they open and close.
CREATE MACRO json_depth(json_text) AS list_reduce(
  string_split(regexp_replace(regexp_replace(json_text, '"(?:[^"\\]|\\.)*"', '', 'g'), '[^\[\]{}]', '', 'g'), ''),
  lambda acc, bracket: {
    'depth': acc.depth + CASE WHEN bracket IN ('[', '{') THEN 1 ELSE -1 END,
    'deepest': greatest(acc.deepest, acc.depth + CASE WHEN bracket IN ('[', '{') THEN 1 ELSE -1 END)},
  {'depth': 0, 'deepest': 0}).deepest;

-- The CSV grammar of section 3 (RFC 4180), as regular expressions: a field, quoted (a quote inside doubled,
-- line breaks allowed) or not (no comma, no quote); and the text inside a quoted field.
CREATE MACRO csv_field() AS '(?:"(?:[^"]|"")*"|[^,"]*)';

CREATE MACRO csv_quoted_text() AS '(?:[^"]|"")*';


-- Whether a sorted list holds one value twice: two neighbours equal. For the keys of a JSON object, which
-- json_keys gives unescaped and with duplicates kept (sorting first is cheaper than list_unique).
CREATE MACRO has_neighbours_equal(sorted) AS list_bool_or([sorted[i] = sorted[i + 1] FOR i IN range(1, len(sorted))]);
