package io.mrsuite.jobs.gendata;

/**
 * The raw datasets gen-data writes (contract section 1), in the order their partitions are published:
 * reference data first, events last, so that when a day's events appear the orders and prices they refer to
 * are already there.
 */
enum RawDataset {
  PRODUCTS("products"),
  FX_RATES("fx_rates"),
  ORDER_LINES("order_lines"),
  ORDERS("orders"),
  EVENTS("events");

  private final String dirName;

  RawDataset(String dirName) {
    this.dirName = dirName;
  }

  String dirName() {
    return dirName;
  }
}
