package io.mrsuite.jobs.run;

import java.io.IOException;

/** The job could not do its work for a reason the user can act on (missing input, books that do not balance). */
public final class JobFailedException extends IOException {
  private static final long serialVersionUID = 1L;

  public JobFailedException(String message) {
    super(message);
  }
}
