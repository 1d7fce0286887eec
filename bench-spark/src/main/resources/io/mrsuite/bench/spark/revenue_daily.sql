-- Section 4, step 7: marts/revenue_daily/dt=X, one row per country with a counted order or an orphan purchase
-- (null is its own row).
CACHE TABLE revenue_daily AS
WITH counted_orders AS (
  -- Orders (first copies) of order date X, the UTC date of order_time, with status paid, shipped or delivered,
  -- by shipping_country. total x usd_per_unit of X, exact; no rate: in unconverted_orders.
  SELECT o.shipping_country AS country, o.total * r.usd_per_unit AS revenue
  FROM orders_of_window o
  LEFT JOIN fx_rates_of_day r ON r.currency = o.currency
  WHERE to_date(o.order_time) = ${event_date} AND o.status IN ('paid', 'shipped', 'delivered')
), orphan_purchases AS (
  -- Candidate purchase events whose order_id is no valid order of the exports X .. X+late_days (whatever that
  -- order's status or date), by the event's own country. order_id is never null on either side, so an anti join
  -- is DuckDB's NOT IN.
  SELECT e.country
  FROM candidate_events e
  LEFT ANTI JOIN orders_of_window o ON o.order_id = e.order_id
  WHERE e.event_type = 'purchase'
), by_country AS (
  SELECT country, 1 AS orders, revenue, 0 AS orphan FROM counted_orders
  UNION ALL
  SELECT country, 0, CAST(NULL AS DECIMAL(38, 10)), 1 FROM orphan_purchases
)
SELECT country,
       CAST(sum(orders) AS BIGINT) AS orders,
       -- Rounded half-even once per country; 0.00 when nothing converts.
       round_half_even_cents(coalesce(sum(revenue), 0)) AS revenue_usd,
       count(*) FILTER (WHERE orders = 1 AND revenue IS NULL) AS unconverted_orders,
       CAST(sum(orphan) AS BIGINT) AS orphan_purchases,
       ${event_date} AS event_date
FROM by_country
GROUP BY country;
