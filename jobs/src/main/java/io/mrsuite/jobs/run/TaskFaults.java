package io.mrsuite.jobs.run;

import java.io.IOException;
import java.util.Arrays;
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
 * (once the task's file is written and closed, before it is committed). It applies to the writers it
 * {@linkplain #watch watches}: the Avro files of {@link RepeatableAvroKeyOutputFormat} and the marts' Parquet
 * files ({@link MartParquetOutputFormat}).
 */
public final class TaskFaults {
  /** The attempts to fail; unset in production. */
  public static final String FAIL_ATTEMPTS = "mrsuite.test.fail-attempts";
  static final String MID_INPUT = "mid-input";
  static final String AFTER_OUTPUT = "after-output";

  private TaskFaults() {
  }

  /**
   * {@code writer}, failing its attempt where the configuration names it: before its first record is written
   * ({@value #MID_INPUT}) or once it is closed ({@value #AFTER_OUTPUT}). The writer itself when the hook is unset.
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
