package io.mrsuite.jobs.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mrsuite.jobs.MrSuiteDriver;
import io.mrsuite.jobs.ingest.events.IngestEventsJob;
import io.mrsuite.jobs.tool.MrSuiteTool;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.commons.io.FileUtils;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.util.ToolRunner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A client killed at each step of a run ({@link CrashPoints}, in a child JVM halted as {@code kill -9} would)
 * leaves no partition a reader could take for complete unless it is wholly the old or wholly the new one, and
 * the next run gives the partitions of a clean run with nothing left behind. Also: one writer per partition.
 */
class KilledClientTest {
  private static final String DATE = "2026-11-20";
  private static final Path SAMPLE = Path.of("..", "test-data", "warehouse", "raw", "events", "dt=" + DATE);
  /** The old run reads these hours; the run that is killed, and the clean run, also hr=23. */
  private static final List<String> OLD_HOURS = List.of("hr=00");
  private static final List<String> NEW_HOURS = List.of("hr=00", "hr=23");

  @TempDir
  static Path shared;
  @TempDir
  Path root;

  private static Outputs oldRun;
  private static Outputs cleanRun;

  /** What a run published: the curated and quarantine records. */
  private record Outputs(List<String> curated, List<String> quarantine) {
  }

  @BeforeAll
  static void cleanRuns() throws Exception {
    Path old = shared.resolve("old");
    landHours(old, OLD_HOURS);
    Run first = ingest(old);
    assertEquals(0, first.exitCode, first.err);
    oldRun = outputs(old);
    Path clean = shared.resolve("clean");
    landHours(clean, NEW_HOURS);
    assertEquals(0, ingest(clean).exitCode);
    cleanRun = outputs(clean);
    assertNotEquals(oldRun, cleanRun, "the new hour changes both outputs");
  }

  @ParameterizedTest
  @ValueSource(strings = {"submitted", "job-done", "staged", "journal-written", "aside-0", "moved-0", "aside-1",
      "moved-1", "asides-deleted"})
  void aClientKilledAtAnyStepIsRecoveredByTheNextRun(String step) throws Exception {
    landHours(root, OLD_HOURS);
    assertEquals(0, ingest(root).exitCode);
    landHours(root, NEW_HOURS);

    Process killed = childIngest(root, step);
    assertTrue(killed.waitFor(120, TimeUnit.SECONDS), "the child ends");
    assertEquals(CrashPoints.KILLED_STATUS, killed.exitValue(), "halted at " + step);

    Outputs seen = readable(root);
    assertTrue(seen == null || seen.equals(oldRun) || seen.equals(cleanRun),
        "a reader sees the old day, the new day or an incomplete one, never a mix: " + seen);

    Run recovery = ingest(root);
    assertEquals(0, recovery.exitCode, recovery.err);
    assertEquals(cleanRun, outputs(root), "the next run publishes what a clean run does");
    assertEquals(List.of("dt=" + DATE), names(root.resolve("curated/events")), "nothing left beside the partition");
    assertEquals(List.of("dt=" + DATE), names(root.resolve("quarantine/events")));
    if (!step.equals("asides-deleted") && !step.equals("submitted") && !step.equals("job-done")
        && !step.equals("staged")) {
      assertTrue(recovery.out.contains("finished the publish of run"), recovery.out);
    }
    if (step.equals("submitted")) {
      assertTrue(recovery.out.contains("deleted the local staging folder"), "the killed job's files: "
          + recovery.out);
    }
  }

  @Test
  void aSecondWriterOfAPartitionIsRefusedNamingTheFirst() throws Exception {
    landHours(root, NEW_HOURS);
    org.apache.hadoop.fs.Path partition = new org.apache.hadoop.fs.Path(root.resolve("curated/events/dt=" + DATE)
        .toUri());
    try (PartitionLock held = PartitionLock.acquire("ingest-events", "first-run", partition, localConf(),
        found -> { })) {
      Run second = ingest(root);

      assertEquals(MrSuiteTool.EXIT_FAILED, second.exitCode);
      assertTrue(second.err.strip().lines().reduce((a, b) -> b).orElse("").startsWith("Error: "), second.err);
      assertTrue(second.err.contains("is being written by run first-run of ingest-events"), second.err);
      assertFalse(Files.exists(root.resolve("curated/events/dt=" + DATE)), "nothing published");
    }
  }

