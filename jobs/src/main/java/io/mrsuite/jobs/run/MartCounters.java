package io.mrsuite.jobs.run;

/** Rows a mart job wrote (its input records are counted by {@link RecordCounters}). */
public enum MartCounters {
  ROWS
}
