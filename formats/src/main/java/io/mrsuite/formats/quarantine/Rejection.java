package io.mrsuite.formats.quarantine;

/**
 * A record failed a rule. Thrown by parsers and validators and caught once per record, so it carries no
 * stack trace: a rejection is an expected outcome, not a program error, and filling in a stack trace per
 * bad record would cost more than the validation itself.
 */
public final class Rejection extends Exception {
  private static final long serialVersionUID = 1L;

  private final QuarantineReason reason;

  public Rejection(QuarantineReason reason, String detail) {
    super(detail, null, false, false);
    this.reason = reason;
  }

  public QuarantineReason reason() {
    return reason;
  }

  public String detail() {
    return getMessage();
  }
}
