package io.mrsuite.jobs.dq;

/**
 * The shuffle key of the column profile, {@code dataset TAB column}.
 *
 * <p>A dataset label ({@code curated/events}) and a column name hold no tab, so the key splits back
 * unambiguously, and the profile's text output is one line {@code dataset TAB column TAB json} per column.
 */
final class ColumnKey {
  static final char SEPARATOR = '\t';

  private ColumnKey() {
  }

  static String of(String dataset, String column) {
    return dataset + SEPARATOR + column;
  }
}
