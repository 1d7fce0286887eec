package io.mrsuite.jobs.gendata;

import io.mrsuite.formats.quarantine.QuarantineReason;
import java.util.List;

/**
 * The kinds of bad event line gen-data plants, each named after the reason ingest-events must quarantine it
 * with. Also the counter group that reports how many of each were written.
 */
public enum BadEvent {
  /** Bytes that are not UTF-8 inside an otherwise valid line. */
  INVALID_ENCODING(QuarantineReason.INVALID_ENCODING),
  /** A line over the default 1 MiB limit; only when asked for, since each one is a megabyte. */
  RECORD_TOO_LARGE(QuarantineReason.RECORD_TOO_LARGE),
  /** Cut off, two objects glued together, a duplicate key, whitespace only, and the like. */
  MALFORMED_JSON(QuarantineReason.MALFORMED_JSON),
  /** A required field absent, null or empty. */
  MISSING_FIELD(QuarantineReason.MISSING_FIELD),
  /** A field of the wrong type or outside its rule. */
  INVALID_VALUE(QuarantineReason.INVALID_VALUE),
  /** A valid event dated three or more days before the arrival date. */
  LATE(QuarantineReason.LATE),
  /** A valid event dated after the arrival date. */
  FUTURE(QuarantineReason.FUTURE);

  /** The kinds planted in turn; RECORD_TOO_LARGE is planted once per shard on request instead. */
  static final List<BadEvent> ROTATION = List.of(INVALID_ENCODING, MALFORMED_JSON, MISSING_FIELD, INVALID_VALUE,
      LATE, FUTURE);

  private final QuarantineReason reason;

  BadEvent(QuarantineReason reason) {
    this.reason = reason;
  }

  public QuarantineReason reason() {
    return reason;
  }
}
