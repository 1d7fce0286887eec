-- The FX rates of X (section 3), the usd_per_unit of every conversion in the marts: of the valid records of
-- raw/fx_rates/dt=X, the first of each currency by (file path, byte offset), as DUPLICATE_KEY keeps it.
CACHE TABLE fx_rates_of_day AS
SELECT fields[0] AS currency, CAST(fields[1] AS DECIMAL(24, 8)) AS usd_per_unit
FROM csv_records
WHERE dataset = 'fx_rates'
  -- MISSING_FIELD, INVALID_VALUE: currency 3 upper-case letters, usd_per_unit a decimal with up to 8 fraction
  -- digits (decimal(24,8): at most 16 integer digits).
  AND fields[0] RLIKE r'^[A-Z]{3}\z'
  AND plain_rate(fields[1])
QUALIFY row_number() OVER (PARTITION BY fields[0] ORDER BY source_path, position) = 1;
