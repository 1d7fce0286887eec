package io.mrsuite.formats.partition;

import java.util.Objects;
import org.apache.hadoop.fs.Path;

/**
 * A file or directory met while selecting partitions that was not selected, and why.
 *
 * @param path the entry, as the FileSystem lists it
 * @param reason why it was skipped; {@link Reason#warning()} says whether it deserves a warning
 */
public record IgnoredEntry(Path path, Reason reason) {

  /** Why an entry was skipped. */
  public enum Reason {
    /**
     * A hidden name ({@code _} or {@code .} first): {@code _temporary}, {@code _staging.dt=...},
     * {@code _manifest.json}, {@code .crc} files. Expected machinery, not a warning.
     */
    HIDDEN(false, "hidden"),
    /** A {@code dt=} name that is not a valid {@code dt=YYYY-MM-DD} date. */
    INVALID_DATE(true, "dt= name is not a valid date YYYY-MM-DD"),
    /** An {@code hr=} name that is not {@code hr=00}..{@code hr=23}. */
    INVALID_HOUR(true, "hr= name is not an hour 00..23"),
    /** A valid {@code dt=} or {@code hr=} name that is a file, not a directory. */
    NOT_A_DIRECTORY(true, "partition name on a file, not a directory"),
    /**
     * A visible name that is no partition of the expected kind: anything but {@code dt=} in a dataset
     * directory, anything but {@code hr=} in a date partition whose hours are selected.
     */
    UNEXPECTED(true, "not a partition");

    private final boolean warning;
    private final String description;

    Reason(boolean warning, String description) {
      this.warning = warning;
      this.description = description;
    }

    /** Whether the entry points at a mistake in the warehouse (worth a warning), not at expected machinery. */
    public boolean warning() {
      return warning;
    }

    public String description() {
      return description;
    }
  }

  public IgnoredEntry {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(reason, "reason");
  }

  @Override
  public String toString() {
    return path + " (" + reason.description() + ")";
  }
}
