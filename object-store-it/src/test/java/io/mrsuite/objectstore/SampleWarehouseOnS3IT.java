package io.mrsuite.objectstore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mrsuite.jobs.MrSuiteDriver;
import io.mrsuite.jobs.compact.CompactJob;
import io.mrsuite.jobs.ingest.events.IngestEventsJob;
import io.mrsuite.jobs.run.CrashPoints;
import io.mrsuite.jobs.run.PartitionPointer;
import io.mrsuite.jobs.run.PublishedPartition;
import io.mrsuite.jobs.run.TaskFaults;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.mapreduce.MRJobConfig;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.util.ToolRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The sample warehouse's day, raw to marts, by {@code pipeline} in local mode with its root on {@code s3a://}
 * (the in-JVM S3 server) gives exactly the records that the same run gives on local files, partition by
 * partition, curated, quarantine and marts, with no rename or copy on the store; then reruns replace a partition
 * by switching its pointer, a failed rerun leaves the old one readable, and a client killed while publishing
 * (in a JVM of its own, talking to this JVM's server) leaves no mix for the next run to find.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class SampleWarehouseOnS3IT {
  private static final String DAY = "2026-11-20";
  private static final List<String> PUBLISHED_ZONES = List.of("curated", "quarantine", "marts");
  private static final Path TEST_DATA = Path.of(System.getProperty("mrsuite.test-data", "../test-data"));

  @TempDir
  static Path tmp;

  private static InJvmS3 s3;
  private static Configuration conf;

  @BeforeAll
  static void startS3() throws Exception {
    s3 = InJvmS3.start();
    conf = s3.configure(new Configuration(), tmp);
    conf.set("mapreduce.framework.name", "local");
  }

  @AfterAll
  static void stopS3() throws Exception {
    FileSystem.closeAll();
    if (s3 != null) {
      s3.close();
    }
  }

  @Test
  @Order(1)
  void theDayOnS3GivesExactlyTheRecordsOfTheDayOnLocalFiles() throws Exception {
    org.apache.hadoop.fs.Path raw = new org.apache.hadoop.fs.Path(TEST_DATA.resolve("warehouse/raw").toUri());
    org.apache.hadoop.fs.Path local = new org.apache.hadoop.fs.Path(tmp.resolve("local").toUri());
    org.apache.hadoop.fs.Path remote = new org.apache.hadoop.fs.Path(s3.uri("warehouse"));
    FileSystem localFs = local.getFileSystem(conf);
    FileSystem s3Fs = remote.getFileSystem(conf);
    localFs.copyFromLocalFile(false, true, raw, new org.apache.hadoop.fs.Path(local, "raw"));
    // Through S3A's output stream: its copyFromLocalFile signs the upload in a way s3proxy rejects.
    FileUtil.copy(localFs, raw, s3Fs, new org.apache.hadoop.fs.Path(remote, "raw"), false, conf);

    pipeline(local.toString());
    Map<String, Long> before = InJvmS3.counters(s3Fs);
    pipeline(remote.toString());
    Map<String, Long> after = InJvmS3.counters(s3Fs);
    StringBuilder requests = new StringBuilder("S3A requests of the day's pipeline:");
    after.forEach((name, count) -> {
      long made = count - before.getOrDefault(name, 0L);
      if (made != 0 && !name.contains(".")) {
        requests.append(' ').append(name).append('=').append(made);
      }
    });
    System.out.println(requests);
    long renames = after.getOrDefault("op_rename", 0L) - before.getOrDefault("op_rename", 0L);
    long copies = after.getOrDefault("object_copy_requests", 0L) - before.getOrDefault("object_copy_requests", 0L);
    assertEquals(0, renames, "renames on the object store");
    assertEquals(0, copies, "object copies");

    Map<String, List<String>> onLocal = PartitionRecords.of(conf, local, PUBLISHED_ZONES);
    Map<String, List<String>> onS3 = PartitionRecords.of(conf, remote, PUBLISHED_ZONES);
    assertTrue(onLocal.keySet().stream().anyMatch(partition -> partition.startsWith("marts/")), onLocal.keySet()
        .toString());
    assertEquals(onLocal.keySet(), onS3.keySet(), "published partitions");
    for (Map.Entry<String, List<String>> partition : onLocal.entrySet()) {
      assertFalse(partition.getValue().isEmpty() && partition.getKey().startsWith("curated/"), partition.getKey());
      if (!partition.getKey().startsWith("quarantine/")) {
        org.apache.hadoop.fs.Path published = new org.apache.hadoop.fs.Path(remote, partition.getKey());
        assertTrue(PartitionPointer.read(s3Fs, published).isPresent(), partition.getKey() + " published by pointer");
        assertEquals("magic", committer(s3Fs, PartitionPointer.dataDir(s3Fs, published)),
            partition.getKey() + ": written by S3A's magic committer, no rename of the task's files");
      }
      List<String> s3Records = onS3.get(partition.getKey());
      assertEquals(partition.getValue().size(), s3Records.size(), partition.getKey() + " records");
      for (int i = 0; i < s3Records.size(); i++) {
        assertEquals(partition.getValue().get(i), s3Records.get(i), partition.getKey() + " record " + i);
      }
    }
  }

  @Test
  @Order(2)
  void aRerunSwitchesEachPartitionToItsRunAndAFailedRerunLeavesTheOldOneReadable() throws Exception {
    org.apache.hadoop.fs.Path remote = new org.apache.hadoop.fs.Path(s3.uri("warehouse"));
    FileSystem s3Fs = remote.getFileSystem(conf);
    org.apache.hadoop.fs.Path events = new org.apache.hadoop.fs.Path(remote, "curated/events/dt=" + DAY);
    org.apache.hadoop.fs.Path rejects = new org.apache.hadoop.fs.Path(remote, "quarantine/events/dt=" + DAY);
    Map<String, List<String>> day = PartitionRecords.of(conf, remote, List.of("curated/events", "quarantine/events"));
    String first = PartitionPointer.read(s3Fs, events).orElseThrow().data();

    assertEquals(0, ingestEvents(new Configuration(conf)), "rerun");
    String second = PartitionPointer.read(s3Fs, events).orElseThrow().data();
    assertEquals(List.of(first, second).stream().sorted().toList(), runDirs(s3Fs, events),
        "the new run and the one before it, for readers that resolved the old pointer");
    assertEquals(PartitionPointer.read(s3Fs, events).orElseThrow().runId(),
        PartitionPointer.read(s3Fs, rejects).orElseThrow().runId(), "curated and quarantine of one run");
    assertEquals(day, PartitionRecords.of(conf, remote, List.of("curated/events", "quarantine/events")));

    assertEquals(0, ingestEvents(new Configuration(conf)), "second rerun");
    String third = PartitionPointer.read(s3Fs, events).orElseThrow().data();
    assertEquals(List.of(second, third).stream().sorted().toList(), runDirs(s3Fs, events), "older runs deleted");

    Configuration failing = new Configuration(conf);
    failing.setInt(MRJobConfig.MAP_MAX_ATTEMPTS, 1);
    failing.set(TaskFaults.FAIL_ATTEMPTS, "m:0:0:after-output");
    assertEquals(1, ingestEvents(failing), "a rerun whose task fails");
    assertEquals(third, PartitionPointer.read(s3Fs, events).orElseThrow().data(), "the pointer did not move");
    assertEquals(List.of(second, third).stream().sorted().toList(), runDirs(s3Fs, events),
        "the failed run's directory removed");
    assertEquals(day, PartitionRecords.of(conf, remote, List.of("curated/events", "quarantine/events")),
        "the old partitions read whole");
  }

  @ParameterizedTest
  @ValueSource(strings = {"job-done", "staged", "moved-0"})
  @Order(3)
  void aClientKilledMidPublishLeavesNoMixAndTheNextRunCompletesTheDay(String step) throws Exception {
    org.apache.hadoop.fs.Path remote = new org.apache.hadoop.fs.Path(s3.uri("warehouse"));
    FileSystem s3Fs = remote.getFileSystem(conf);
    org.apache.hadoop.fs.Path events = new org.apache.hadoop.fs.Path(remote, "curated/events/dt=" + DAY);
    org.apache.hadoop.fs.Path rejects = new org.apache.hadoop.fs.Path(remote, "quarantine/events/dt=" + DAY);
    List<String> dirs = List.of("curated/events", "quarantine/events");
    Map<String, List<String>> day = PartitionRecords.of(conf, remote, dirs);
    PartitionPointer before = PartitionPointer.read(s3Fs, events).orElseThrow();

    Process killed = childIngestEvents(step);
    assertTrue(killed.waitFor(120, TimeUnit.SECONDS), "the child ends");
    assertEquals(137, killed.exitValue(), "halted at " + step);

    assertEquals(before, PartitionPointer.read(s3Fs, events).orElseThrow(), "curated still points at the old run");
    if (step.equals("moved-0")) {
      assertFalse(PublishedPartition.sameRun(s3Fs, events, rejects),
          "quarantine switched alone: readers take the day for incomplete");
    } else {
      assertTrue(PublishedPartition.sameRun(s3Fs, events, rejects));
      assertEquals(day, PartitionRecords.of(conf, remote, dirs), "the old day reads whole");
    }

    assertEquals(0, ingestEvents(new Configuration(conf)), "the next run");
    PartitionPointer after = PartitionPointer.read(s3Fs, events).orElseThrow();
    assertTrue(PublishedPartition.sameRun(s3Fs, events, rejects));
    assertEquals(day, PartitionRecords.of(conf, remote, dirs));
    assertEquals(List.of(before.data(), after.data()).stream().sorted().toList(), runDirs(s3Fs, events),
        "the killed run's directory deleted");
  }

  @Test
  @Order(4)
  void compactionRewritesAPartitionIntoANewRunAndSwitchesItsPointer() throws Exception {
    org.apache.hadoop.fs.Path remote = new org.apache.hadoop.fs.Path(s3.uri("warehouse"));
    FileSystem s3Fs = remote.getFileSystem(conf);
    org.apache.hadoop.fs.Path events = new org.apache.hadoop.fs.Path(remote, "curated/events/dt=" + DAY);
    org.apache.hadoop.fs.Path rejects = new org.apache.hadoop.fs.Path(remote, "quarantine/events/dt=" + DAY);
    List<String> dirs = List.of("curated/events", "quarantine/events");
    Map<String, List<String>> day = PartitionRecords.of(conf, remote, dirs);
    Configuration smallSplits = new Configuration(conf);
    smallSplits.setLong(FileInputFormat.SPLIT_MAXSIZE, 16 * 1024);
    assertEquals(0, ingestEvents(smallSplits), "a rerun writing a file per small split");
    PartitionPointer ingested = PartitionPointer.read(s3Fs, events).orElseThrow();
    assertTrue(dataFiles(s3Fs, PartitionPointer.dataDir(s3Fs, events)) > 1, "several files to compact");

    assertEquals(0, ToolRunner.run(new Configuration(conf), new CompactJob(), new String[] {"--dataset",
        events.toString(), "--target-size", "1g"}));

    PartitionPointer compacted = PartitionPointer.read(s3Fs, events).orElseThrow();
    assertEquals(1, dataFiles(s3Fs, PartitionPointer.dataDir(s3Fs, events)), "one file");
    assertEquals(List.of(ingested.data(), compacted.data()).stream().sorted().toList(), runDirs(s3Fs, events));
    assertTrue(PublishedPartition.sameRun(s3Fs, events, rejects), "the manifest keeps the ingest's run");
    assertEquals(day, PartitionRecords.of(conf, remote, dirs), "the same records");
  }

  private static long dataFiles(FileSystem fs, org.apache.hadoop.fs.Path dir) throws Exception {
    long files = 0;
    for (FileStatus status : fs.listStatus(dir)) {
      if (status.isFile() && status.getPath().getName().endsWith(".avro")) {
        files++;
      }
    }
    return files;
  }

  private static Process childIngestEvents(String step) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString()));
    ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(arg -> arg.startsWith("--add-opens")).forEach(command::add);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), MrSuiteDriver.class.getName(),
        IngestEventsJob.NAME, "-D", CrashPoints.CRASH_AT + "=" + step, "-D", "mapreduce.framework.name=local"));
    command.addAll(s3.asOptions(tmp));
    command.addAll(List.of("--root", s3.uri("warehouse"), "--date", DAY, "--late-days", "1"));
    return new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(tmp.resolve("child-" + step + ".log").toFile()).start();
  }

  private static int ingestEvents(Configuration runConf) throws Exception {
    return ToolRunner.run(runConf, new IngestEventsJob(), new String[] {"--root", s3.uri("warehouse"), "--date", DAY,
        "--late-days", "1"});
  }

  private static List<String> runDirs(FileSystem fs, org.apache.hadoop.fs.Path partition) throws Exception {
    List<String> names = new ArrayList<>();
    for (FileStatus status : fs.listStatus(partition)) {
      if (status.isDirectory()) {
        names.add(status.getPath().getName());
      }
    }
    names.sort(null);
    return names;
  }

  /** The committer an S3A committer's {@code _SUCCESS} summary names; empty for the classic committer's. */
  private static String committer(FileSystem fs, org.apache.hadoop.fs.Path partition) throws Exception {
    try (InputStream in = fs.open(new org.apache.hadoop.fs.Path(partition, "_SUCCESS"))) {
      byte[] summary = in.readAllBytes();
      return summary.length == 0 ? "" : new ObjectMapper().readTree(summary).path("committer").asText();
    }
  }


  private static void pipeline(String root) throws Exception {
    PrintStream original = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    int exit;
    try {
      exit = ToolRunner.run(new Configuration(conf), new MrSuiteDriver.Pipeline(), new String[] {"--root", root,
          "--date", DAY, "--dq-thresholds", TEST_DATA.resolve("dq-thresholds.properties").toString()});
    } finally {
      System.setOut(original);
      original.print(printed.toString(StandardCharsets.UTF_8));
    }
    assertEquals(0, exit, "pipeline on " + root);
  }
}
