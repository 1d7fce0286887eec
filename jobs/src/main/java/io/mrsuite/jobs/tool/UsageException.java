package io.mrsuite.jobs.tool;

/** The command line is wrong: the job prints the message and its usage, and exits 2. */
public final class UsageException extends Exception {
  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message);
  }
}
