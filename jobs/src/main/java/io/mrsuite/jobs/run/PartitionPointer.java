package io.mrsuite.jobs.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mrsuite.formats.partition.PartitionNames;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The pointer of a partition published on an object store: its {@code _SUCCESS}, naming the run directory
 * ({@code run-<run id>}) inside the partition that holds its data.
 *
 * <p>Writing it is one PUT, which an object store makes visible whole: a reader that resolves the pointer reads
 * one run's files, never a mix. A partition without a pointer (on local files and HDFS, or written before) holds
 * its data itself; its {@code _SUCCESS} is empty, or an S3A committer's summary, which names no data directory.
 *
 * @param runId the run that wrote the data
 * @param data the run directory's name, inside the partition
 */
public record PartitionPointer(String runId, String data) {
  /**
   * Names of run directories. Not hidden, since Hadoop's input formats drop an input path whose name starts with
   * {@code _} or {@code .}; and not {@code key=value}, which Spark would take for a partition column and read every
   * run's files. A reader that lists the partition without the pointer finds a directory where it expects files,
   * and fails, rather than reading two runs' files.
   */
  public static final String RUN_DIR_PREFIX = "run-";
  private static final String DATA_FIELD = "mrsuite_data";
  private static final String RUN_FIELD = "run_id";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The run directory a run publishes from in {@code partition}. */
  public static Path runDir(Path partition, String runId) {
    return new Path(partition, RUN_DIR_PREFIX + runId);
  }

  /** The directory that holds a partition's data: the one its pointer names, else the partition itself. */
  public static Path dataDir(FileSystem fs, Path partition) throws IOException {
    Optional<PartitionPointer> pointer = read(fs, partition);
    return pointer.isPresent() ? new Path(partition, pointer.get().data()) : partition;
  }

  /** The partition's pointer; empty when its {@code _SUCCESS} is missing or names no data directory. */
  public static Optional<PartitionPointer> read(FileSystem fs, Path partition) throws IOException {
    Path file = new Path(partition, PartitionNames.SUCCESS_MARKER);
    JsonNode pointer;
    try (InputStream in = fs.open(file)) {
      byte[] bytes = in.readAllBytes();
      if (bytes.length == 0) {
        return Optional.empty();
      }
      pointer = JSON.readTree(bytes);
    } catch (FileNotFoundException | JsonProcessingException e) {
      return Optional.empty();
    }
    String data = pointer.path(DATA_FIELD).textValue();
    if (data == null) {
      return Optional.empty();
    }
    if (!data.startsWith(RUN_DIR_PREFIX) || data.contains("/")) {
      throw new IOException(file + " names " + data + ", not a run directory of its partition");
    }
    return Optional.of(new PartitionPointer(pointer.path(RUN_FIELD).asText(), data));
  }

  /** Points {@code partition} at this run's directory: one PUT of a small object, visible whole or not at all. */
  void write(FileSystem fs, Path partition) throws IOException {
    ObjectNode json = JSON.createObjectNode();
    json.put(RUN_FIELD, runId);
    json.put(DATA_FIELD, data);
    try (OutputStream out = fs.create(new Path(partition, PartitionNames.SUCCESS_MARKER), true)) {
      out.write(JSON.writeValueAsString(json).getBytes(StandardCharsets.UTF_8));
    }
  }
}
