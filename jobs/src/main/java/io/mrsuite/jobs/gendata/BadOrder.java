package io.mrsuite.jobs.gendata;

import io.mrsuite.formats.quarantine.QuarantineReason;
import java.util.List;

/**
 * The kinds of bad order record gen-data plants, each named after the reason ingest must give it.
 *
 * <p>The enum is also their counter group. An order planted bad, other than a duplicate, leaves its lines
 * without a valid order: they are then ORPHAN_LINEs too, and its purchase events orphan purchases.
 */
public enum BadOrder {
  /** Wrong field count, a quote inside an unquoted field, text after a closing quote. */
  MALFORMED_CSV(QuarantineReason.MALFORMED_CSV),
  /** A required field empty. */
  MISSING_FIELD(QuarantineReason.MISSING_FIELD),
  /** A bad status, currency, time, amount or country. */
  INVALID_VALUE(QuarantineReason.INVALID_VALUE),
  /** total != subtotal + shipping + tax. */
  INCONSISTENT_TOTAL(QuarantineReason.INCONSISTENT_TOTAL),
  /** The order exported a second time, later in the same file, with an updated status. */
  DUPLICATE_KEY(QuarantineReason.DUPLICATE_KEY);

  static final List<BadOrder> ROTATION = List.of(values());

  private final QuarantineReason reason;

  BadOrder(QuarantineReason reason) {
    this.reason = reason;
  }

  public QuarantineReason reason() {
    return reason;
  }
}
