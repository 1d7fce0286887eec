package io.mrsuite.jobs.dq;

/** The day's verdict: FAIL when any check is above its threshold. */
enum Verdict {
  PASS,
  FAIL
}
