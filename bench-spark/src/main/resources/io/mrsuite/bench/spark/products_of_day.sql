-- The products snapshot of X (section 3), for product_daily's category and brand (section 4, step 4): of the
-- valid records of raw/products/dt=X, the first of each product_id by (file path, byte offset), as DUPLICATE_KEY
-- keeps it. An invalid record never counts, so a later valid one is kept. fields is 0-based.
CACHE TABLE products_of_day AS
SELECT fields[0] AS product_id, nullif(fields[2], '') AS category, nullif(fields[3], '') AS brand
FROM csv_records
WHERE dataset = 'products'
  -- MISSING_FIELD: every field but title, category and brand. INVALID_VALUE: list_price an amount, currency 3
  -- upper-case letters, active true or false.
  AND fields[0] <> '' AND fields[4] <> '' AND fields[5] <> '' AND fields[6] <> ''
  AND plain_money(fields[4])
  AND fields[5] RLIKE r'^[A-Z]{3}\z'
  AND fields[6] IN ('true', 'false')
QUALIFY row_number() OVER (PARTITION BY fields[0] ORDER BY source_path, position) = 1;
