-- Section 4, steps 1 and 2: the candidate events of X. Every line of the arrival partitions X .. X+late_days
-- (the view event_text: value, source_path, position, arrival_date, one row per line as Spark's text source reads
-- it) that passes every rule of section 2 and is dated X, deduplicated by event_id. Which reason a dropped line
-- would be quarantined with does not change the marts, so the rules are checked together, cheap ones first, not
-- in the contract's order. LATE and FUTURE need no check of their own: no event dated X is either in an arrival
-- partition X .. X+late_days. Ported from the DuckDB peer's candidate_events.sql.
CACHE TABLE candidate_events AS
WITH lines AS (
  -- Lines end at \n (the text source's lineSep); a \r right before it belongs to the terminator. The text source
  -- skips a UTF-8 byte-order mark at the very start of a file (Hadoop's line reader does); anywhere else it
  -- stays, and fails the JSON parse. INVALID_ENCODING: the source keeps a line's bytes as they are, so a line
  -- that is not UTF-8 is dropped here. An empty line is skipped.
  SELECT arrival_date, source_path, position,
         CASE WHEN endswith(value, '\r') THEN left(value, length(value) - 1) ELSE value END AS line
  FROM event_text
  WHERE is_valid_utf8(value)
), parsed AS (
  -- RECORD_TOO_LARGE: over the default limit of 1 MiB, counted in bytes without the line terminator.
  -- MALFORMED_JSON: one JSON object. Spark's JSON parse (to a VARIANT) refuses trailing commas, NaN and Infinity,
  -- single quotes, raw control characters in strings, duplicate keys at any depth (after unescaping) and, through
  -- Jackson's default limit, nesting deeper than 1,000 levels; but it stops after the first value and ignores
  -- what follows it. So the line is parsed inside [ ], and must make an array of one element.
  SELECT arrival_date, source_path, position, line, try_parse_json(concat('[', line, ']')) AS w
  FROM lines
  WHERE line <> '' AND octet_length(line) <= 1048576 AND line RLIKE r'^[ \t]*\{'
), one_object AS (
  -- The object, o. A line whose object is followed by ] and more closes that array early: only a line with a }
  -- before a ] can, and those are parsed once more inside an object, which a ] after its value breaks. The [ ]
  -- add a level: a line that fails inside them but has 1,000 brackets is parsed alone, after its brackets
  -- outside strings are seen to close the top level once, at its end.
  SELECT arrival_date, source_path, position, line,
         CASE WHEN w IS NOT NULL
                THEN CASE WHEN variant_get(w, '$[1]', 'variant') IS NULL
                               AND (NOT line RLIKE r'\}[ \t\r\n]*\]'
                                    OR try_parse_json(concat('{"line":', line, '}')) IS NOT NULL)
                            THEN variant_get(w, '$[0]', 'variant') END
              WHEN octet_length(line) - octet_length(replace(replace(line, '{', ''), '[', '')) >= 1000
                   AND json_top_level_closes(line) = 1
                   AND regexp_replace(line, r'"(?:[^"\\]++|\\.)*+"', '') RLIKE r'\}[ \t]*\z'
                THEN try_parse_json(line)
         END AS o
  FROM parsed
), typed AS (
  -- Each field's JSON type (NULL when absent or null: the contract treats both alike) and its text.
  SELECT arrival_date, source_path, position, line,
         json_kind(variant_get(o, '$.event_id', 'variant')) AS event_id_type,
         variant_get(o, '$.event_id', 'string') AS event_id,
         json_kind(variant_get(o, '$.event_type', 'variant')) AS event_type_type,
         variant_get(o, '$.event_type', 'string') AS event_type,
         json_kind(variant_get(o, '$.event_time', 'variant')) AS event_time_type,
         variant_get(o, '$.event_time', 'string') AS event_time_text,
         json_kind(variant_get(o, '$.anonymous_id', 'variant')) AS anonymous_id_type,
         variant_get(o, '$.anonymous_id', 'string') AS anonymous_id,
         -- Optional ids: "" is stored as null (docs/data-contract-notes.md).
         json_kind(variant_get(o, '$.user_id', 'variant')) AS user_id_type,
         nullif(variant_get(o, '$.user_id', 'string'), '') AS user_id,
         json_kind(variant_get(o, '$.product_id', 'variant')) AS product_id_type,
         nullif(variant_get(o, '$.product_id', 'string'), '') AS product_id,
         json_kind(variant_get(o, '$.order_id', 'variant')) AS order_id_type,
         nullif(variant_get(o, '$.order_id', 'string'), '') AS order_id,
         json_kind(variant_get(o, '$.quantity', 'variant')) AS quantity_type,
         variant_get(o, '$.quantity', 'string') AS quantity_text,
         json_kind(variant_get(o, '$.price', 'variant')) AS price_type,
         variant_get(o, '$.price', 'string') AS price_text,
         json_kind(variant_get(o, '$.currency', 'variant')) AS currency_type,
         variant_get(o, '$.currency', 'string') AS currency,
         json_kind(variant_get(o, '$.country', 'variant')) AS country_type,
         variant_get(o, '$.country', 'string') AS country,
         array(json_kind(variant_get(o, '$.page_url', 'variant')),
               json_kind(variant_get(o, '$.referrer', 'variant')),
               json_kind(variant_get(o, '$.user_agent', 'variant')),
               json_kind(variant_get(o, '$.ip', 'variant')),
               json_kind(variant_get(o, '$.search_query', 'variant'))) AS free_text_types
  FROM one_object
  WHERE o IS NOT NULL
), valued AS (
  SELECT *,
         -- event_time: ISO-8601 text, or a JSON integer of epoch milliseconds (a float or a digit string is
         -- INVALID_VALUE).
         CASE WHEN event_time_type = 'STRING' THEN instant_of(iso_millis(event_time_text))
              WHEN event_time_type = 'INTEGER' THEN instant_of(try_cast(event_time_text AS BIGINT))
         END AS event_time,
         -- quantity: a JSON integer 1..10000; absent or null means 1.
         CASE WHEN quantity_type IS NULL THEN 1
              WHEN quantity_type = 'INTEGER' AND try_cast(quantity_text AS BIGINT) BETWEEN 1 AND 10000
                THEN try_cast(quantity_text AS INT)
         END AS quantity,
         -- price: a JSON number, whose fraction digits count as written; the parse normalises numbers (12.500
         -- becomes 12.5), so its text is taken from the line: the first "price" key, which is the top-level one
         -- unless an object nested before it has a "price" too. Or a string like 12, 12.5, 12.50.
         CASE WHEN price_type IN ('INTEGER', 'NUMBER')
                THEN amount_cents(regexp_extract(line, r'"price"[ \t\r\n]*:[ \t\r\n]*(-?[0-9][0-9.eE+-]*)', 1))
              WHEN price_type = 'STRING' AND plain_money(price_text) THEN amount_cents(price_text)
         END AS price_cents
  FROM typed
  -- MISSING_FIELD (absent, null or "") and INVALID_VALUE (wrong JSON type) of the fields every event has.
  WHERE event_id_type = 'STRING' AND event_id <> ''
    AND event_type_type = 'STRING'
    AND event_time_type IS NOT NULL
    AND anonymous_id_type = 'STRING' AND anonymous_id <> ''
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
    AND to_date(event_time) = ${event_date}
    -- MISSING_FIELD: what some types need: product_id, price (and with a price, a currency), order_id.
    AND (product_id IS NOT NULL
         OR event_type NOT IN ('product_view', 'add_to_cart', 'remove_from_cart', 'purchase'))
    AND (price_type IS NOT NULL OR event_type NOT IN ('add_to_cart', 'purchase'))
    AND (order_id IS NOT NULL OR event_type <> 'purchase')
    -- INVALID_VALUE: the optional fields, each of its JSON type and rule when present.
    AND coalesce(user_id_type, 'STRING') = 'STRING'
    AND coalesce(product_id_type, 'STRING') = 'STRING'
    AND coalesce(order_id_type, 'STRING') = 'STRING'
    AND quantity IS NOT NULL
    AND (price_type IS NULL OR price_cents IS NOT NULL)
    AND (price_type IS NULL AND currency_type IS NULL
         OR currency_type = 'STRING' AND currency RLIKE r'^[A-Z]{3}\z')
    AND (country_type IS NULL OR country_type = 'STRING' AND country RLIKE r'^[A-Z]{2}\z')
    AND forall(free_text_types, t -> coalesce(t, 'STRING') = 'STRING')
)
-- Step 2: of the copies of an event_id, the first by (arrival date, source file path, byte offset).
SELECT event_id, event_type, event_time, coalesce(user_id, anonymous_id) AS visitor, product_id, quantity,
       price, currency, order_id, country
FROM valid
QUALIFY row_number() OVER (PARTITION BY event_id ORDER BY arrival_date, source_path, position) = 1;
