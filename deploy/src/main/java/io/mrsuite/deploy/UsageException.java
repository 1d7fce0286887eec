package io.mrsuite.deploy;

/** The command line is wrong: the tool prints the message and its usage, and exits 2. */
final class UsageException extends Exception {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
