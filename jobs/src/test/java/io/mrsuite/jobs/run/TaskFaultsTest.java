package io.mrsuite.jobs.run;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapreduce.Counter;
import org.apache.hadoop.mapreduce.RecordWriter;
import org.apache.hadoop.mapreduce.StatusReporter;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.TaskAttemptID;
import org.apache.hadoop.mapreduce.task.TaskAttemptContextImpl;
import org.junit.jupiter.api.Test;

/** The test hook fails exactly the attempts it names, at the moment it names, and nothing when unset. */
class TaskFaultsTest {
  private static final TaskAttemptID MAP_0_ATTEMPT_1 = TaskAttemptID.forName("attempt_1_0001_m_000000_1");
  private static final TaskAttemptID REDUCE_1_ATTEMPT_0 = TaskAttemptID.forName("attempt_1_0001_r_000001_0");

  @Test
  void failsOnlyTheNamedAttemptAtTheNamedMoment() {
    Configuration conf = new Configuration(false);
    conf.set(TaskFaults.FAIL_ATTEMPTS, "m:0:1:mid-input, r:1:0:after-output");

    IOException e = assertThrows(IOException.class,
        () -> TaskFaults.reach(conf, MAP_0_ATTEMPT_1, TaskFaults.MID_INPUT));
    assertEquals("attempt_1_0001_m_000000_1: failed mid-input by mrsuite.test.fail-attempts", e.getMessage());
    assertDoesNotThrow(() -> TaskFaults.reach(conf, MAP_0_ATTEMPT_1, TaskFaults.AFTER_OUTPUT));
    assertThrows(IOException.class, () -> TaskFaults.reach(conf, REDUCE_1_ATTEMPT_0, TaskFaults.AFTER_OUTPUT));
    assertDoesNotThrow(() -> TaskFaults.reach(conf, TaskAttemptID.forName("attempt_1_0001_r_000001_1"),
        TaskFaults.AFTER_OUTPUT));
  }

  @Test
  void unsetFailsNothing() {
    assertDoesNotThrow(() -> TaskFaults.reach(new Configuration(false), MAP_0_ATTEMPT_1, TaskFaults.MID_INPUT));
  }

  @Test
  void aWatchedWriterFailsBeforeItsFirstRecordOrOnceClosed() throws Exception {
    Configuration conf = new Configuration(false);
    conf.set(TaskFaults.FAIL_ATTEMPTS, "m:0:1:mid-input,r:1:0:after-output");
    List<String> written = new ArrayList<>();

    RecordWriter<String, String> midInput = TaskFaults.watch(new ListWriter(written),
        new TaskAttemptContextImpl(conf, MAP_0_ATTEMPT_1));
    assertThrows(IOException.class, () -> midInput.write("k", "v"));
    assertEquals(List.of(), written);

    TaskAttemptContext reduce = new TaskAttemptContextImpl(conf, REDUCE_1_ATTEMPT_0);
    RecordWriter<String, String> afterOutput = TaskFaults.watch(new ListWriter(written), reduce);
    afterOutput.write("k", "v");
    assertThrows(IOException.class, () -> afterOutput.close(reduce));
    assertEquals(List.of("k=v", "closed"), written);
  }

  @Test
  void aStalledWriterReportsThatItLivesUntilItsLimitThenFails() throws Exception {
    Configuration conf = new Configuration(false);
    conf.set(TaskFaults.FAIL_ATTEMPTS, "r:1:0:stall");
    conf.setLong(TaskFaults.STALL_SECONDS, 1);
    List<String> written = new ArrayList<>();
    AtomicInteger reports = new AtomicInteger();
    TaskAttemptContext stalled = new TaskAttemptContextImpl(conf, REDUCE_1_ATTEMPT_0, new StatusReporter() {
      @Override
      public void progress() {
        reports.incrementAndGet();
      }

      @Override
      public Counter getCounter(Enum<?> name) {
        return null;
      }

      @Override
      public Counter getCounter(String group, String name) {
        return null;
      }

      @Override
      public void setStatus(String status) {
      }

      @Override
      public float getProgress() {
        return 0;
      }
    });
    RecordWriter<String, String> writer = TaskFaults.watch(new ListWriter(written), stalled);
    long start = System.nanoTime();
    IOException failure = assertThrows(IOException.class, () -> writer.write("k", "v"));
    assertTrue(System.nanoTime() - start >= TimeUnit.SECONDS.toNanos(1), "waited its limit");
    assertTrue(failure.getMessage().contains("not replaced within 1 s"), failure.getMessage());
    assertTrue(reports.get() >= 2, "reported progress " + reports.get() + " times");
    assertEquals(List.of(), written);

    RecordWriter<String, String> other = TaskFaults.watch(new ListWriter(written),
        new TaskAttemptContextImpl(conf, MAP_0_ATTEMPT_1));
    other.write("k", "v");
    assertEquals(List.of("k=v"), written);
  }

  @Test
  void unsetWatchesNothing() {
    RecordWriter<String, String> writer = new ListWriter(new ArrayList<>());
    assertSame(writer, TaskFaults.watch(writer, new TaskAttemptContextImpl(new Configuration(false),
        MAP_0_ATTEMPT_1)));
  }

  /** Notes what it is given. */
  private static final class ListWriter extends RecordWriter<String, String> {
    private final List<String> written;

    ListWriter(List<String> written) {
      this.written = written;
    }

    @Override
    public void write(String key, String value) {
      written.add(key + "=" + value);
    }

    @Override
    public void close(TaskAttemptContext context) {
      written.add("closed");
    }
  }
}
