package io.mrsuite.jobs.pull;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mrsuite.formats.avro.QuarantineRecord;
import io.mrsuite.jobs.MrSuiteDriver;
import io.mrsuite.jobs.gendata.GenDataJob;
import io.mrsuite.jobs.pipeline.PipelineRuns;
import io.mrsuite.jobs.pull.KafkaBroker.Message;
import io.mrsuite.jobs.run.CrashPoints;
import io.mrsuite.jobs.warehouse.Dataset;
import io.mrsuite.jobs.warehouse.Zone;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.commons.io.FileUtils;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.hadoop.util.ToolRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * pull-events against a Kafka broker in a JVM of its own: records of three partitions land, each once, as lines
 * of the hour of their timestamp (across midnight too); bad values are quarantined with their offsets; a rerun
 * reads only what came since; a client killed in the commit is finished by the next run with no line twice and
 * none missing; a range retention deleted is reported and counted; an unreachable broker fails in one line.
 */
@Timeout(600)
class PullEventsJobTest {
  private static final Instant START = Instant.parse("2026-11-20T22:10:00Z");
  /** Long enough that only the partitions' positions close hours in these tests, never the clock. */
  private static final String NO_LATENESS_CLOSING = String.valueOf(10 * 365 * 24 * 60);

  @TempDir
  static Path tmp;

  private static KafkaBroker broker;

  @BeforeAll
  static void startBroker() throws Exception {
    Path dir = tmp.resolve("broker");
    Files.createDirectories(dir);
    broker = KafkaBroker.start(dir);
  }

