package io.mrsuite.bench.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mrsuite.formats.avro.Event;
import io.mrsuite.formats.avro.QuarantineRecord;
import io.mrsuite.jobs.ingest.events.IngestEventsJob;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.avro.file.DataFileConstants;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.commons.io.FileUtils;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.util.ToolRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The plain loop does ingest-events' work: on the sample it keeps the books test-data/expected gives, quarantines
 * the lines it lists, and writes the very records the job writes, in files of the same schema and codec.
 */
class PlainIngestLoopTest {
  private static final Path TEST_DATA = Paths.get("..", "test-data").toAbsolutePath().normalize();
  private static final Path SAMPLE = TEST_DATA.resolve("warehouse");

  @TempDir
  Path out;

  @Test
  void booksOfEachSampleDayAreIngestEventsOwn() throws Exception {
    JsonNode expected = expectedBooks();
    for (Map.Entry<String, JsonNode> day : (Iterable<Map.Entry<String, JsonNode>>) expected.get("days")::fields) {
      JsonNode books = day.getValue();
      Path dayOut = out.resolve(day.getKey());
      PlainIngestLoop.Counts counts = PlainIngestLoop.run(SAMPLE, LocalDate.parse(day.getKey()),
          expected.get("late_days").asInt(), dayOut);
      assertEquals(new PlainIngestLoop.Counts(books.get("read").asLong(), books.get("written").asLong(),
          books.get("quarantined").asLong(), books.get("skipped").asLong()), counts, day.getKey());
      Map<String, Long> reasons = new TreeMap<>();
      for (QuarantineRecord record : read(dayOut.resolve("quarantine.avro"), QuarantineRecord.class)) {
        reasons.merge(record.getReason().toString(), 1L, Long::sum);
      }
      Map<String, Long> expectedReasons = new TreeMap<>();
      books.get("by_reason").fields().forEachRemaining(e -> expectedReasons.put(e.getKey(), e.getValue().asLong()));
      assertEquals(expectedReasons, reasons, day.getKey());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-11-20", "2026-11-21"})
  void quarantinesTheExpectedLines(String date) throws Exception {
    Path dayOut = out.resolve(date);
    PlainIngestLoop.run(SAMPLE, LocalDate.parse(date), expectedBooks().get("late_days").asInt(), dayOut);

    List<String> quarantined = new ArrayList<>();
    for (QuarantineRecord record : read(dayOut.resolve("quarantine.avro"), QuarantineRecord.class)) {
      Path file = SAMPLE.relativize(Paths.get(URI.create(record.getSourceFile())));
      quarantined.add(file + ":" + record.getLineNumber() + ":" + record.getByteOffset() + ":" + record.getReason());
    }
    quarantined.sort(null);
    assertEquals(expectedQuarantine(date), quarantined);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-11-20", "2026-11-21"})
  void writesTheRecordsIngestEventsWrites(String date) throws Exception {
    Path root = out.resolve("warehouse");
    Path raw = Paths.get("raw", "events", "dt=" + date);
    FileUtils.copyDirectory(SAMPLE.resolve(raw).toFile(), root.resolve(raw).toFile());
    hideCopies(root.resolve(raw));
    Configuration conf = new Configuration();
    conf.set("fs.defaultFS", "file:///");
    conf.set("mapreduce.framework.name", "local");
    assertEquals(0, ToolRunner.run(conf, new IngestEventsJob(), new String[] {"--root", root.toString(), "--date", date}));

    Path loopOut = out.resolve("loop");
    PlainIngestLoop.run(root, LocalDate.parse(date), expectedBooks().get("late_days").asInt(), loopOut);

    List<Path> jobEvents = partFiles(root.resolve("curated/events/dt=" + date));
    List<Path> jobQuarantine = partFiles(root.resolve("quarantine/events/dt=" + date));
    assertFalse(texts(jobEvents, Event.class).isEmpty(), "the job wrote no events");
    assertEquals(texts(jobEvents, Event.class), texts(List.of(loopOut.resolve("curated.avro")), Event.class));
    assertEquals(texts(jobQuarantine, QuarantineRecord.class),
        texts(List.of(loopOut.resolve("quarantine.avro")), QuarantineRecord.class));
    assertEquals(layout(jobEvents.get(0)), layout(loopOut.resolve("curated.avro")));
    assertEquals(layout(jobQuarantine.get(0)), layout(loopOut.resolve("quarantine.avro")));
  }

  private static JsonNode expectedBooks() throws IOException {
    return new ObjectMapper().readTree(TEST_DATA.resolve("expected/ingest-events.json").toFile());
  }

  /** What a container file says of how it is written: its schema and codec. */
  private static List<String> layout(Path file) throws IOException {
    try (DataFileReader<Object> reader = new DataFileReader<>(file.toFile(), new GenericDatumReader<>())) {
      return List.of(reader.getSchema().toString(), reader.getMetaString(DataFileConstants.CODEC));
    }
  }

  /**
   * Puts hidden copies of a data file beside it, as Hadoop's {@code .crc} files and a lander's temporary files
   * lie in real partitions: neither the job nor the loop may read them.
   */
  private static void hideCopies(Path partition) throws IOException {
    try (Stream<Path> files = Files.walk(partition)) {
      Path data = files.filter(file -> file.getFileName().toString().endsWith(".jsonl")).findFirst().orElseThrow();
      Files.copy(data, data.resolveSibling("." + data.getFileName()));
      Files.copy(data, data.resolveSibling("_" + data.getFileName()));
    }
  }

  /** The non-skipped lines of expected/ingest-events-lines.tsv for {@code date}, as file:line:offset:REASON. */
  private static List<String> expectedQuarantine(String date) throws IOException {
    List<String> lines = Files.readAllLines(TEST_DATA.resolve("expected/ingest-events-lines.tsv"));
    List<String> expected = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] row = line.split("\t");
      if (row.length == 5 && row[0].equals(date) && !row[4].equals("SKIPPED")) {
        expected.add(row[1] + ":" + row[2] + ":" + row[3] + ":" + row[4]);
      }
    }
    expected.sort(null);
    return expected;
  }

  private static List<Path> partFiles(Path partition) throws IOException {
    try (Stream<Path> files = Files.list(partition)) {
      return files.filter(file -> file.getFileName().toString().matches("part-.*\\.avro")).toList();
    }
  }

  /** Every record of the files as Avro prints it, sorted: the files' records as a bag. */
  private static <T> List<String> texts(List<Path> files, Class<T> type) throws IOException {
    List<String> texts = new ArrayList<>();
    for (Path file : files) {
      read(file, type).forEach(record -> texts.add(record.toString()));
    }
    texts.sort(null);
    return texts;
  }

  private static <T> List<T> read(Path file, Class<T> type) throws IOException {
    List<T> records = new ArrayList<>();
    try (DataFileReader<T> reader = new DataFileReader<>(file.toFile(), new SpecificDatumReader<>(type))) {
      reader.forEach(records::add);
    }
    return records;
  }
}
