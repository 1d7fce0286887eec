package io.mrsuite.jobs.revenue;

/**
 * What revenue-daily did with each input record, one counter per path through the job.
 *
 * <p>They explain the books of {@link io.mrsuite.jobs.run.RecordCounters}, and {@link RevenueBooks} checks
 * them:
 *
 * <ul>
 *   <li>READ = ORDERS_READ + EVENTS_READ;</li>
 *   <li>WRITTEN = COUNTED_ORDERS + ORPHAN_PURCHASES;</li>
 *   <li>SKIPPED = OTHER_DATE_ORDERS + UNCOUNTED_STATUS_ORDERS + NOT_PURCHASES + MATCHED_PURCHASES;</li>
 *   <li>DUPLICATES_REMOVED = later exports of an order.</li>
 * </ul>
 *
 * <p>The ROW_ counters are what the second stage's rows add up to. They must equal the first stage's counts.
 */
public enum RevenueCounters {
  /** Order records read from the exports X .. X+late_days (every copy). */
  ORDERS_READ,
  /** Enriched events read (the candidate events of X, every type). */
  EVENTS_READ,
  /** First copies of an order with order date X and status paid, shipped or delivered. */
  COUNTED_ORDERS,
  /** Counted orders whose currency has no rate on X: in orders, not in revenue_usd. */
  UNCONVERTED_ORDERS,
  /** Purchase events whose order_id matches no order of the exports read. */
  ORPHAN_PURCHASES,
  /** First copies of an order whose order date is not X. */
  OTHER_DATE_ORDERS,
  /** First copies of an order of X whose status is placed, cancelled or refunded. */
  UNCOUNTED_STATUS_ORDERS,
  /** Events of other types than purchase: not this mart's. */
  NOT_PURCHASES,
  /** Purchase events whose order was exported (counted or not): they are in the order's numbers, if anywhere. */
  MATCHED_PURCHASES,
  /** Sum of orders over the rows written. */
  ROW_ORDERS,
  /** Sum of unconverted_orders over the rows written. */
  ROW_UNCONVERTED_ORDERS,
  /** Sum of orphan_purchases over the rows written. */
  ROW_ORPHAN_PURCHASES
}
