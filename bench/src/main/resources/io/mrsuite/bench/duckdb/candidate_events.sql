-- Section 4, steps 1 and 2: the candidate events of X. Every line of the arrival partitions X .. X+late_days
-- (source_files, dataset 'events') that passes every rule of section 2 and is dated X, deduplicated by
-- event_id. Which reason a dropped line would be quarantined with does not change the marts, so the rules
-- are checked together, cheap ones first, not in the contract's order. LATE and FUTURE need no check of
-- their own: no event dated X is either in an arrival partition X .. X+late_days.

-- The files: DuckDB's readers take a list fixed before the query runs.
SET VARIABLE event_files = (SELECT list(read_path ORDER BY source_path) FROM source_files WHERE dataset = 'events');

-- The CTEs marked MATERIALIZED are computed once: DuckDB would otherwise push the filters below into them
-- and evaluate each JSON function once per condition that uses its result.
CREATE TABLE candidate_events AS
WITH lines AS (
  -- One VARCHAR per line: no delimiter, quote or escape (0x01 as the delimiter: JSON text cannot hold it
  -- raw, so a line with one is malformed anyway, and DuckDB drops it with the lines it cannot read).
  -- INVALID_ENCODING: DuckDB drops a line that is not UTF-8 (ignore_errors). A UTF-8 byte-order mark at
  -- the start of a file is skipped by DuckDB; anywhere else it stays, and fails json_valid.
  -- Outside strict mode a \r ends a line too, so a \r\n line end leaves an empty line: skipped, as the
  -- contract skips empty lines.
  -- position: the line's place in the read, which follows the files in order and each file in byte order.
  SELECT s.partition_date AS arrival_date, s.source_path, l.ordinality AS position, l.line
  FROM read_csv(getvariable('event_files'), columns = {'line': 'VARCHAR'}, header = false, auto_detect = false,
                delim = E'\x01', quote = '', escape = '', new_line = '\n', strict_mode = false,
                max_line_size = 8388608, ignore_errors = true, filename = true,
                hive_partitioning = false) WITH ORDINALITY AS l
  JOIN source_files s ON s.dataset = 'events' AND s.read_path = l.filename
  WHERE l.line <> ''
), parsed AS MATERIALIZED (
  -- RECORD_TOO_LARGE: over the default limit of 1 MiB, counted in bytes without the line terminator (the
  -- reader's own limit, 8 MiB, is above it so that this rule decides).
  -- MALFORMED_JSON: one JSON object (more below, in strict_json). from_json runs on valid JSON only.
  SELECT arrival_date, source_path, position, line,
         from_json(line, '{"event_id": "JSON", "event_type": "JSON", "event_time": "JSON", "anonymous_id": "JSON",
                           "user_id": "JSON", "product_id": "JSON", "quantity": "JSON", "price": "JSON",
                           "currency": "JSON", "order_id": "JSON", "country": "JSON", "page_url": "JSON",
                           "referrer": "JSON", "user_agent": "JSON", "ip": "JSON", "search_query": "JSON"}') AS f
  FROM lines
  WHERE strlen(line) <= 1048576 AND json_valid(line) AND regexp_matches(line, '^[ \t]*\{')
), typed AS (
  -- Each field's JSON type (NULL when absent or null: the contract treats both alike) and its text.
  SELECT arrival_date, source_path, position, line,
         json_type(f.event_id) AS event_id_type, f.event_id ->> '$' AS event_id,
         json_type(f.event_type) AS event_type_type, f.event_type ->> '$' AS event_type,
         json_type(f.event_time) AS event_time_type, f.event_time ->> '$' AS event_time_text,
         json_type(f.anonymous_id) AS anonymous_id_type, f.anonymous_id ->> '$' AS anonymous_id,
         -- Optional ids: "" is stored as null (docs/data-contract-notes.md).
         json_type(f.user_id) AS user_id_type, nullif(f.user_id ->> '$', '') AS user_id,
         json_type(f.product_id) AS product_id_type, nullif(f.product_id ->> '$', '') AS product_id,
         json_type(f.order_id) AS order_id_type, nullif(f.order_id ->> '$', '') AS order_id,
         json_type(f.quantity) AS quantity_type, f.quantity ->> '$' AS quantity_text,
         json_type(f.price) AS price_type, f.price ->> '$' AS price_text,
         json_type(f.currency) AS currency_type, f.currency ->> '$' AS currency,
         json_type(f.country) AS country_type, f.country ->> '$' AS country,
         [json_type(f.page_url), json_type(f.referrer), json_type(f.user_agent), json_type(f.ip),
          json_type(f.search_query)] AS free_text_types
  FROM parsed
), split AS (
  -- The texts of event_time and price in parts, each split once (the macros refer to their parts often).
  SELECT *,
         CASE WHEN event_time_type = 'VARCHAR' THEN iso_parts(event_time_text) END AS event_time_parts,
         -- price: a JSON number, whose fraction digits count as written; the JSON functions normalise numbers
         -- (12.500 becomes 12.5), so its text is taken from the line: the first "price" key, which is the
         -- top-level one unless an object nested before it has a "price" too. Or a string like 12, 12.5, 12.50.
         CASE WHEN price_type IN ('BIGINT', 'UBIGINT', 'DOUBLE')
                THEN amount_parts(regexp_extract(line, '"price"[ \t\r\n]*:[ \t\r\n]*(-?[0-9][0-9.eE+-]*)', 1))
              WHEN price_type = 'VARCHAR' AND plain_decimal(price_text, 2) THEN amount_parts(price_text)
         END AS price_parts
  FROM typed
), valued AS MATERIALIZED (
  SELECT *,
         -- event_time: ISO-8601 text, or a JSON integer of epoch milliseconds (a float or a digit string is
         -- INVALID_VALUE).
         CASE WHEN event_time_type = 'VARCHAR' THEN iso_instant_of(event_time_parts)
              WHEN event_time_type IN ('BIGINT', 'UBIGINT') THEN try(epoch_ms(try_cast(event_time_text AS BIGINT)))
         END AS event_time,
         -- quantity: a JSON integer 1..10000; absent or null means 1.
         CASE WHEN quantity_type IS NULL THEN 1
              WHEN quantity_type IN ('BIGINT', 'UBIGINT') AND try_cast(quantity_text AS BIGINT) BETWEEN 1 AND 10000
                THEN try_cast(quantity_text AS INTEGER)
         END AS quantity,
         amount_cents_of(price_parts) AS price_cents
  FROM split
  -- MISSING_FIELD (absent, null or "") and INVALID_VALUE (wrong JSON type) of the fields every event has.
  WHERE event_id_type = 'VARCHAR' AND event_id <> ''
    AND event_type_type = 'VARCHAR'
    AND event_time_type IS NOT NULL
    AND anonymous_id_type = 'VARCHAR' AND anonymous_id <> ''
), valid AS (
  SELECT arrival_date, source_path, position, line, event_id, event_type, event_time, anonymous_id, user_id,
         product_id, quantity, money(price_cents) AS price, currency, order_id, country
  FROM valued
  WHERE
    -- INVALID_VALUE: event_type one of the seven, event_time in its form.
    event_type IN ('page_view', 'product_view', 'search', 'add_to_cart', 'remove_from_cart', 'checkout',
                   'purchase')
    AND event_time IS NOT NULL
    -- The candidates: event date X.
    AND CAST(event_time AS DATE) = getvariable('event_date')
    -- MISSING_FIELD: what some types need: product_id, price (and with a price, a currency), order_id.
    AND (product_id IS NOT NULL
         OR event_type NOT IN ('product_view', 'add_to_cart', 'remove_from_cart', 'purchase'))
    AND (price_type IS NOT NULL OR event_type NOT IN ('add_to_cart', 'purchase'))
    AND (order_id IS NOT NULL OR event_type <> 'purchase')
    -- INVALID_VALUE: the optional fields, each of its JSON type and rule when present.
    AND coalesce(user_id_type, 'VARCHAR') = 'VARCHAR'
    AND coalesce(product_id_type, 'VARCHAR') = 'VARCHAR'
    AND coalesce(order_id_type, 'VARCHAR') = 'VARCHAR'
    AND quantity IS NOT NULL
    AND (price_type IS NULL OR price_cents IS NOT NULL)
    AND (price_type IS NULL AND currency_type IS NULL
         OR currency_type = 'VARCHAR' AND regexp_full_match(currency, '[A-Z]{3}'))
    AND (country_type IS NULL OR country_type = 'VARCHAR' AND regexp_full_match(country, '[A-Z]{2}'))
    AND list_bool_and([coalesce(t, 'VARCHAR') = 'VARCHAR' FOR t IN free_text_types])
), strict_json AS MATERIALIZED (
  -- MALFORMED_JSON where DuckDB's JSON reader is more lenient than RFC 8259 (as Jackson reads it): it takes
  -- trailing commas, NaN and Infinity, duplicate keys, and any depth of nesting. Checked last, on the lines
  -- left; the costly checks only on lines a cheap one picks out (CASE, so that they run on those only).
  SELECT *, list_sort(json_keys(line)) AS sorted_keys
  FROM valid
  WHERE CASE WHEN regexp_matches(line, ',[ \t\r\n]*[\]}]|[:,\[][ \t\r\n]*-?([Nn][Aa][Nn]|[Ii][Nn][Ff])')
             -- Outside strings, with true, false and null taken out: no trailing comma, no letter but a
             -- number's exponent.
             THEN NOT regexp_matches(regexp_replace(regexp_replace(line, '"(?:[^"\\]|\\.)*"', '""', 'g'),
                                                    'true|false|null', '', 'g'),
                                     ',[ \t\r\n]*[\]}]|[A-DF-Za-df-z]')
             ELSE true END
    -- Nesting deeper than 1,000 levels: only a line with that many brackets can.
    AND CASE WHEN strlen(line) - strlen(replace(replace(line, '{', ''), '[', '')) > 1000
             THEN json_depth(line) <= 1000 ELSE true END
), nested_objects AS MATERIALIZED (
  -- The objects nested in a line (one with more than one brace): the keys of each.
  SELECT position, list_sort(json_keys(value)) AS sorted_keys
  FROM (SELECT position, unnest(json_extract(line, '$..*'))::VARCHAR AS value
        FROM strict_json
        WHERE strlen(line) - strlen(replace(line, '{', '')) > 1)
  WHERE starts_with(value, '{')
), duplicate_keys AS (
  -- Duplicate keys, after unescaping, in the line's object or in one nested in it.
  SELECT position FROM strict_json WHERE has_neighbours_equal(sorted_keys)
  UNION
  SELECT position FROM nested_objects WHERE has_neighbours_equal(sorted_keys)
)
-- Step 2: of the copies of an event_id, the first by (arrival date, source file path, byte offset).
SELECT event_id, event_type, event_time, coalesce(user_id, anonymous_id) AS visitor, product_id, quantity,
       price, currency, order_id, country
FROM strict_json
WHERE position NOT IN (SELECT position FROM duplicate_keys)
QUALIFY row_number() OVER (PARTITION BY event_id ORDER BY arrival_date, source_path, position) = 1;
