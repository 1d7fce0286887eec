package io.mrsuite.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The bench's results: one row per measured run with what Hadoop's counters say it did, and the peers'
 * ratios against what they stand in for, printed as a table and written as JSON.
 */
public final class BenchReport {
  private static final String FILE_INPUT = "File Input Format Counters ";
  private static final String FRAMEWORK = "Map-Reduce Framework";
  private static final String FILE_SYSTEM = "File System Counters";

  /** A peer against what it stands in for, measured in the same run. */
  public record Comparison(String peer, String ours, Measurement peerRun, Measurement ourRun, String checked) {
    double wallRatio() {
      return ourRun.wallSeconds() / peerRun.wallSeconds();
    }

    double cpuRatio() {
      return ourRun.cpuSeconds() / peerRun.cpuSeconds();
    }
  }

  private final ObjectNode root;
  private final List<Measurement> runs = new ArrayList<>();
  private final List<Comparison> comparisons = new ArrayList<>();

  public BenchReport(ObjectNode header) {
    this.root = header;
  }

  public void add(Measurement run) {
    runs.add(run);
  }

  public void compare(Comparison comparison) {
    comparisons.add(comparison);
  }

  /** Bytes a run read: the input formats' count, else the filesystem's. */
  static long inputBytes(Measurement run) {
    long bytes = run.counters().get(FILE_INPUT, "Bytes Read");
    return bytes > 0 ? bytes : run.counters().get(FILE_SYSTEM, "FILE: Number of bytes read");
  }

  static long inputRecords(Measurement run) {
    return run.counters().get(FRAMEWORK, "Map input records");
  }

  public void print(PrintStream out) {
    out.printf(Locale.ROOT, "%-22s %9s %11s %8s %8s %7s %10s %8s %6s %6s %11s %10s%n", "run", "input MB", "records",
        "wall s", "CPU s", "MB/s", "records/s", "heap MB", "maps", "reds", "spilled", "shuffle MB");
    for (Measurement run : runs) {
      long bytes = inputBytes(run);
      long records = inputRecords(run);
      out.printf(Locale.ROOT, "%-22s %9.1f %11d %8.1f %8.1f %7.1f %10.0f %8d %6d %6d %11d %10.1f%n", run.name(),
          bytes / 1e6, records, run.wallSeconds(), run.cpuSeconds(), run.megabytesPerSecond(bytes),
          run.wallSeconds() > 0 ? records / run.wallSeconds() : 0, run.peakHeapBytes() >> 20,
          run.counters().mapTasks(), run.counters().reduceTasks(), run.counters().get(FRAMEWORK, "Spilled Records"),
          run.counters().get(FRAMEWORK, "Reduce shuffle bytes") / 1e6);
    }
    if (comparisons.isEmpty()) {
      return;
    }
    out.println();
    out.printf(Locale.ROOT, "%-34s %-16s %10s %10s %12s %12s  %s%n", "ours vs peer", "", "ours wall", "peer wall",
        "wall ratio", "CPU ratio", "checked");
    for (Comparison c : comparisons) {
      out.printf(Locale.ROOT, "%-34s %-16s %9.1fs %9.1fs %11.2fx %11.2fx  %s%n", c.ours() + " vs " + c.peer(), "",
          c.ourRun().wallSeconds(), c.peerRun().wallSeconds(), c.wallRatio(), c.cpuRatio(), c.checked());
    }
  }

  public void write(Path file) throws IOException {
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ArrayNode runNodes = root.putArray("runs");
    for (Measurement run : runs) {
      ObjectNode node = runNodes.addObject();
      node.put("name", run.name());
      node.put("exit_code", run.exitCode());
      node.put("input_bytes", inputBytes(run));
      node.put("input_records", inputRecords(run));
      node.put("wall_s", run.wallSeconds());
      node.put("cpu_s", run.cpuSeconds());
      node.put("mb_per_s", run.megabytesPerSecond(inputBytes(run)));
      node.put("records_per_s", run.wallSeconds() > 0 ? inputRecords(run) / run.wallSeconds() : 0);
      node.put("peak_heap_bytes", run.peakHeapBytes());
      node.put("gc_s", run.gcSeconds());
      node.put("mapreduce_jobs", run.counters().jobs());
      node.put("map_tasks", run.counters().mapTasks());
      node.put("reduce_tasks", run.counters().reduceTasks());
      node.put("spilled_records", run.counters().get(FRAMEWORK, "Spilled Records"));
      node.put("shuffle_bytes", run.counters().get(FRAMEWORK, "Reduce shuffle bytes"));
      ObjectNode counters = node.putObject("counters");
      run.counters().all().forEach(counters::put);
    }
    ArrayNode comparisonNodes = root.putArray("comparisons");
    for (Comparison c : comparisons) {
      ObjectNode node = comparisonNodes.addObject();
      node.put("ours", c.ours());
      node.put("peer", c.peer());
      node.put("ours_wall_s", c.ourRun().wallSeconds());
      node.put("peer_wall_s", c.peerRun().wallSeconds());
      node.put("ours_cpu_s", c.ourRun().cpuSeconds());
      node.put("peer_cpu_s", c.peerRun().cpuSeconds());
      node.put("wall_ratio", c.wallRatio());
      node.put("cpu_ratio", c.cpuRatio());
      node.put("checked", c.checked());
    }
    json.writeValue(file.toFile(), root);
  }
}
