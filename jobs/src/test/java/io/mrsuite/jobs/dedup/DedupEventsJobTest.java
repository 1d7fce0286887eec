package io.mrsuite.jobs.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mrsuite.formats.avro.Event;
import io.mrsuite.jobs.ingest.events.IngestEventsJob;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.commons.io.FileUtils;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapreduce.MRJobConfig;
import org.apache.hadoop.util.ToolRunner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dedup-events in local mode over the sample warehouse's curated events: exactly the first copy of each
 * event id of the day, checked against a plain-Java computation over the same curated records, and the
 * same records in the same order with 1 and 4 reducers.
 */
class DedupEventsJobTest {
  private static final LocalDate DAY = LocalDate.of(2026, 11, 20);

  @TempDir
  static Path root;

  @BeforeAll
  static void ingestTheSample() throws Exception {
    FileUtils.copyDirectory(Paths.get("..", "test-data", "warehouse", "raw", "events").toFile(),
        root.resolve("raw/events").toFile());
    for (LocalDate day : List.of(DAY, DAY.plusDays(1))) {
      assertEquals(0, ToolRunner.run(conf(1), new IngestEventsJob(),
          new String[] {"--root", root.toString(), "--date", day.toString()}));
    }
  }

  @Test
  void keepsTheFirstCopyOfEachEventOfTheDayWhateverTheNumberOfReducers() throws Exception {
    List<Event> oneReducer = dedup(1);
    List<Event> fourReducers = dedup(4);

    assertEquals(expectedFirstCopies(), sortedById(oneReducer));
    assertEquals(oneReducer, fourReducers, "same records in the same order");
    assertTrue(oneReducer.size() > 100, "records: " + oneReducer.size());
  }

  /** The first copy of each event id dated DAY, by (arrival date, file, offset), computed directly. */
  private static List<Event> expectedFirstCopies() throws IOException {
    Map<String, Event> first = new HashMap<>();
    Comparator<Event> arrivalOrder = Comparator.comparing(Event::getArrivalDate)
        .thenComparing(Event::getSourceFile).thenComparing(Event::getSourceOffset);
    for (LocalDate arrival : List.of(DAY, DAY.plusDays(1))) {
      for (Event event : read(root.resolve("curated/events/dt=" + arrival))) {
        if (event.getEventTime().atOffset(ZoneOffset.UTC).toLocalDate().equals(DAY)) {
          first.merge(event.getEventId(), event, (a, b) -> arrivalOrder.compare(a, b) <= 0 ? a : b);
        }
      }
    }
    return sortedById(new ArrayList<>(first.values()));
  }

  private static List<Event> dedup(int reducers) throws Exception {
    assertEquals(0, ToolRunner.run(conf(reducers), new DedupEventsJob(),
        new String[] {"--root", root.toString(), "--date", DAY.toString()}));
    return read(root.resolve("curated/events_dedup/dt=" + DAY));
  }

  private static List<Event> sortedById(List<Event> events) {
    List<Event> sorted = new ArrayList<>(events);
    sorted.sort(Comparator.comparing(Event::getEventId));
    return sorted;
  }

  /** The records of a partition, part files in name order. */
  private static List<Event> read(Path partition) throws IOException {
    List<File> parts;
    try (Stream<Path> files = Files.list(partition)) {
      parts = files.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().map(Path::toFile).toList();
    }
    List<Event> events = new ArrayList<>();
    for (File part : parts) {
      try (DataFileReader<Event> reader = new DataFileReader<>(part, new SpecificDatumReader<>(Event.class))) {
        reader.forEach(events::add);
      }
    }
    return events;
  }

  private static Configuration conf(int reducers) {
    Configuration conf = new Configuration();
    conf.set("fs.defaultFS", "file:///");
    conf.set("mapreduce.framework.name", "local");
    conf.setInt(MRJobConfig.NUM_REDUCES, reducers);
    return conf;
  }
}
