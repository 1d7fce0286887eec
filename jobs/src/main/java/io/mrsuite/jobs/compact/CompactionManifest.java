package io.mrsuite.jobs.compact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mrsuite.jobs.run.RunManifest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The compacted partition's {@value RunManifest#FILE_NAME}, with one entry appended per compaction.
 *
 * <p>It is the manifest of the run that wrote the partition, kept as it was because its books still describe
 * these records. Each compaction appends an entry to its {@code compactions} array. A partition without a
 * manifest gets one holding only that array.
 */
final class CompactionManifest {
  static final String COMPACTIONS = "compactions";

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final ObjectNode root;

  private CompactionManifest(ObjectNode root) {
    this.root = root;
  }

  /** The partition's manifest, or an empty one when it has none. */
  static CompactionManifest of(FileSystem fs, Path partition, boolean hasManifest) throws IOException {
    if (!hasManifest) {
      return new CompactionManifest(JSON.createObjectNode());
    }
    try (InputStream in = fs.open(new Path(partition, RunManifest.FILE_NAME))) {
      JsonNode node = JSON.readTree(in);
      if (!(node instanceof ObjectNode object)) {
        throw new IOException(partition + "/" + RunManifest.FILE_NAME + " is not a JSON object");
      }
      return new CompactionManifest(object);
    }
  }

  /** Appends and returns a new entry for this compaction, for the caller to fill. */
  ObjectNode addCompaction() {
    JsonNode existing = root.get(COMPACTIONS);
    ArrayNode compactions = existing instanceof ArrayNode array ? array : root.putArray(COMPACTIONS);
    return compactions.addObject();
  }

  void writeTo(FileSystem fs, Path dir) throws IOException {
    try (OutputStream out = fs.create(new Path(dir, RunManifest.FILE_NAME), true)) {
      JSON.writeValue(out, root);
    }
  }
}
