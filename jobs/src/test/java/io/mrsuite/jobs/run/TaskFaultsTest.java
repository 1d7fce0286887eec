package io.mrsuite.jobs.run;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapreduce.TaskAttemptID;
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
}
