package io.mrsuite.formats.quarantine;

/**
 * Why an input record was quarantined (DATA-CONTRACT.md sections 2 and 3). Also the counter group every
 * ingest job reports, one counter per reason, so the books (read = written + quarantined + skipped)
 * can be checked reason by reason.
 */
public enum QuarantineReason {
  /** The line is not valid UTF-8. */
  INVALID_ENCODING,
  /** The record is longer than the configured limit (default 1 MiB, terminator excluded). */
  RECORD_TOO_LARGE,
  /** Not exactly one JSON object: syntax error, duplicate key, nesting too deep, trailing text. */
  MALFORMED_JSON,
  /** Unbalanced quotes, text after a closing quote, a quote in an unquoted field, wrong field count. */
  MALFORMED_CSV,
  /** A required field is absent, null or empty. */
  MISSING_FIELD,
  /** A field has the wrong type or breaks its rule. */
  INVALID_VALUE,
  /** An event older than the arrival date minus the late window. */
  LATE,
  /** An event dated after its arrival date. */
  FUTURE,
  /** An order whose total is not subtotal + shipping + tax. */
  INCONSISTENT_TOTAL,
  /** A key seen before in the same export; the first one is kept. */
  DUPLICATE_KEY,
  /** An order line whose order is not a valid order of the same export. */
  ORPHAN_LINE,
  /** The rest of a compressed file that ends early or is corrupt. */
  TRUNCATED_INPUT
}
