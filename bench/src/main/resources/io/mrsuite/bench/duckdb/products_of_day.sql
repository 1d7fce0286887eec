-- The products snapshot of X (section 3), for product_daily's category and brand (section 4, step 4): of the
-- valid records of raw/products/dt=X, the first of each product_id by (file path, byte offset), as
-- DUPLICATE_KEY keeps it. An invalid record never counts, so a later valid one is kept.
CREATE TABLE products_of_day AS
SELECT fields[1] AS product_id, nullif(fields[3], '') AS category, nullif(fields[4], '') AS brand
FROM csv_records
WHERE dataset = 'products'
  -- MISSING_FIELD: every field but title, category and brand. INVALID_VALUE: list_price an amount,
  -- currency 3 upper-case letters, active true or false.
  AND fields[1] <> '' AND fields[5] <> '' AND fields[6] <> '' AND fields[7] <> ''
  AND plain_decimal(fields[5], 2)
  AND regexp_full_match(fields[6], '[A-Z]{3}')
  AND fields[7] IN ('true', 'false')
QUALIFY row_number() OVER (PARTITION BY fields[1] ORDER BY source_path, position) = 1;
