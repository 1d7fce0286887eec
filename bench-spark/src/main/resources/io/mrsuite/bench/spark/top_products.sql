-- Section 4, step 6: marts/top_products/dt=X, the 10 products of product_daily with the highest (rounded)
-- revenue_usd in each category, ties broken by product_id ascending; zero-revenue products included; a null
-- category is a group of its own.
CACHE TABLE top_products AS
SELECT category,
       CAST(row_number() OVER (PARTITION BY category ORDER BY revenue_usd DESC, product_id) AS INT) AS `rank`,
       product_id, revenue_usd, event_date
FROM product_daily
QUALIFY `rank` <= 10;
