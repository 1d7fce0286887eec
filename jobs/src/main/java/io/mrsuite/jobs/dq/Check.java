package io.mrsuite.jobs.dq;

import java.math.BigDecimal;

/**
 * One threshold check of the day.
 *
 * @param name what failed, in the verdict's list: {@code quarantine_rate:curated/events}
 * @param measured the day's value (a rate as a fraction, or a count)
 * @param limit the threshold; the check fails when measured is above it
 * @param rate whether measured and limit are fractions (shown as percentages) rather than counts
 * @param detail how measured was obtained, e.g. {@code 38 of 277 read}
 */
record Check(String name, BigDecimal measured, BigDecimal limit, boolean rate, String detail) {
  boolean passed() {
    return measured.compareTo(limit) <= 0;
  }
}
