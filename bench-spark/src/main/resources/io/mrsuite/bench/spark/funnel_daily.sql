-- Section 4, step 5: marts/funnel_daily/dt=X, one row per session country (null is its own row).
CACHE TABLE funnel_daily AS
SELECT country,
       count(*) AS sessions,
       count(*) FILTER (WHERE has_product_view) AS sessions_with_product_view,
       count(*) FILTER (WHERE has_add_to_cart) AS sessions_with_add_to_cart,
       count(*) FILTER (WHERE has_checkout) AS sessions_with_checkout,
       count(*) FILTER (WHERE has_purchase) AS sessions_with_purchase,
       ${event_date} AS event_date
FROM sessions
GROUP BY country;
