package io.mrsuite.jobs.pull;

/** What pull-events counts besides records read, written and quarantined. */
public enum PullCounters {
  /** Records whose own hour was already closed, written to the first open hour after it. */
  LANDED_AFTER_CLOSED_HOUR
}
