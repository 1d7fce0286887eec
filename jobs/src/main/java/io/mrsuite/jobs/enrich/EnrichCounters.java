package io.mrsuite.jobs.enrich;

/** What the reference data said about the events (each event is counted once per group). */
public enum EnrichCounters {
  /** Products of the catalog snapshot loaded (map-side) or joined (reduce-side, counted per reducer group). */
  CATALOG_PRODUCTS,
  IN_CATALOG,
  NOT_IN_CATALOG,
  NO_PRODUCT,
  RATE_FOUND,
  NO_RATE,
  NO_CURRENCY
}