  @AfterAll
  static void stopBroker() throws Exception {
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void everyRecordLandsOnceInTheHourOfItsTimestampAndARerunReadsOnlyWhatCameSince() throws Exception {
    String topic = "clicks";
    broker.createTopic(topic, 3);
    // 240 records, one every 45 s from 22:10: three hours and across midnight, spread over the three partitions.
    List<Message> messages = events(0, 240, 45);
    byte[] notUtf8 = {'{', '"', 'x', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
    messages.add(new Message(1, START.toEpochMilli() + 1000, notUtf8));
    messages.add(new Message(2, START.toEpochMilli() + 2000, "{\"a\":1,\n\"b\":2}".getBytes(StandardCharsets.UTF_8)));
    broker.produce(topic, messages);
    Path root = tmp.resolve("warehouse-clicks");

    Run first = pull(root, topic, "--split-offsets", "50");
    assertEquals(0, first.exitCode(), first.err());
    assertEquals(expectedLines(messages), linesByHour(root));
    List<QuarantineRecord> rejected = quarantined(root);
    // Each partition holds 80 events, then partitions 1 and 2 one bad value each, at offset 80.
    assertEquals(List.of("INVALID_ENCODING kafka:clicks/1 offset 80", "MALFORMED_JSON kafka:clicks/2 offset 80"),
        rejected.stream().map(r -> r.getReason() + " " + r.getSourceFile() + " offset " + r.getByteOffset()).sorted()
            .toList());
    JsonNode checkpoint = new ObjectMapper().readTree(root.resolve("raw/events/_kafka/clicks/offsets.json").toFile());
    assertEquals("{\"0\":80,\"1\":81,\"2\":81}", checkpoint.get("offsets").toString());
    // Every partition has read a record of 01:09 or later: the hours before 01:00 are closed, and with 23:00 the
    // day 2026-11-20; 01:00 is not.
    assertEquals(List.of("dt=2026-11-20", "dt=2026-11-20/hr=22", "dt=2026-11-20/hr=23", "dt=2026-11-21/hr=00"),
        closedHours(root));
    assertTrue(first.out().contains("read 242, written 240 lines, quarantined 2"), first.out());

    Run again = pull(root, topic);
    assertEquals(0, again.exitCode(), again.err());
    assertTrue(again.out().contains("read 0, written 0 lines"), again.out());
    assertEquals(expectedLines(messages), linesByHour(root));

    List<Message> later = events(240, 90, 45);
    broker.produce(topic, later);
    Run third = pull(root, topic);
    assertEquals(0, third.exitCode(), third.err());
    List<Message> all = new ArrayList<>(messages);
    all.addAll(later);
    assertEquals(expectedLines(all), linesByHour(root));
    assertTrue(closedHours(root).contains("dt=2026-11-21/hr=01"), closedHours(root).toString());
  }

  @Test
  void aClientKilledWhileCommittingIsFinishedByTheNextRunWithNoLineTwiceAndNoneMissing() throws Exception {
    String topic = "killed";
    broker.createTopic(topic, 3);
    List<Message> messages = events(0, 90, 60);
    broker.produce(topic, messages);
    for (String step : List.of("job-done", "journal-written", "moved-2", "checkpoint-written")) {
      Path root = tmp.resolve("warehouse-killed-" + step);
      Process child = childPull(root, topic, step);
      assertTrue(child.waitFor(180, TimeUnit.SECONDS), step);
      assertEquals(CrashExit.STATUS, child.exitValue(), step + ": " + Files.readString(root.resolve("child.log")));

      Run rerun = pull(root, topic);
      assertEquals(0, rerun.exitCode(), step + ": " + rerun.err());
      assertEquals(expectedLines(messages), linesByHour(root), step);
      assertEquals(step.equals("job-done"), rerun.out().contains("read 90, written 90 lines"), step + ": "
          + rerun.out());
    }
  }

  @Test
  void offsetsDeletedByRetentionBeforeTheyWereReadAreReportedAndTheRestIsPulled() throws Exception {
    String topic = "trimmed";
    broker.createTopic(topic, 1);
    broker.produce(topic, events(0, 50, 60, 1));
    Path root = tmp.resolve("warehouse-trimmed");
    assertEquals(0, pull(root, topic).exitCode());
    List<Message> later = events(50, 50, 60, 1);
    broker.produce(topic, later);
    broker.deleteBefore(topic, 0, 70);

    Run trimmed = pull(root, topic);

    assertEquals(0, trimmed.exitCode(), trimmed.err());
    assertTrue(trimmed.out().contains("partition 0: offsets 70 .. 100 (30); 20 before 70 deleted by retention before"
        + " they were read"), trimmed.out());
    assertTrue(trimmed.out().contains("read 30, written 30 lines, quarantined 0 (quarantine/events_pulled), lost to"
        + " retention 20"), trimmed.out());
    int lines = linesByHour(root).values().stream().mapToInt(List::size).sum();
    assertEquals(80, lines);
  }

  @Test
  void anUnreachableBrokerFailsInOneLineNamingIt() throws Exception {
    Run run = pull(tmp.resolve("warehouse-nowhere"), "clicks", "--bootstrap", "localhost:1", "-D",
        "mrsuite.kafka.timeout-ms=2000");
    assertEquals(1, run.exitCode());
    assertTrue(run.err().startsWith("Error: pull-events: cannot plan topic clicks at localhost:1 within 2000 ms:"),
        run.err());
  }

  /**
   * The laptop demo: {@code pipeline --from-kafka} over a topic holding a generated warehouse's raw events, each
   * line with a timestamp in the hour of its raw folder, builds the same marts as the pipeline over the files.
   */
  @Test
  void thePipelineFromKafkaBuildsTheMartsThePipelineFromFilesBuilds() throws Exception {
    Path generated = tmp.resolve("generated");
    LocalDate day = LocalDate.of(2026, 11, 1);
    assertEquals(0, ToolRunner.run(localConf(), new GenDataJob(), new String[] {"--root", generated.toString(),
        "--days", "2", "--start-date", day.toString(), "--events-per-day", "300", "--seed", "20261205",
        "--bad-rate", "0"}));
    Path fromFiles = tmp.resolve("from-files");
    FileUtils.copyDirectory(generated.resolve("raw").toFile(), fromFiles.resolve("raw").toFile());
    Path fromKafka = tmp.resolve("from-kafka");
    FileUtils.copyDirectory(generated.resolve("raw").toFile(), fromKafka.resolve("raw").toFile());
    FileUtils.deleteDirectory(fromKafka.resolve("raw/events").toFile());
    broker.createTopic("demo", 3);
    broker.produce("demo", rawEventMessages(generated.resolve("raw/events"), 3));

    PipelineRuns.Run files = PipelineRuns.pipeline(fromFiles, "--date", day.toString());
    PipelineRuns.Run kafka = PipelineRuns.pipeline(fromKafka, "--date", day.toString(), "--from-kafka", "demo", "--bootstrap",
        broker.bootstrap());

    assertEquals(0, files.exitCode(), files.err());
    assertEquals(0, kafka.exitCode(), kafka.err());
    for (Dataset mart : Dataset.inZone(Zone.MARTS)) {
      String partition = "marts/" + mart.dir() + "/dt=" + day;
      List<String> expected = PipelineRuns.martRows(fromFiles.resolve(partition));
      assertFalse(expected.isEmpty(), partition);
      assertEquals(expected, PipelineRuns.martRows(fromKafka.resolve(partition)), partition);
    }
  }

  /** Each line of the raw event files, its timestamp in the hour of its folder, over {@code partitions}. */
  private static List<Message> rawEventMessages(Path events, int partitions) throws IOException {
    List<Message> messages = new ArrayList<>();
    CompressionCodecFactory codecs = new CompressionCodecFactory(localConf());
    List<Path> files;
    try (Stream<Path> walk = Files.walk(events)) {
      files = walk.filter(Files::isRegularFile).filter(f -> f.getParent().getFileName().toString().startsWith("hr="))
          .filter(f -> !f.getFileName().toString().startsWith("_") && !f.getFileName().toString().startsWith("."))
          .sorted().toList();
    }
    for (Path file : files) {
      String hour = file.getParent().getFileName().toString().substring("hr=".length());
      String date = file.getParent().getParent().getFileName().toString().substring("dt=".length());
      long start = Instant.parse(date + "T" + hour + ":00:00Z").toEpochMilli();
      CompressionCodec codec = codecs.getCodec(new org.apache.hadoop.fs.Path(file.toUri()));
      try (InputStream raw = Files.newInputStream(file);
          InputStream in = codec == null ? raw : codec.createInputStream(raw)) {
        int line = 0;
        for (String text : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
          if (!text.isEmpty()) {
            messages.add(new Message(messages.size() % partitions, start + line++,
                text.getBytes(StandardCharsets.UTF_8)));
          }
        }
      }
    }
    return messages;
  }

  /** {@code count} events from number {@code first}, {@code seconds} apart from START, over three partitions. */
  private static List<Message> events(int first, int count, int seconds) {
    return events(first, count, seconds, 3);
  }

  private static List<Message> events(int first, int count, int seconds, int partitions) {
    List<Message> messages = new ArrayList<>();
    for (int i = first; i < first + count; i++) {
      String value = "{\"event_id\":\"e-" + i + "\",\"event_type\":\"page_view\",\"note\":\"é ✓\"}";
      messages.add(new Message(i % partitions, START.toEpochMilli() + i * seconds * 1000L,
          value.getBytes(StandardCharsets.UTF_8)));
    }
    return messages;
  }

  /** The lines each hour must hold: the valid values, as text, by {@code dt=D/hr=HH}, sorted. */
  private static Map<String, List<String>> expectedLines(List<Message> messages) {
    Map<String, List<String>> lines = new TreeMap<>();
    for (Message message : messages) {
      String text = new String(message.value(), StandardCharsets.UTF_8);
      if (text.contains("\n") || text.contains("\uFFFD")) {
        continue;
      }
      lines.computeIfAbsent(ArrivalHour.of(message.timestamp()).partition(), h -> new ArrayList<>()).add(text);
    }
    lines.values().forEach(values -> values.sort(null));
    return lines;
  }

  private static Map<String, List<String>> linesByHour(Path root) throws IOException {
    Map<String, List<String>> lines = new TreeMap<>();
    Path events = root.resolve("raw/events");
    try (Stream<Path> files = Files.walk(events)) {
      for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".jsonl"))
          .filter(f -> !events.relativize(f).startsWith(PullEventsJob.KAFKA_DIR)).toList()) {
        String hour = events.relativize(file.getParent()).toString();
        lines.computeIfAbsent(hour, h -> new ArrayList<>()).addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
      }
    }
    lines.values().forEach(values -> values.sort(null));
    return lines;
  }

  private static List<String> closedHours(Path root) throws IOException {
    Path events = root.resolve("raw/events");
    try (Stream<Path> files = Files.walk(events)) {
      return files.filter(f -> f.getFileName().toString().equals("_SUCCESS"))
          .map(f -> events.relativize(f.getParent()).toString()).sorted().toList();
    }
  }

  private static List<QuarantineRecord> quarantined(Path root) throws IOException {
    List<QuarantineRecord> records = new ArrayList<>();
    Path quarantine = root.resolve("quarantine/" + PullEventsJob.QUARANTINE_DATASET);
    try (Stream<Path> files = Files.walk(quarantine)) {
      for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".avro")).toList()) {
        try (DataFileReader<QuarantineRecord> reader = new DataFileReader<>(file.toFile(),
            new SpecificDatumReader<>(QuarantineRecord.class))) {
          reader.forEach(records::add);
        }
      }
    }
    return records;
  }

  private record Run(int exitCode, String out, String err) {
  }

  private static Run pull(Path root, String topic, String... more) throws Exception {
    List<String> args = new ArrayList<>();
    for (int i = 0; i + 1 < more.length; i += 2) {
      if (more[i].equals("-D")) {
        args.addAll(List.of(more[i], more[i + 1]));
      }
    }
    args.addAll(List.of("--topic", topic, "--root", root.toString(), "--lateness-minutes", NO_LATENESS_CLOSING));
    boolean bootstrapGiven = false;
    for (int i = 0; i + 1 < more.length; i += 2) {
      if (!more[i].equals("-D")) {
        args.addAll(List.of(more[i], more[i + 1]));
        bootstrapGiven |= more[i].equals("--bootstrap");
      }
    }
    if (!bootstrapGiven) {
      args.addAll(List.of("--bootstrap", broker.bootstrap()));
    }
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(errors, true, StandardCharsets.UTF_8));
    try {
      int exitCode = ToolRunner.run(localConf(), new PullEventsJob(), args.toArray(new String[0]));
      return new Run(exitCode, printed.toString(StandardCharsets.UTF_8), errors.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }

  private static Process childPull(Path root, String topic, String step) throws IOException {
    Files.createDirectories(root);
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(arg -> arg.startsWith("--add-opens")).forEach(command::add);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), MrSuiteDriver.class.getName(),
        PullEventsJob.NAME, "-D", CrashPoints.CRASH_AT + "=" + step, "-D", "fs.defaultFS=file:///",
        "-D", "mapreduce.framework.name=local", "--topic", topic, "--root", root.toString(),
        "--bootstrap", broker.bootstrap(), "--lateness-minutes", NO_LATENESS_CLOSING));
    File log = root.resolve("child.log").toFile();
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
  }

  /** What CrashPoints halts the JVM with, as kill -9 would. */
  private static final class CrashExit {
    static final int STATUS = 137;
  }

  private static Configuration localConf() {
    Configuration conf = new Configuration();
    conf.set("fs.defaultFS", "file:///");
    conf.set("mapreduce.framework.name", "local");
    return conf;
  }
}
