package io.mrsuite.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mrsuite.jobs.tool.MrSuiteTool;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.util.Tool;
import org.apache.hadoop.util.ToolRunner;
import org.junit.jupiter.api.Test;

/** Every job the driver lists is a Tool that answers a wrong command line with its usage and exit code 2. */
class MrSuiteDriverTest {

  @Test
  void everyJobRejectsWrongCommandLinesWithUsageAndExitTwo() throws Throwable {
    Map<String, MrSuiteDriver.Job> jobs = MrSuiteDriver.jobs();
    assertTrue(jobs.keySet().containsAll(
        List.of("ingest-events", "ingest-orders", "ingest-products", "ingest-fx", "revenue-daily", "gen-data")), jobs.keySet().toString());
    for (Map.Entry<String, MrSuiteDriver.Job> entry : jobs.entrySet()) {
      Tool tool = (Tool) entry.getValue().mainClass().getDeclaredConstructor().newInstance();
      for (String[] args : new String[][] {{}, {"--no-such-option", "x"}, {"--root"}}) {
        String err = stderrOf(() -> assertEquals(MrSuiteTool.EXIT_USAGE,
            ToolRunner.run(new Configuration(), tool, args), entry.getKey() + " " + String.join(" ", args)));
        assertTrue(err.contains("Usage: hadoop jar mrsuite-jobs.jar " + entry.getKey()), err);
        assertTrue(err.contains("--root"), "usage names the options: " + err);
      }
    }
  }

  @Test
  void noJobListsTheJobsAndAnUnknownOneIsAUsageError() throws Throwable {
    String err = stderrOf(() -> assertEquals(2, MrSuiteDriver.run(new String[0])));
    assertTrue(err.contains("ingest-events") && err.contains("gen-data"), err);
    err = stderrOf(() -> assertEquals(2, MrSuiteDriver.run(new String[] {"no-such-job"})));
    assertTrue(err.contains("unknown job 'no-such-job'"), err);
    String out = stdoutOf(() -> assertEquals(0, MrSuiteDriver.run(new String[] {"--help"})));
    assertTrue(out.contains("ingest-orders"), out);
  }

  private interface Action {
    void run() throws Throwable;
  }

  private static String stderrOf(Action action) throws Throwable {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      action.run();
    } finally {
      System.setErr(original);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }

  private static String stdoutOf(Action action) throws Throwable {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      action.run();
    } finally {
      System.setOut(original);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }
}
