-- The contract's field rules (DATA-CONTRACT.md sections 2 to 4) as SQL functions, ported from the DuckDB peer's
-- macros (bench/src/main/resources/io/mrsuite/bench/duckdb/rules.sql). A function returns NULL for a value that
-- breaks its rule. Regular expressions are Java's, in raw literals (r'...'); \z, not $, ends a full match,
-- because Java's $ also matches before a final line break.

-- The JSON type of a value of a parsed line (a VARIANT): STRING, INTEGER (a JSON integer that fits a BIGINT),
-- NUMBER (any other number: a fraction, an exponent, a larger integer), BOOLEAN, OBJECT<...>, ARRAY<...>; NULL
-- when the value is absent or JSON null (the contract treats both alike).
CREATE OR REPLACE TEMPORARY FUNCTION json_kind_of_schema(schema STRING) RETURNS STRING RETURN
  CASE WHEN schema = 'VOID' THEN NULL
       WHEN schema = 'BIGINT' THEN 'INTEGER'
       WHEN schema = 'DOUBLE' OR startswith(schema, 'DECIMAL') THEN 'NUMBER'
       ELSE schema END;

CREATE OR REPLACE TEMPORARY FUNCTION json_kind(v VARIANT) RETURNS STRING RETURN json_kind_of_schema(schema_of_variant(v));

-- An amount in cents from its sign, whole digits, fraction digits and exponent (sections 2 and 3,
-- docs/data-contract-notes.md), with its significant digits and its scale as Java's BigDecimal counts them: at
-- most 2 fraction digits as written (an exponent moves them: 1.25e1 has 1), at most 16 integer digits
-- (decimal(18,2)), not below zero (-0 is 0).
CREATE OR REPLACE TEMPORARY FUNCTION amount_cents_scaled(sign STRING, whole STRING, significant STRING, scale INT)
RETURNS BIGINT RETURN
  CASE WHEN whole = '' OR scale IS NULL OR scale > 2 OR length(significant) - scale > 16 THEN NULL
       WHEN significant = '' THEN 0
       WHEN sign = '-' THEN NULL
       ELSE try_cast(concat(significant, repeat('0', 2 - scale)) AS BIGINT) END;

-- An amount's text, a JSON number or a plain decimal a caller has checked with plain_decimal, in cents.
CREATE OR REPLACE TEMPORARY FUNCTION amount_cents(text STRING) RETURNS BIGINT RETURN amount_cents_scaled(
  regexp_extract(text, r'^(-?)([0-9]+)(?:\.([0-9]*))?(?:[eE]([+-]?[0-9]+))?\z', 1),
  regexp_extract(text, r'^(-?)([0-9]+)(?:\.([0-9]*))?(?:[eE]([+-]?[0-9]+))?\z', 2),
  trim(LEADING '0' FROM concat(regexp_extract(text, r'^(-?)([0-9]+)(?:\.([0-9]*))?(?:[eE]([+-]?[0-9]+))?\z', 2),
                               regexp_extract(text, r'^(-?)([0-9]+)(?:\.([0-9]*))?(?:[eE]([+-]?[0-9]+))?\z', 3))),
  length(regexp_extract(text, r'^(-?)([0-9]+)(?:\.([0-9]*))?(?:[eE]([+-]?[0-9]+))?\z', 3))
    - CASE WHEN regexp_extract(text, r'^(-?)([0-9]+)(?:\.([0-9]*))?(?:[eE]([+-]?[0-9]+))?\z', 4) = '' THEN 0
           ELSE try_cast(regexp_extract(text, r'^(-?)([0-9]+)(?:\.([0-9]*))?(?:[eE]([+-]?[0-9]+))?\z', 4) AS INT)
      END);

-- A plain decimal in text (a CSV field or a JSON string): digits, then optionally a point and 1 to 2 (money) or
-- 1 to 8 (FX rates) digits; no sign, exponent, grouping or spaces; at most 16 integer digits.
CREATE OR REPLACE TEMPORARY FUNCTION plain_money(text STRING) RETURNS BOOLEAN RETURN
  text RLIKE r'^[0-9]+(\.[0-9]{1,2})?\z' AND length(trim(LEADING '0' FROM split_part(text, '.', 1))) <= 16;

