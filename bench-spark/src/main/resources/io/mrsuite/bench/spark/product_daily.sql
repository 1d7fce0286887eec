-- Section 4, step 4: marts/product_daily/dt=X, one row per product_id named by a candidate event of any type.
CACHE TABLE product_daily AS
SELECT e.product_id,
       -- From the products snapshot of X; null when unknown.
       p.category, p.brand,
       count(*) FILTER (WHERE e.event_type = 'product_view') AS views,
       count(*) FILTER (WHERE e.event_type = 'add_to_cart') AS add_to_carts,
       count(*) FILTER (WHERE e.event_type = 'purchase') AS purchases,
       CAST(coalesce(sum(e.quantity) FILTER (WHERE e.event_type = 'purchase'), 0) AS BIGINT) AS units_sold,
       -- price x quantity x usd_per_unit of X over the purchases with a rate, exact (decimal(38,10): Spark keeps
       -- the scale, spark.sql.decimalOperations.allowPrecisionLoss being off), rounded half-even once, 0.00 when
       -- nothing converts.
       round_half_even_cents(coalesce(sum(e.price * e.quantity * r.usd_per_unit)
                                      FILTER (WHERE e.event_type = 'purchase'), 0)) AS revenue_usd,
       count(*) FILTER (WHERE e.event_type = 'purchase' AND r.usd_per_unit IS NULL) AS unconverted_purchases,
       count(DISTINCT e.visitor) FILTER (WHERE e.event_type = 'product_view') AS unique_viewers,
       ${event_date} AS event_date
FROM candidate_events e
LEFT JOIN products_of_day p ON p.product_id = e.product_id
LEFT JOIN fx_rates_of_day r ON r.currency = e.currency
WHERE e.product_id IS NOT NULL
GROUP BY e.product_id, p.category, p.brand;
