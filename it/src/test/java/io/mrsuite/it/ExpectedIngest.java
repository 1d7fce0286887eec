package io.mrsuite.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The hand-checked expectations of test-data/expected for ingest-events. */
final class ExpectedIngest {
  private final JsonNode counts;
  private final List<String[]> rejectedLines;

  /** Counts of one day, as the run manifest reports them. */
  record DayCounts(long read, long written, long quarantined, long skipped, Map<String, Long> byReason) {
  }

  private ExpectedIngest(JsonNode counts, List<String[]> rejectedLines) {
    this.counts = counts;
    this.rejectedLines = rejectedLines;
  }

  static ExpectedIngest load() throws IOException {
    JsonNode counts = new ObjectMapper().readTree(TestData.expected("ingest-events.json").toFile());
    List<String[]> rows = new ArrayList<>();
    List<String> lines = Files.readAllLines(TestData.expected("ingest-events-lines.tsv"));
    for (String line : lines.subList(1, lines.size())) {
      if (!line.isBlank()) {
        rows.add(line.split("\t"));
      }
    }
    return new ExpectedIngest(counts, rows);
  }

  List<String> days() {
    List<String> days = new ArrayList<>();
    counts.get("days").fieldNames().forEachRemaining(days::add);
    return days;
  }

  DayCounts day(String date) {
    return dayCounts(counts.get("days").get(date));
  }

  /** Every day's counts in an expected-counts file of test-data/expected, by date in file order. */
  static Map<String, DayCounts> counts(String file) throws IOException {
    JsonNode days = new ObjectMapper().readTree(TestData.expected(file).toFile()).get("days");
    Map<String, DayCounts> result = new LinkedHashMap<>();
    days.fields().forEachRemaining(entry -> result.put(entry.getKey(), dayCounts(entry.getValue())));
    return result;
  }

  private static DayCounts dayCounts(JsonNode day) {
    Map<String, Long> byReason = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = day.get("by_reason").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      byReason.put(entry.getKey(), entry.getValue().asLong());
    }
    return new DayCounts(day.get("read").asLong(), day.get("written").asLong(), day.get("quarantined").asLong(),
        day.get("skipped").asLong(), byReason);
  }

  /**
   * The quarantined lines of one day as "file:line:offset:REASON", file relative to the warehouse root,
   * sorted; SKIPPED lines are left out (they are counted, not written).
   */
  List<String> quarantinedLines(String date) {
    List<String> result = new ArrayList<>();
    for (String[] row : rejectedLines) {
      if (row[0].equals(date) && !row[4].equals("SKIPPED")) {
        result.add(row[1] + ":" + row[2] + ":" + row[3] + ":" + row[4]);
      }
    }
    result.sort(null);
    return result;
  }
}
