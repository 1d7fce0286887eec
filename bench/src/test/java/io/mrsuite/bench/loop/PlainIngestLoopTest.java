package io.mrsuite.bench.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mrsuite.formats.avro.Event;
import io.mrsuite.formats.avro.QuarantineRecord;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.specific.SpecificDatumReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plain loop does ingest-events' work: on the sample, its books and files are what the job's must be. */
class PlainIngestLoopTest {
  private static final Path TEST_DATA = Paths.get("..", "test-data");

  @TempDir
  Path out;

  @Test
  void booksAndFilesOfEachSampleDayAreIngestEventsOwn() throws Exception {
    JsonNode expected = new ObjectMapper().readTree(TEST_DATA.resolve("expected/ingest-events.json").toFile());
    int lateDays = expected.get("late_days").asInt();
    for (Map.Entry<String, JsonNode> day : (Iterable<Map.Entry<String, JsonNode>>) expected.get("days")::fields) {
      JsonNode books = day.getValue();
      Path dayOut = out.resolve(day.getKey());
      PlainIngestLoop.Counts counts = PlainIngestLoop.run(TEST_DATA.resolve("warehouse"),
          LocalDate.parse(day.getKey()), lateDays, dayOut);
      assertEquals(new PlainIngestLoop.Counts(books.get("read").asLong(), books.get("written").asLong(),
          books.get("quarantined").asLong(), books.get("skipped").asLong()), counts, day.getKey());

      long events = 0;
      try (DataFileReader<Event> file = new DataFileReader<>(dayOut.resolve("curated.avro").toFile(),
          new SpecificDatumReader<>(Event.class))) {
        for (Event ignored : file) {
          events++;
        }
      }
      assertEquals(books.get("written").asLong(), events);
      Map<String, Long> reasons = new TreeMap<>();
      try (DataFileReader<QuarantineRecord> file = new DataFileReader<>(dayOut.resolve("quarantine.avro").toFile(),
          new SpecificDatumReader<>(QuarantineRecord.class))) {
        for (QuarantineRecord record : file) {
          reasons.merge(record.getReason().toString(), 1L, Long::sum);
        }
      }
      Map<String, Long> expectedReasons = new TreeMap<>();
      books.get("by_reason").fields().forEachRemaining(e -> expectedReasons.put(e.getKey(), e.getValue().asLong()));
      assertEquals(expectedReasons, reasons, day.getKey());
    }
  }
}
