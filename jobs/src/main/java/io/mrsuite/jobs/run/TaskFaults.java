package io.mrsuite.jobs.run;

import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapreduce.RecordWriter;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.TaskAttemptID;
import org.apache.hadoop.mapreduce.TaskType;

/**
 * A test hook that fails chosen task attempts while they write, as Hadoop's own {@code FailJob} fails its
 * tasks: the framework must retry them and the run's output must not change. Off unless {@value #FAIL_ATTEMPTS}
 * is set.
 *
 * <p>The value is a comma-separated list of {@code <m|r>:<task>:<attempt>:<when>}, {@code when} being
 * {@code mid-input} (at the first record written, part-way through the task's input) or {@code after-output}
 * (once the task's file is written and closed, before it is committed), or {@code stall} (at the first record
 * written, wait until killed: a slow attempt for the speculator to replace). It applies to the writers it
 * {@linkplain #watch watches}: the Avro files of {@link RepeatableAvroKeyOutputFormat} and the marts' Parquet
 * files ({@link MartParquetOutputFormat}).
 */
public final class TaskFaults {
  /** The attempts to fail; unset in production. */
  public static final String FAIL_ATTEMPTS = "mrsuite.test.fail-attempts";
  static final String MID_INPUT = "mid-input";
  static final String AFTER_OUTPUT = "after-output";
  static final String STALL = "stall";
  /** How long a stalled attempt waits to be replaced before it fails, so that a test cannot hang; 300 s by default. */
  public static final String STALL_SECONDS = "mrsuite.test.stall-seconds";
  private static final long STALL_REPORT_MILLIS = 200;

  private TaskFaults() {
  }

  /**
   * {@code writer}, failing its attempt where the configuration names it: before its first record is written
   * ({@value #MID_INPUT}) or once it is closed ({@value #AFTER_OUTPUT}); or stalling it before its first record
   * ({@value #STALL}) until the attempt is killed, as a speculative attempt's success kills it. The writer itself
   * when the hook is unset.
   */
  static <K, V> RecordWriter<K, V> watch(RecordWriter<K, V> writer, TaskAttemptContext attempt) {
    Configuration conf = attempt.getConfiguration();
    String faults = conf.getTrimmed(FAIL_ATTEMPTS);
    if (faults == null || faults.isEmpty()) {
      return writer;
    }
    TaskAttemptID id = attempt.getTaskAttemptID();
    return new RecordWriter<>() {
      private boolean written;

      @Override
      public void write(K key, V value) throws IOException, InterruptedException {
        if (!written) {
          written = true;
          reach(conf, id, MID_INPUT);
          if (names(conf, id, STALL)) {
            stall(attempt);
          }
        }
        writer.write(key, value);
      }

      @Override
      public void close(TaskAttemptContext closing) throws IOException, InterruptedException {
        writer.close(closing);
        reach(conf, id, AFTER_OUTPUT);
      }
    };
  }

  /** Fails the attempt when the configuration names it with {@code when}. */
  static void reach(Configuration conf, TaskAttemptID attempt, String when) throws IOException {
    if (names(conf, attempt, when)) {
      throw new IOException(attempt + ": failed " + when + " by " + FAIL_ATTEMPTS);
    }
  }

  private static boolean names(Configuration conf, TaskAttemptID attempt, String when) {
    String faults = conf.getTrimmed(FAIL_ATTEMPTS);
    if (faults == null || faults.isEmpty()) {
      return false;
    }
    String type = attempt.getTaskType() == TaskType.MAP ? "m" : "r";
    String self = type + ":" + attempt.getTaskID().getId() + ":" + attempt.getId() + ":" + when;
    return Arrays.stream(faults.split(",")).map(String::trim).anyMatch(self::equals);
  }

  /**
   * Waits without progress, yet reporting that it lives, so the speculator sees a slow attempt rather than a
   * dead one; fails once {@value #STALL_SECONDS} have passed.
   */
  private static void stall(TaskAttemptContext attempt) throws IOException, InterruptedException {
    long seconds = attempt.getConfiguration().getLong(STALL_SECONDS, 300);
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < end) {
      attempt.progress();
      Thread.sleep(STALL_REPORT_MILLIS);
    }
    throw new IOException(attempt.getTaskAttemptID() + ": stalled by " + FAIL_ATTEMPTS + " and not replaced within "
        + seconds + " s");
  }
}
