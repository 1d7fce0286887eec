package io.mrsuite.jobs.gendata;

import io.mrsuite.formats.quarantine.QuarantineReason;
import java.util.List;

/** The kinds of bad order line gen-data plants, named after their quarantine reason; also their counter group. */
public enum BadOrderLine {
  /** Wrong field count, a quote inside an unquoted field, text after a closing quote. */
  MALFORMED_CSV(QuarantineReason.MALFORMED_CSV),
  /** A required field empty. */
  MISSING_FIELD(QuarantineReason.MISSING_FIELD),
  /** A bad line number, quantity or unit price. */
  INVALID_VALUE(QuarantineReason.INVALID_VALUE),
  /** An extra line for an order id that is in no order of the export. */
  ORPHAN_LINE(QuarantineReason.ORPHAN_LINE);

  static final List<BadOrderLine> ROTATION = List.of(values());

  private final QuarantineReason reason;

  BadOrderLine(QuarantineReason reason) {
    this.reason = reason;
  }

  public QuarantineReason reason() {
    return reason;
  }
}