  @Test
  void theLockOfADeadProcessIsTakenOver() throws Exception {
    landHours(root, NEW_HOURS);
    Process dead = new ProcessBuilder("true").start();
    dead.waitFor();
    Files.createDirectories(root.resolve("curated/events"));
    Files.writeString(root.resolve("curated/events/_lock.dt=" + DATE), "{\"job\":\"ingest-events\",\"run_id\":"
        + "\"dead-run\",\"host\":\"" + ThisProcess.host() + "\",\"pid\":" + dead.pid() + ",\"started\":\"x\"}");

    Run run = ingest(root);

    assertEquals(0, run.exitCode, run.err);
    assertTrue(run.out.contains("took over the stale lock"), run.out);
    assertEquals(cleanRun, outputs(root));
    assertFalse(Files.exists(root.resolve("curated/events/_lock.dt=" + DATE)), "released");
  }

  @Test
  void aRerunOfTheSameDayWritesTheSameBytes() throws Exception {
    landHours(root, NEW_HOURS);
    assertEquals(0, ingest(root).exitCode);
    Map<String, String> first = dataFiles(root);
    assertEquals(0, ingest(root).exitCode);

    assertEquals(first, dataFiles(root));
    assertFalse(first.isEmpty());
  }

  private record Run(int exitCode, String out, String err) {
  }

  private static Run ingest(Path warehouse) throws Exception {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
    try {
      int exitCode = ToolRunner.run(localConf(), new IngestEventsJob(),
          new String[] {"--root", warehouse.toString(), "--date", DATE});
      return new Run(exitCode, outBytes.toString(StandardCharsets.UTF_8), errBytes.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }

  private static Process childIngest(Path warehouse, String step) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(arg -> arg.startsWith("--add-opens")).forEach(command::add);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), MrSuiteDriver.class.getName(),
        IngestEventsJob.NAME, "-D", CrashPoints.CRASH_AT + "=" + step, "-D", "fs.defaultFS=file:///",
        "-D", "mapreduce.framework.name=local", "--root", warehouse.toString(), "--date", DATE));
    File log = warehouse.resolve("child-" + step + ".log").toFile();
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
  }

  private static Configuration localConf() {
    Configuration conf = new Configuration();
    conf.set("fs.defaultFS", "file:///");
    conf.set("mapreduce.framework.name", "local");
    return conf;
  }

  /** Lands the given hours of the sample's raw events day in {@code warehouse}, replacing what was landed. */
  private static void landHours(Path warehouse, List<String> hours) throws IOException {
    Path day = warehouse.resolve("raw/events/dt=" + DATE);
    FileUtils.deleteDirectory(day.toFile());
    for (String hour : hours) {
      FileUtils.copyDirectory(SAMPLE.resolve(hour).toFile(), day.resolve(hour).toFile());
    }
    Files.writeString(day.resolve("_SUCCESS"), "");
  }

  /** The outputs a reader would take for complete, by the rules readers follow; null when it would wait. */
  private static Outputs readable(Path warehouse) throws IOException {
    FileSystem fs = FileSystem.getLocal(localConf());
    org.apache.hadoop.fs.Path curated = new org.apache.hadoop.fs.Path(warehouse.resolve("curated/events/dt=" + DATE)
        .toUri());
    org.apache.hadoop.fs.Path quarantine = new org.apache.hadoop.fs.Path(
        warehouse.resolve("quarantine/events/dt=" + DATE).toUri());
    if (!PublishedPartition.complete(fs, curated) || !PublishedPartition.sameRun(fs, curated, quarantine)) {
      return null;
    }
    return outputs(warehouse);
  }

  private static Outputs outputs(Path warehouse) throws IOException {
    String rootText = warehouse.toAbsolutePath().toString();
    return new Outputs(records(warehouse.resolve("curated/events/dt=" + DATE), rootText),
        records(warehouse.resolve("quarantine/events/dt=" + DATE), rootText));
  }

  /** Every record of the partition's Avro files, as text with the warehouse root taken out, sorted. */
  private static List<String> records(Path partition, String rootText) throws IOException {
    List<String> records = new ArrayList<>();
    try (Stream<Path> files = Files.list(partition)) {
      for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".avro")).toList()) {
        try (DataFileReader<GenericRecord> reader = new DataFileReader<>(file.toFile(), new GenericDatumReader<>())) {
          reader.forEach(record -> records.add(record.toString().replace(rootText, "ROOT")));
        }
      }
    }
    records.sort(null);
    return records;
  }

  /** Every data file of the day's curated and quarantine partitions: its path under the root, and its bytes. */
  private static Map<String, String> dataFiles(Path warehouse) throws IOException {
    Map<String, String> files = new TreeMap<>();
    for (String zone : List.of("curated", "quarantine")) {
      Path partition = warehouse.resolve(zone + "/events/dt=" + DATE);
      for (String name : names(partition)) {
        if (name.endsWith(".avro")) {
          files.put(zone + "/" + name, HexFormat.of().formatHex(Files.readAllBytes(partition.resolve(name))));
        }
      }
    }
    return files;
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
