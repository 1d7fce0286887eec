-- Section 4, step 3: the sessions of the candidate events, as much of them as funnel_daily needs. Per visitor
-- (user_id if present, else anonymous_id), events ordered by event_time then event_id; a new session when more
-- than 30 minutes pass between two events (exactly 30:00.000 does not split). The midnight rule never splits
-- here: every candidate event is dated X.
CREATE OR REPLACE TEMPORARY VIEW sessions AS
WITH gaps AS (
  SELECT *,
         coalesce(unix_millis(event_time) - lag(unix_millis(event_time)) OVER visit > 1800000, false)
           AS starts_session
  FROM candidate_events
  WINDOW visit AS (PARTITION BY visitor ORDER BY event_time, event_id)
), numbered AS (
  SELECT *,
         sum(CAST(starts_session AS INT)) OVER (PARTITION BY visitor ORDER BY event_time, event_id
                                                ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS session_number
  FROM gaps
)
-- A session's country is that of its first event with a country, null when none has one; it converts when it
-- holds a purchase. Strings compare as bytes, unsigned, as in DuckDB.
SELECT visitor, session_number,
       min_by(country, named_struct('t', event_time, 'id', event_id)) FILTER (WHERE country IS NOT NULL) AS country,
       bool_or(event_type = 'product_view') AS has_product_view,
       bool_or(event_type = 'add_to_cart') AS has_add_to_cart,
       bool_or(event_type = 'checkout') AS has_checkout,
       bool_or(event_type = 'purchase') AS has_purchase
FROM numbered
GROUP BY visitor, session_number;
