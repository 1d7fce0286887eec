package io.mrsuite.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** Reads a job's run manifest into the same shape as the expectations. */
final class Manifests {
  private Manifests() {
  }

  static ExpectedIngest.DayCounts counts(FileSystem fs, Path partition) throws IOException {
    JsonNode records;
    try (InputStream in = fs.open(new Path(partition, "_manifest.json"))) {
      records = new ObjectMapper().readTree(in).get("records");
    }
    Map<String, Long> byReason = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = records.get("quarantined_by_reason").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      byReason.put(entry.getKey(), entry.getValue().asLong());
    }
    return new ExpectedIngest.DayCounts(records.get("read").asLong(), records.get("written").asLong(),
        records.get("quarantined").asLong(), records.get("skipped").asLong(), byReason);
  }
}
