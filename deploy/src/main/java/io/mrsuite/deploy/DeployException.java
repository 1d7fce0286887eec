package io.mrsuite.deploy;

import java.io.IOException;

/** The deploy cannot go on for a reason the user can act on; the tool prints it as one line and exits 1. */
final class DeployException extends IOException {
  private static final long serialVersionUID = 1L;

  DeployException(String message) {
    super(message);
  }

  DeployException(String message, Throwable cause) {
    super(message, cause);
  }
}
