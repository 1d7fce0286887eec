-- The valid orders of the exports X .. X+late_days (section 3; section 4, step 7), each order_id once: the first
-- copy by (export date, file path, byte offset). Within one export that is DUPLICATE_KEY's first valid record;
-- across exports "first export wins". An order quarantined in X and valid in X+1 is the X+1 copy.
CACHE TABLE orders_of_window AS
WITH typed AS (
  SELECT partition_date AS export_date, source_path, position,
         fields[0] AS order_id, fields[1] AS user_id, instant_of(iso_millis(fields[2])) AS order_time,
         fields[3] AS status, fields[4] AS currency, fields[5] AS subtotal, fields[6] AS shipping, fields[7] AS tax,
         fields[8] AS total, fields[9] AS shipping_country, fields[2] AS order_time_text
  FROM csv_records
  WHERE dataset = 'orders'
)
SELECT order_id, order_time, status, currency, CAST(total AS DECIMAL(18, 2)) AS total,
       nullif(shipping_country, '') AS shipping_country
FROM typed
WHERE
  -- MISSING_FIELD: every field but shipping_country and notes.
  order_id <> '' AND user_id <> '' AND order_time_text <> '' AND status <> '' AND currency <> ''
  AND subtotal <> '' AND shipping <> '' AND tax <> '' AND total <> ''
  -- INVALID_VALUE: order_time as event_time's text (no epoch milliseconds), status one of six, currency 3
  -- upper-case letters, amounts with at most 2 fraction digits, shipping_country 2 upper-case letters or empty.
  AND order_time IS NOT NULL
  AND status IN ('placed', 'paid', 'shipped', 'delivered', 'cancelled', 'refunded')
  AND currency RLIKE r'^[A-Z]{3}\z'
  AND plain_money(subtotal) AND plain_money(shipping) AND plain_money(tax) AND plain_money(total)
  AND (shipping_country = '' OR shipping_country RLIKE r'^[A-Z]{2}\z')
  -- INCONSISTENT_TOTAL: total = subtotal + shipping + tax, as exact decimals.
  AND CAST(total AS DECIMAL(18, 2))
      = CAST(subtotal AS DECIMAL(18, 2)) + CAST(shipping AS DECIMAL(18, 2)) + CAST(tax AS DECIMAL(18, 2))
QUALIFY row_number() OVER (PARTITION BY order_id ORDER BY export_date, source_path, position) = 1;
