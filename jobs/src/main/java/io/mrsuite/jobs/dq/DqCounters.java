package io.mrsuite.jobs.dq;

/** Counters of the column-profile job dq-report runs. */
public enum DqCounters {
  /** Records profiled, over every dataset of the day. */
  RECORDS,
  /** (dataset, column) profiles written. */
  COLUMNS
}
