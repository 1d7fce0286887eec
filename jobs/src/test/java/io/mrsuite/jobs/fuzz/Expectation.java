package io.mrsuite.jobs.fuzz;

import io.mrsuite.formats.quarantine.QuarantineReason;
import java.util.Set;

/** What must become of one record the generator wrote. */
sealed interface Expectation {

  /** Curated exactly once, equal to {@code record} once its source position is filled in. */
  record Written(Object record) implements Expectation {
  }

  /** Quarantined exactly once, with one of {@code reasons}. */
  record Quarantined(Set<QuarantineReason> reasons) implements Expectation {
    Quarantined(QuarantineReason reason) {
      this(Set.of(reason));
    }
  }

  /** An empty line: read and counted as skipped, in no output. */
  record Skipped() implements Expectation {
  }

  /**
   * A corruption reached the record and what it became is not predicted: anything an ingest job may do to
   * a bad record is allowed in its bytes, and nothing elsewhere.
   */
  record Unknown() implements Expectation {
  }

  Expectation SKIPPED = new Skipped();
  Expectation UNKNOWN = new Unknown();

  static Quarantined quarantined(QuarantineReason reason) {
    return new Quarantined(reason);
  }
}
