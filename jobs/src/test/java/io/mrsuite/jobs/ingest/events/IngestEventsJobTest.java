package io.mrsuite.jobs.ingest.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mrsuite.jobs.tool.MrSuiteTool;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.util.ToolRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ingest-events refuses, with one clear line and exit 1, input it would otherwise not read in full. */
class IngestEventsJobTest {
  @TempDir
  Path root;

  @Test
  void aMissingRawPartitionIsAnErrorNamingIt() throws Exception {
    Files.createDirectories(root.resolve("raw/events/dt=2026-11-19/hr=00"));
    String err = run("2026-11-20");
    assertTrue(err.contains("Error: nothing to ingest: "), err);
    assertTrue(err.contains("dt=2026-11-20"), err);
  }

  @Test
  void aFileOutsideTheHourDirectoriesIsAnErrorNotASilentSkip() throws Exception {
    Path partition = Files.createDirectories(root.resolve("raw/events/dt=2026-11-20"));
    Files.createDirectories(partition.resolve("hr=10"));
    Files.writeString(partition.resolve("hr=10/a.jsonl"), "{}\n");
    Files.writeString(partition.resolve("stray.jsonl"), "{}\n");
    Files.writeString(partition.resolve("_SUCCESS"), "");

    String err = run("2026-11-20");

    assertTrue(err.contains("Error: raw partition "), err);
    assertTrue(err.contains("stray.jsonl"), err);
    assertFalse(err.contains("_SUCCESS"), "the lander's marker is expected: " + err);
    assertFalse(Files.exists(root.resolve("curated/events/dt=2026-11-20")), "nothing published");
  }

  @Test
  void aDirectoryThatCannotBeWrittenEndsInOneErrorLineNamingIt() throws Exception {
    Path partition = Files.createDirectories(root.resolve("raw/events/dt=2026-11-20/hr=10"));
    Files.writeString(partition.resolve("a.jsonl"), "{}\n");
    Files.writeString(partition.getParent().resolve("_SUCCESS"), "");
    // A file where the curated dataset's directory must be: no partition can be written under it.
    Files.createDirectories(root.resolve("curated"));
    Files.writeString(root.resolve("curated/events"), "not a directory");

    String err = run("2026-11-20");

    List<String> lines = err.strip().lines().toList();
    String last = lines.get(lines.size() - 1);
    assertTrue(last.startsWith("Error: ingest-events: ") && last.contains(root.resolve("curated/events").toString()),
        err);
    assertEquals(1, lines.stream().filter(line -> line.startsWith("Error: ")).count(), err);
    assertFalse(err.contains("\tat "), "no stack trace: " + err);
  }

  /** Runs the job, expects exit 1, returns what it printed on stderr. */
  private String run(String date) throws Exception {
    Configuration conf = new Configuration();
    conf.set("fs.defaultFS", "file:///");
    conf.set("mapreduce.framework.name", "local");
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      assertEquals(MrSuiteTool.EXIT_FAILED, ToolRunner.run(conf, new IngestEventsJob(),
          new String[] {"--root", root.toString(), "--date", date}));
    } finally {
      System.setErr(original);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }
}
