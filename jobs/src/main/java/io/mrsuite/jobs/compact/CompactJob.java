package io.mrsuite.jobs.compact;

import io.mrsuite.formats.partition.PartitionNames;
import io.mrsuite.jobs.run.JobFailedException;
import io.mrsuite.jobs.tool.Dates;
import io.mrsuite.jobs.tool.JobOptions;
import io.mrsuite.jobs.tool.MrSuiteTool;
import io.mrsuite.jobs.tool.PathOptions;
import io.mrsuite.jobs.tool.UsageException;
import io.mrsuite.jobs.tool.WarehouseBounds;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.util.ToolRunner;

/**
 * Rewrites a partition of many small Avro or Parquet files into files of about {@code --target-size}.
 *
 * <p>This is {@code compact --dataset DIR} (docs/compact.md). The records, schema and codec stay the same.
 * The partition is swapped in atomically after proving that the compacted files hold exactly the records of
 * the originals, by count and order-independent checksum. With {@code --root --table --from --to} it compacts
 * each date partition of the range in turn, each swapped on its own.
 */
public class CompactJob extends MrSuiteTool {
  public static final String NAME = "compact";
  /** HDFS's block size on many clusters: a compacted file then fills one block. */
  public static final String DEFAULT_TARGET_SIZE = "256m";

  @Override
  protected JobOptions options() {
    return new JobOptions(NAME, "--dataset DIR [--target-size SIZE] [--allow-incomplete]\n"
        + "--root ROOT --table TABLE (--date D | --from D --to D) [--target-size SIZE] [--allow-incomplete]")
        .option("dataset", "DIR", "one partition directory to compact, e.g. .../curated/events/dt=2026-11-20")
        .option("root", "ROOT", "warehouse root (local path or hdfs://...), with --table")
        .option("table", "TABLE", "table below the root, e.g. curated/events; its partitions are dt=D")
        .option("date", "D", "the one date partition to compact (YYYY-MM-DD)")
        .option("from", "D", "first date partition to compact, with --to")
        .option("to", "D", "last date partition to compact (inclusive); dates without a partition are skipped")
        .option("target-size", "SIZE", "size of each compacted file, e.g. 128m, 1g (default " + DEFAULT_TARGET_SIZE
            + "); also the Parquet row group size unless -D parquet.block.size is given")
        .flag("allow-incomplete", "compact a partition without _SUCCESS (the result has none either)");
  }

  @Override
  protected int run(JobOptions.Parsed options) throws UsageException, IOException, InterruptedException,
      ClassNotFoundException {
    long targetBytes;
    try {
      targetBytes = ByteSize.parse(options.has("target-size") ? options.get("target-size") : DEFAULT_TARGET_SIZE);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--target-size: " + e.getMessage());
    }
    List<Path> partitions = partitions(options);
    PartitionCompaction compaction = new PartitionCompaction(getConf(), targetBytes, options.has("allow-incomplete"),
        mapperClass(), System.out);
    for (Path partition : partitions) {
      compaction.compact(partition);
    }
    return 0;
  }

  /**
   * The mapper that copies the records. A seam for tests that prove a mapper losing or changing records
   * gets nothing published.
   */
  protected Class<? extends CompactMapper> mapperClass() {
    return CompactMapper.class;
  }

  private List<Path> partitions(JobOptions.Parsed options) throws UsageException, IOException {
    if (options.has("dataset")) {
      for (String other : List.of("root", "table", "date", "from", "to")) {
        if (options.has(other)) {
          throw new UsageException("give either --dataset or --root/--table with dates, not --" + other + " too");
        }
      }
      return List.of(partitionOption(options.get("dataset")));
    }
    if (!options.has("root")) {
      throw new UsageException("give --dataset DIR, or --root ROOT --table TABLE with --date D or --from D --to D");
    }
    Path root = PathOptions.parse("root", options.get("root"));
    Path table = new Path(root, PathOptions.relative("table", options.required("table")));
    LocalDate from;
    LocalDate to;
    if (options.has("date")) {
      if (options.has("from") || options.has("to")) {
        throw new UsageException("give --date or --from/--to, not both");
      }
      from = Dates.parseOption("date", options.get("date"));
      to = from;
    } else {
      from = Dates.parseOption("from", options.required("from"));
      to = Dates.parseOption("to", options.required("to"));
      if (to.isBefore(from)) {
        throw new UsageException("--to " + to + " is before --from " + from);
      }
    }
    FileSystem fs = table.getFileSystem(getConf());
    List<Path> partitions = new ArrayList<>();
    for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
      Path partition = new Path(table, PartitionNames.dateName(date));
      if (fs.exists(partition)) {
        partitions.add(partition);
      } else {
        System.out.println(NAME + ": no partition " + partition + ", skipped");
      }
    }
    if (partitions.isEmpty()) {
      throw new JobFailedException("no partition of " + table + " from " + from + " to " + to);
    }
    WarehouseBounds.requireInside(root, partitions, getConf());
    return partitions;
  }

  /**
   * The directory of {@code --dataset}: compaction replaces it whole, so it must be named as a date partition
   * ({@code dt=YYYY-MM-DD}), never any directory.
   */
  private static Path partitionOption(String text) throws UsageException {
    Path path = PathOptions.parse("dataset", text);
    if (PartitionNames.parseDate(path.getName()).isEmpty()) {
      throw new UsageException("--dataset must be a partition directory named dt=YYYY-MM-DD: " + text);
    }
    return path;
  }

  public static void main(String[] args) throws Exception {
    System.exit(ToolRunner.run(new CompactJob(), args));
  }
}
