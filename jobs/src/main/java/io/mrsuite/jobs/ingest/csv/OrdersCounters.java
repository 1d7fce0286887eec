package io.mrsuite.jobs.ingest.csv;

/** ingest-orders' own counts: a written order holds its lines, so WRITTEN = orders + lines written. */
public enum OrdersCounters {
  /** Orders written to curated/orders: one output record each. */
  ORDERS_WRITTEN,
  /** Lines written nested in their orders. */
  LINES_WRITTEN
}
