package io.mrsuite.jobs.gendata;

/**
 * One catalog entry.
 *
 * @param category null for the few uncategorised products (a group of its own in the marts)
 * @param brand null when the catalog has none
 * @param basePriceCents list price in USD cents before the day's changes
 */
record Product(String id, String title, String category, String brand, long basePriceCents, boolean active,
    String pageUrl) {
}
