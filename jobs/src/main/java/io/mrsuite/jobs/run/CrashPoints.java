package io.mrsuite.jobs.run;

import org.apache.hadoop.conf.Configuration;

/**
 * A test hook that stops the client at a named step of a run as {@code kill -9} would: no cleanup, no
 * {@code finally}, exit status 137. Off unless {@value #CRASH_AT} names a step.
 *
 * <p>The steps are {@code submitted} (the job runs on without its client), {@code job-done},
 * {@code staged} (checked and the manifest written, nothing published), {@code journal-written}, then for the
 * publish's i-th move {@code aside-i} (old partition set aside) and {@code moved-i} (new one in place), and
 * {@code asides-deleted} (before the journal is removed). Tests use it to prove that the next run recovers.
 */
public final class CrashPoints {
  /** The step at which the client halts; unset in production. */
  public static final String CRASH_AT = "mrsuite.test.crash-at";
  static final int KILLED_STATUS = 137;

  private static final CrashPoints NONE = new CrashPoints(null);

  private final String step;

  private CrashPoints(String step) {
    this.step = step;
  }

  public static CrashPoints of(Configuration conf) {
    String step = conf.getTrimmed(CRASH_AT);
    return step == null || step.isEmpty() ? NONE : new CrashPoints(step);
  }

  static CrashPoints none() {
    return NONE;
  }

  /** Halts the JVM when {@code reached} is the configured step. */
  public void reach(String reached) {
    if (reached.equals(step)) {
      System.err.println(CRASH_AT + "=" + step + ": halting as kill -9 would");
      System.err.flush();
      Runtime.getRuntime().halt(KILLED_STATUS);
    }
  }
}
