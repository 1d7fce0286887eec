package io.mrsuite.jobs.sessionize;

/** What sessionize made of the events it read (each event is WRITTEN in exactly one session). */
public enum SessionizeCounters {
  SESSIONS,
  CONVERTED_SESSIONS,
  UNCONVERTED_PURCHASES
}
