package io.mrsuite.oozie.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.fs.FileSystem;

/** A run's books in one shape for the hand-checked expectations (test-data/expected) and the run manifests. */
record ExpectedBooks(long read, long written, long quarantined, long skipped, Map<String, Long> byReason) {

  /** One day of {@code test-data/expected/<file>}. */
  static ExpectedBooks expected(Path file, String date) throws IOException {
    JsonNode day = new ObjectMapper().readTree(file.toFile()).get("days").get(date);
    return of(day, "by_reason");
  }

  /** The books of the run manifest in {@code partition}. */
  static ExpectedBooks manifest(FileSystem fs, org.apache.hadoop.fs.Path partition) throws IOException {
    try (InputStream in = fs.open(new org.apache.hadoop.fs.Path(partition, "_manifest.json"))) {
      return of(new ObjectMapper().readTree(in).get("records"), "quarantined_by_reason");
    }
  }

  private static ExpectedBooks of(JsonNode records, String reasonsField) {
    Map<String, Long> byReason = new TreeMap<>();
    records.get(reasonsField).fields()
        .forEachRemaining(entry -> byReason.put(entry.getKey(), entry.getValue().asLong()));
    return new ExpectedBooks(records.get("read").asLong(), records.get("written").asLong(),
        records.get("quarantined").asLong(), records.get("skipped").asLong(), byReason);
  }
}
