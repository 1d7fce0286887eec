package io.mrsuite.jobs.dq;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mrsuite.jobs.run.RunManifest;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The books of the run that wrote a partition, read from its {@code _manifest.json}.
 *
 * <p>The report takes these counts as the jobs recorded them in their RunManifest. It does not recount the
 * raw input.
 */
record RunBooks(String job, String runId, long read, long written, long quarantined, long skipped,
    long duplicatesRemoved, Map<String, Long> quarantinedByReason) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The partition's run books, or empty when it has no manifest. */
  static Optional<RunBooks> of(FileSystem fs, Path partition) throws IOException {
    Path manifest = new Path(partition, RunManifest.FILE_NAME);
    if (!fs.exists(manifest)) {
      return Optional.empty();
    }
    JsonNode root;
    try (InputStream in = fs.open(manifest)) {
      root = JSON.readTree(in);
    }
    JsonNode records = root.path("records");
    Map<String, Long> reasons = new LinkedHashMap<>();
    records.path("quarantined_by_reason").fields()
        .forEachRemaining(entry -> reasons.put(entry.getKey(), entry.getValue().asLong()));
    return Optional.of(new RunBooks(root.path("job").asText(), root.path("run_id").asText(),
        records.path("read").asLong(), records.path("written").asLong(), records.path("quarantined").asLong(),
        records.path("skipped").asLong(), records.path("duplicates_removed").asLong(), reasons));
  }
}
