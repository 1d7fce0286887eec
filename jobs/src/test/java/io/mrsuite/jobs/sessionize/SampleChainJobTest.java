package io.mrsuite.jobs.sessionize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mrsuite.formats.avro.EnrichedEvent;
import io.mrsuite.formats.avro.Session;
import io.mrsuite.jobs.dedup.DedupEventsJob;
import io.mrsuite.jobs.enrich.EnrichEventsJob;
import io.mrsuite.jobs.funnel.FunnelDailyJob;
import io.mrsuite.jobs.ingest.csv.IngestFxJob;
import io.mrsuite.jobs.ingest.csv.IngestProductsJob;
import io.mrsuite.jobs.ingest.events.IngestEventsJob;
import io.mrsuite.jobs.productdaily.ProductDailyJob;
import io.mrsuite.jobs.run.MartRows;
import io.mrsuite.jobs.topproducts.TopProductsJob;
import io.mrsuite.jobs.warehouse.Dataset;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.commons.io.FileUtils;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapreduce.MRJobConfig;
import org.apache.hadoop.util.Tool;
import org.apache.hadoop.util.ToolRunner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ingest → dedup → enrich-events → sessionize → marts in local mode over the sample warehouse: the map-side
 * and the reduce-side join write the same records, sessionize writes the same sessions with 1 and 3
 * reducers, the totals are those test-data/check_enrich_sessions.py computed from the raw files, and the
 * marts' Parquet rows are those test-data/check_marts.py computed.
 */
class SampleChainJobTest {
  private static final String DAY = "2026-11-20";

  @TempDir
  static Path root;
  private static JsonNode expectedSessions;

  @BeforeAll
  static void ingestAndDeduplicateTheSample() throws Exception {
    for (String dataset : List.of("events", "products", "fx_rates")) {
      FileUtils.copyDirectory(Paths.get("..", "test-data", "warehouse", "raw", dataset).toFile(),
          root.resolve("raw").resolve(dataset).toFile());
    }
    run(new IngestEventsJob(), 1, "--date", DAY);
    run(new IngestEventsJob(), 1, "--date", "2026-11-21");
    run(new DedupEventsJob(), 2, "--date", DAY);
    run(new IngestProductsJob(), 1, "--date", DAY);
    run(new IngestFxJob(), 1, "--date", DAY);
    expectedSessions = new ObjectMapper().readTree(Paths.get("..", "test-data", "expected", "sessions.json").toFile());
  }

  @Test
  void mapSideAndReduceSideJoinsWriteTheSameEnrichedEvents() throws Exception {
    run(new EnrichEventsJob(), 1, "--date", DAY, "--join", "reduce");
    List<String> reduceSide = enrichedText();
    run(new EnrichEventsJob(), 1, "--date", DAY, "--join", "map");
    List<String> mapSide = enrichedText();

    assertEquals(reduceSide, mapSide);
    assertEquals(expectedSessions.get("totals").get("read").asInt(), mapSide.size());
  }

  @Test
  void sessionsAreTheSameWithOneAndThreeReducersAndMatchTheIndependentTotals() throws Exception {
    run(new EnrichEventsJob(), 1, "--date", DAY);
    run(new SessionizeJob(), 1, "--date", DAY);
    List<Session> one = sessions();
    run(new SessionizeJob(), 3, "--date", DAY);
    List<Session> three = sessions();

    assertEquals(one, three);
    JsonNode totals = expectedSessions.get("totals");
    assertEquals(totals.get("sessions").asInt(), one.size());
    assertEquals(totals.get("written").asInt(), one.stream().mapToInt(Session::getEventCount).sum());
    assertEquals(totals.get("converted_sessions").asInt(), one.stream().filter(Session::getConverted).count());
    List<String> expectedIds = new ArrayList<>();
    expectedSessions.get("sessions").forEach(s -> expectedIds.add(s.get("session_id").asText()));
    assertEquals(expectedIds, one.stream().map(Session::getSessionId).toList());
  }

  @Test
  void martsEqualTheIndependentComputation() throws Exception {
    run(new EnrichEventsJob(), 1, "--date", DAY);
    run(new SessionizeJob(), 2, "--date", DAY);
    run(new ProductDailyJob(), 3, "--date", DAY);
    run(new FunnelDailyJob(), 2, "--date", DAY);
    run(new TopProductsJob(), 3, "--date", DAY);

    MartRows.assertMatchesExpected(Dataset.PRODUCT_DAILY.dir(), root.resolve("marts/product_daily/dt=" + DAY));
    MartRows.assertMatchesExpected(Dataset.FUNNEL_DAILY.dir(), root.resolve("marts/funnel_daily/dt=" + DAY));
    MartRows.assertMatchesExpected(Dataset.TOP_PRODUCTS.dir(), root.resolve("marts/top_products/dt=" + DAY));
  }

  private static void run(Tool job, int reducers, String... args) throws Exception {
    Configuration conf = new Configuration();
    conf.set("fs.defaultFS", "file:///");
    conf.set("mapreduce.framework.name", "local");
    conf.setInt(MRJobConfig.NUM_REDUCES, reducers);
    List<String> all = new ArrayList<>(List.of("--root", root.toString()));
    all.addAll(List.of(args));
    assertEquals(0, ToolRunner.run(conf, job, all.toArray(new String[0])), job.getClass().getSimpleName());
  }

  private static List<String> enrichedText() throws IOException {
    List<String> text = new ArrayList<>();
    for (EnrichedEvent event : read(root.resolve("curated/events_enriched/dt=" + DAY), EnrichedEvent.class)) {
      text.add(event.toString());
    }
    text.sort(null);
    return text;
  }

  /** Sessions sorted by session_id as Java sorts strings (the order of expected/sessions.json for ASCII ids). */
  private static List<Session> sessions() throws IOException {
    List<Session> sessions = read(root.resolve("curated/sessions/dt=" + DAY), Session.class);
    sessions.sort(Comparator.comparing(Session::getSessionId));
    return sessions;
  }

  private static <T> List<T> read(Path partition, Class<T> type) throws IOException {
    List<File> parts;
    try (Stream<Path> files = Files.list(partition)) {
      parts = files.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().map(Path::toFile).toList();
    }
    List<T> records = new ArrayList<>();
    for (File part : parts) {
      try (DataFileReader<T> reader = new DataFileReader<>(part, new SpecificDatumReader<>(type))) {
        reader.forEach(records::add);
      }
    }
    return records;
  }
}
