package io.mrsuite.jobs.storage;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mrsuite.formats.partition.PartitionNames;
import io.mrsuite.jobs.dq.Html;
import io.mrsuite.jobs.dq.SvgCharts;
import io.mrsuite.jobs.retention.RetainedDataset;
import io.mrsuite.jobs.run.JobFailedException;
import io.mrsuite.jobs.run.PartitionPointer;
import io.mrsuite.jobs.run.ReportFiles;
import io.mrsuite.jobs.tool.Dates;
import io.mrsuite.jobs.tool.JobOptions;
import io.mrsuite.jobs.tool.MrSuiteTool;
import io.mrsuite.jobs.tool.UsageException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.util.ToolRunner;

/**
 * {@code storage-report}: per dataset and day, the files, bytes, average file size and compression ratio of the
 * partitions of the {@code --days} days up to D, so the effect of compaction (fewer, larger files) and retention
 * (days gone) shows. Writes {@code reports/storage/dt=D/{storage.json,storage.html}} with {@code _SUCCESS}.
 *
 * <p>A partition's files are its data files: names starting with {@code _} or {@code .} (markers, manifests,
 * checksums) are not counted. The uncompressed size is read, not estimated ({@link FileSizes}); a file that cannot
 * be read through (a compressed upload cut short) is counted in files and bytes, and apart as unreadable.
 */
public class StorageReportJob extends MrSuiteTool {
  public static final String NAME = "storage-report";
  public static final int DEFAULT_DAYS = 14;
  public static final String JSON_FILE = "storage.json";
  public static final String HTML_FILE = "storage.html";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  protected JobOptions options() {
    return new JobOptions(NAME, "--root ROOT --date D [--days N]")
        .option("root", "ROOT", "warehouse root (local path, hdfs://... or s3a://...)")
        .option("date", "D", "the last day reported (YYYY-MM-DD); the report goes to reports/storage/dt=D")
        .option("days", "N", "days reported, D - N + 1 .. D (default " + DEFAULT_DAYS + ")");
  }

  @Override
  protected int run(JobOptions.Parsed options) throws UsageException, IOException {
    Path root = new Path(options.required("root"));
    LocalDate date = Dates.parseOption("date", options.required("date"));
    int days = options.intValue("days", DEFAULT_DAYS, 1);
    FileSystem fs = root.getFileSystem(getConf());
    if (!fs.exists(root)) {
      throw new JobFailedException(NAME + ": no warehouse at " + root);
    }
    FileSizes sizes = new FileSizes(fs, getConf());
    Map<RetainedDataset, Map<LocalDate, PartitionStorage>> report = new LinkedHashMap<>();
    for (RetainedDataset dataset : RetainedDataset.all()) {
      Map<LocalDate, PartitionStorage> byDay = new LinkedHashMap<>();
      for (LocalDate day = date.minusDays(days - 1L); !day.isAfter(date); day = day.plusDays(1)) {
        Path partition = new Path(dataset.dir(root), PartitionNames.dateName(day));
        if (fs.exists(partition)) {
          byDay.put(day, measure(fs, sizes, PartitionPointer.dataDir(fs, partition)));
        }
      }
      if (!byDay.isEmpty()) {
        report.put(dataset, byDay);
      }
    }
    Path output = new Path(new Path(root, "reports/storage"), PartitionNames.dateName(date));
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put(JSON_FILE, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(json(date, days, report)));
    files.put(HTML_FILE, html(date, days, report).getBytes(StandardCharsets.UTF_8));
    Path published = ReportFiles.publish(fs, getConf(), output, UUID.randomUUID().toString(), files);
    print(System.out, date, days, report, published);
    return 0;
  }

  /** The data files under {@code dir}, at any depth ({@code hr=HH} folders of raw events). */
  private static PartitionStorage measure(FileSystem fs, FileSizes sizes, Path dir) throws IOException {
    PartitionStorage storage = PartitionStorage.NONE;
    RemoteIterator<LocatedFileStatus> all = fs.listFiles(dir, true);
    while (all.hasNext()) {
      LocatedFileStatus file = all.next();
      if (hidden(dir, file.getPath())) {
        continue;
      }
      OptionalLong uncompressed = sizes.uncompressed(file.getPath(), file.getLen());
      storage = storage.plus(uncompressed.isPresent()
          ? new PartitionStorage(1, file.getLen(), file.getLen(), uncompressed.getAsLong(), 0)
          : new PartitionStorage(1, file.getLen(), 0, 0, 1));
    }
    return storage;
  }

