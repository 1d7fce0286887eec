package io.mrsuite.jobs.run;

/**
 * The record counts every job reports, whose books must balance.
 *
 * <p>The books are read = written + quarantined + skipped + duplicates removed (DATA-CONTRACT.md section 5).
 * Reasons are counted per reason in the {@link io.mrsuite.formats.quarantine.QuarantineReason} group.
 */
public enum RecordCounters {
  /** Records read from the input, empty lines and broken tails included. */
  READ,
  /** Records written to the main output. */
  WRITTEN,
  /** Records written to quarantine, with a reason. */
  QUARANTINED,
  /** Empty lines: not records, counted so nothing goes missing. */
  SKIPPED,
  /** Records dropped as duplicates of a kept record. */
  DUPLICATES_REMOVED
}
