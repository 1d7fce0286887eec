package io.mrsuite.jobs.pull;

/** Configuration keys pull-events sets for its map tasks. */
final class PullKeys {
  /**
   * The last closed hour ({@link ArrivalHour#name}); it and every hour before it have {@code _SUCCESS}, so a record
   * of theirs lands in the hour after it. Unset when no hour is closed yet.
   */
  static final String CLOSED_THROUGH = "mrsuite.pull.closed-through";

  private PullKeys() {
  }
}
