package io.mrsuite.jobs.run;

import java.io.IOException;
import java.util.Arrays;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapreduce.TaskAttemptID;
import org.apache.hadoop.mapreduce.TaskType;

/**
 * A test hook that fails chosen task attempts while they write, as Hadoop's own {@code FailJob} fails its
 * tasks: the framework must retry them and the run's output must not change. Off unless {@value #FAIL_ATTEMPTS}
 * is set.
 *
 * <p>The value is a comma-separated list of {@code <m|r>:<task>:<attempt>:<when>}, {@code when} being
 * {@code mid-input} (at the first record written, part-way through the task's input) or {@code after-output}
 * (once the task's file is written and closed, before it is committed). It applies to the files written through
 * {@link RepeatableAvroKeyOutputFormat}.
 */
public final class TaskFaults {
  /** The attempts to fail; unset in production. */
  public static final String FAIL_ATTEMPTS = "mrsuite.test.fail-attempts";
  static final String MID_INPUT = "mid-input";
  static final String AFTER_OUTPUT = "after-output";

  private TaskFaults() {
  }

  /** Fails the attempt when the configuration names it with {@code when}. */
  static void reach(Configuration conf, TaskAttemptID attempt, String when) throws IOException {
    String faults = conf.getTrimmed(FAIL_ATTEMPTS);
    if (faults == null || faults.isEmpty()) {
      return;
    }
    String type = attempt.getTaskType() == TaskType.MAP ? "m" : "r";
    String self = type + ":" + attempt.getTaskID().getId() + ":" + attempt.getId() + ":" + when;
    if (Arrays.stream(faults.split(",")).map(String::trim).anyMatch(self::equals)) {
      throw new IOException(attempt + ": failed " + when + " by " + FAIL_ATTEMPTS);
    }
  }
}
