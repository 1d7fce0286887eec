package io.mrsuite.jobs.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mrsuite.formats.quarantine.QuarantineReason;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The JSON run manifest a job leaves beside its output, saying what ran on which input and what it wrote.
 *
 * <p>It also holds the run's books. The file is {@value #FILE_NAME}, a hidden name, so readers of the
 * partition skip it.
 */
public final class RunManifest {
  public static final String FILE_NAME = "_manifest.json";

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final ObjectNode root = JSON.createObjectNode();

  public RunManifest(String job, String jobId, String runId) {
    root.put("job", job);
    root.put("job_id", jobId);
    root.put("run_id", runId);
  }

  public RunManifest put(String key, String value) {
    root.put(key, value);
    return this;
  }

  public RunManifest put(String key, long value) {
    root.put(key, value);
    return this;
  }

  public RunManifest paths(String key, List<Path> paths) {
    ArrayNode array = root.putArray(key);
    paths.forEach(p -> array.add(p.toString()));
    return this;
  }

  public RunManifest books(RecordBooks books) {
    ObjectNode records = root.putObject("records");
    records.put("read", books.read());
    records.put("written", books.written());
    records.put("quarantined", books.quarantined());
    records.put("skipped", books.skipped());
    records.put("duplicates_removed", books.duplicatesRemoved());
    ObjectNode reasons = records.putObject("quarantined_by_reason");
    for (Map.Entry<QuarantineReason, Long> entry : books.byReason().entrySet()) {
      reasons.put(entry.getKey().name(), entry.getValue());
    }
    return this;
  }

  public void writeTo(FileSystem fs, Path dir) throws IOException {
    try (OutputStream out = fs.create(new Path(dir, FILE_NAME), true)) {
      JSON.writeValue(out, root);
    }
  }

  @Override
  public String toString() {
    return root.toPrettyString();
  }
}