CREATE OR REPLACE TEMPORARY FUNCTION plain_rate(text STRING) RETURNS BOOLEAN RETURN
  text RLIKE r'^[0-9]+(\.[0-9]{1,8})?\z' AND length(trim(LEADING '0' FROM split_part(text, '.', 1))) <= 16;

-- Money as the contract stores it, decimal(18,2), from cents.
CREATE OR REPLACE TEMPORARY FUNCTION money(cents BIGINT) RETURNS DECIMAL(18, 2) RETURN
  CAST(CAST(cents AS DECIMAL(18, 0)) * 0.01 AS DECIMAL(18, 2));

-- event_time and order_time as text (section 2): YYYY-MM-DDTHH:MM:SS[.fraction](Z|+HH:MM|-HH:MM) with upper-case
-- T and Z, hours 00-23, no leap second, a real date (try_cast refuses 2026-11-31), an offset within 18:00, the
-- fraction cut (not rounded) to milliseconds; as UTC epoch milliseconds. The form is checked once, then the
-- parts are read at their fixed places.
CREATE OR REPLACE TEMPORARY FUNCTION iso_millis(text STRING) RETURNS BIGINT RETURN
  CASE WHEN NOT text RLIKE r'^[0-9]{4}-[0-9]{2}-[0-9]{2}T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\.[0-9]+)?(Z|[+-][0-9]{2}:[0-5][0-9])\z'
         THEN NULL
       WHEN NOT endswith(text, 'Z')
            AND (substr(text, -5, 2) > '18' OR (substr(text, -5, 2) = '18' AND substr(text, -2, 2) <> '00'))
         THEN NULL
       ELSE CAST(unix_date(try_cast(substr(text, 1, 10) AS DATE)) AS BIGINT) * 86400000
            + ((CAST(substr(text, 12, 2) AS BIGINT) * 60 + CAST(substr(text, 15, 2) AS BIGINT)) * 60
               + CAST(substr(text, 18, 2) AS BIGINT)) * 1000
            + CASE WHEN substr(text, 20, 1) = '.'
                     THEN CAST(rpad(left(regexp_extract(text, r'\.([0-9]+)', 1), 3), 3, '0') AS BIGINT)
                   ELSE 0 END
            - CASE WHEN endswith(text, 'Z') THEN 0
                   ELSE CASE WHEN substr(text, -6, 1) = '-' THEN -1 ELSE 1 END
                        * (CAST(substr(text, -5, 2) AS BIGINT) * 60 + CAST(substr(text, -2, 2) AS BIGINT)) * 60000
              END
  END;

-- An instant from epoch milliseconds, NULL outside the years 1 to 9999 (Spark's timestamps).
CREATE OR REPLACE TEMPORARY FUNCTION instant_of(millis BIGINT) RETURNS TIMESTAMP RETURN
  CASE WHEN millis BETWEEN -62135596800000 AND 253402300799999 THEN timestamp_millis(millis) END;

-- Money rounded half-even to cents (section 4: "exact decimal, rounded half-even to 2 places at the end"):
-- Spark's bround, unlike DuckDB's round, rounds halves to even.
CREATE OR REPLACE TEMPORARY FUNCTION round_half_even_cents(amount DECIMAL(38, 10)) RETURNS DECIMAL(38, 2) RETURN
  CAST(bround(amount, 2) AS DECIMAL(38, 2));

-- How often a JSON text's brackets outside strings come back to level 0: once for a text that is one object or
-- array and nothing after it. Possessive quantifiers keep Java's regex off the stack on long strings.
CREATE OR REPLACE TEMPORARY FUNCTION json_top_level_closes(json_text STRING) RETURNS INT RETURN aggregate(
  split(regexp_replace(regexp_replace(json_text, r'"(?:[^"\\]++|\\.)*+"', ''), r'[^\[\]{}]', ''), ''),
  named_struct('depth', 0, 'closes', 0),
  (acc, bracket) -> named_struct(
    'depth', acc.depth + CASE WHEN bracket IN ('[', '{') THEN 1 WHEN bracket IN (']', '}') THEN -1 ELSE 0 END,
    'closes', acc.closes + CASE WHEN bracket IN (']', '}') AND acc.depth = 1 THEN 1 ELSE 0 END),
  acc -> acc.closes);