  /** Whether a name on the way from {@code dir} to {@code file} starts with {@code _} or {@code .}. */
  private static boolean hidden(Path dir, Path file) {
    for (Path at = file; at != null && !at.equals(dir) && at.depth() > dir.depth(); at = at.getParent()) {
      if (PartitionNames.isHidden(at.getName())) {
        return true;
      }
    }
    return false;
  }

  private static ObjectNode json(LocalDate date, int days, Map<RetainedDataset, Map<LocalDate, PartitionStorage>>
      report) {
    ObjectNode root = JSON.createObjectNode().put("date", date.toString()).put("days", days);
    ObjectNode datasets = root.putObject("datasets");
    report.forEach((dataset, byDay) -> {
      ArrayNode rows = datasets.putArray(dataset.label());
      byDay.forEach((day, storage) -> rows.addObject().put("dt", day.toString()).put("files", storage.files())
          .put("bytes", storage.bytes()).put("average_file_bytes", storage.averageFileBytes())
          .put("uncompressed_bytes", storage.uncompressedBytes())
          .put("compression_ratio", Math.round(storage.compressionRatio() * 100) / 100.0)
          .put("unreadable_files", storage.unreadableFiles()));
    });
    return root;
  }

  private static String html(LocalDate date, int days, Map<RetainedDataset, Map<LocalDate, PartitionStorage>>
      report) {
    StringBuilder page = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>")
        .append(Html.escape("storage " + date)).append("</title><style>body{font-family:sans-serif}"
            + "td,th{padding:2px 8px;text-align:right}.bar{fill:#1f77b4}.label{font-size:12px}</style></head><body>")
        .append("<h1>").append(Html.escape("Storage, " + days + " days up to " + date)).append("</h1>");
    report.forEach((dataset, byDay) -> {
      page.append("<h2>").append(Html.escape(dataset.label())).append("</h2>");
      Map<String, Long> bytes = new LinkedHashMap<>();
      byDay.forEach((day, storage) -> bytes.put(day.toString(), storage.bytes()));
      page.append(SvgCharts.bars(dataset.label() + ": bytes per day", bytes));
      page.append("<table><tr><th>dt</th><th>files</th><th>bytes</th><th>average file</th><th>uncompressed</th>"
          + "<th>ratio</th><th>unreadable files</th></tr>");
      byDay.forEach((day, storage) -> page.append(String.format(Locale.ROOT,
          "<tr><td>%s</td><td>%d</td><td>%d</td><td>%d</td><td>%d</td><td>%.2f</td><td>%d</td></tr>", day,
          storage.files(), storage.bytes(), storage.averageFileBytes(), storage.uncompressedBytes(),
          storage.compressionRatio(), storage.unreadableFiles())));
      page.append("</table>");
    });
    return page.append("</body></html>").toString();
  }

  private static void print(PrintStream out, LocalDate date, int days,
      Map<RetainedDataset, Map<LocalDate, PartitionStorage>> report, Path published) {
    out.println(NAME + " dt=" + date + ": " + days + " days, " + report.size() + " datasets");
    report.forEach((dataset, byDay) -> {
      PartitionStorage total = byDay.values().stream().reduce(PartitionStorage.NONE, PartitionStorage::plus);
      out.printf(Locale.ROOT, "  %-24s %3d days  %8d files  %14d bytes  average file %12d  ratio %.2f%s%n",
          dataset.label(), byDay.size(), total.files(), total.bytes(), total.averageFileBytes(),
          total.compressionRatio(), total.unreadableFiles() == 0 ? "" : "  (" + total.unreadableFiles()
              + " files unreadable, not in the ratio)");
    });
    out.println("  report: " + new Path(published, JSON_FILE));
    out.println("  page:   " + new Path(published, HTML_FILE));
  }

  public static void main(String[] args) throws Exception {
    System.exit(ToolRunner.run(new StorageReportJob(), args));
  }
}
