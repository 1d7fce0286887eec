package io.mrsuite.formats.text;

import java.io.IOException;

/** Decides whether a read error means the file's data ends here (quarantine the rest) or is an I/O failure (fail the task). */
@FunctionalInterface
public interface StreamBreaks {

  /** Plain files have no structure that can break: every error is an I/O failure. */
  StreamBreaks NONE = e -> false;

  boolean isBreak(IOException e);
}
