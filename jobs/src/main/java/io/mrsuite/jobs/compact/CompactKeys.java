package io.mrsuite.jobs.compact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.lib.input.CombineFileSplit;

/**
 * Configuration keys of compact, set by the driver and read by the tasks and the input format. Only these
 * methods touch the key strings.
 */
public final class CompactKeys {
  /** The format of the partition's files: {@link DataFormat} name. */
  public static final String FORMAT = "mrsuite.compact.format";
  /**
   * The planned splits as JSON, {@code [{"hosts": [...], "files": [{"path": ..., "length": ...}]}]}: the
   * driver plans them from the files' headers and footers, and the input format hands them to the framework
   * as they are, each one map writing one compacted file.
   */
  public static final String SPLITS = "mrsuite.compact.splits";

  private static final ObjectMapper JSON = new ObjectMapper();

  private CompactKeys() {
  }

  public static void setFormat(Configuration conf, DataFormat format) {
    conf.set(FORMAT, format.name());
  }

  public static DataFormat format(Configuration conf) {
    String value = conf.get(FORMAT);
    if (value == null) {
      throw new IllegalStateException(FORMAT + " is not set");
    }
    return DataFormat.valueOf(value);
  }

  public static void setSplits(Configuration conf, List<CombineFileSplit> splits) throws IOException {
    ArrayNode array = JSON.createArrayNode();
    for (CombineFileSplit split : splits) {
      ObjectNode node = array.addObject();
      ArrayNode hosts = node.putArray("hosts");
      for (String host : split.getLocations()) {
        hosts.add(host);
      }
      ArrayNode files = node.putArray("files");
      for (int i = 0; i < split.getNumPaths(); i++) {
        files.addObject().put("path", split.getPath(i).toString()).put("length", split.getLength(i));
      }
    }
    conf.set(SPLITS, JSON.writeValueAsString(array));
  }

  public static List<CombineFileSplit> splits(Configuration conf) throws IOException {
    String value = conf.get(SPLITS);
    if (value == null) {
      throw new IllegalStateException(SPLITS + " is not set");
    }
    List<CombineFileSplit> splits = new ArrayList<>();
    for (JsonNode node : JSON.readTree(value)) {
      List<String> hosts = new ArrayList<>();
      node.get("hosts").forEach(host -> hosts.add(host.asText()));
      JsonNode files = node.get("files");
      Path[] paths = new Path[files.size()];
      long[] lengths = new long[files.size()];
      for (int i = 0; i < files.size(); i++) {
        paths[i] = new Path(files.get(i).get("path").asText());
        lengths[i] = files.get(i).get("length").asLong();
      }
      splits.add(new CombineFileSplit(paths, new long[paths.length], lengths, hosts.toArray(new String[0])));
    }
    return splits;
  }
}
