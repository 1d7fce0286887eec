package io.mrsuite.formats.partition;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

/**
 * Partitions a job needs are missing or incomplete and the caller did not allow that. The message names the
 * dataset and every unavailable date; {@link #selection()} holds the whole answer.
 */
public class MissingPartitionsException extends IOException {
  private static final long serialVersionUID = 1L;

  private final transient PartitionSelection selection;

  public MissingPartitionsException(PartitionSelection selection) {
    super(selection.describeUnavailable()
        + ". Wait until they are written and complete, or allow missing partitions to run without them.");
    this.selection = selection;
  }

  /** What was selected and what was not. */
  public PartitionSelection selection() {
    return selection;
  }

  /** Every date not selected (missing or incomplete), in order. */
  public List<LocalDate> unavailable() {
    return selection.unavailable();
  }
}
