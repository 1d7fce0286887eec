package io.mrsuite.jobs.dq;

/** Merging a key's values, which Hadoop hands over in one reused object: merge copies what it keeps. */
final class ColumnStatsMerge {
  private ColumnStatsMerge() {
  }

  static ColumnStats of(Iterable<ColumnStats> values) {
    ColumnStats merged = new ColumnStats();
    for (ColumnStats value : values) {
      merged.merge(value);
    }
    return merged;
  }
}
