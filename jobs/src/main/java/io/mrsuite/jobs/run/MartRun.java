package io.mrsuite.jobs.run;

import io.mrsuite.formats.avro.CuratedDataModel;
import io.mrsuite.jobs.tables.CommitMarker;
import io.mrsuite.jobs.tables.MartTable;
import io.mrsuite.jobs.tables.TableCatalog;
import io.mrsuite.jobs.warehouse.Dataset;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.mapreduce.AvroJob;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.Counters;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.lib.output.FileOutputCommitter;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.apache.hadoop.mapreduce.lib.output.LazyOutputFormat;
import org.apache.iceberg.catalog.Catalog;
import org.apache.parquet.avro.AvroParquetOutputFormat;
import org.apache.parquet.hadoop.ParquetOutputFormat;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * One run of a job that writes a mart partition as Parquet, published whole when its books balance.
 *
 * <p>The partition is {@code marts/<table>/dt=X}, written through parquet-avro's
 * {@link AvroParquetOutputFormat} ({@link MartParquetOutputFormat}). It is published only when its books
 * balance and the staged files' footers hold exactly the rows counted.
 *
 * <p>Reducers write rows with {@code context.write(null, row)} and count each in {@link MartCounters#ROWS};
 * the books count input records: read = written (aggregated into rows) + skipped (not this mart's) +
 * duplicates removed. A mart built by several jobs runs the earlier ones with {@link #runStage(Job)} into
 * {@link #intermediate(String)} directories and passes the first stage's books to the last.
 *
 * <p>When a table catalog is configured ({@link TableCatalog}), the published partition then replaces its day in
 * the mart's Iceberg table, validated from the table's snapshot when the run started ({@link MartTable}).
 */
public final class MartRun extends PartitionRun {
  /** Parquet codec when the job sets none with {@code -D parquet.compression=...}. */
  public static final CompressionCodecName DEFAULT_CODEC = CompressionCodecName.SNAPPY;

  /** The mart's table as the run began, when a catalog is configured. */
  private Optional<MartTable> table = Optional.empty();
  private Optional<MartTable.CommittedDay> committed = Optional.empty();
  private Path marker;

  /**
   * @param paths what the run reads and the mart partition it writes
   * @param action where the run's books go for capture-output when an Oozie action runs it
   */
  public MartRun(String jobName, JobPaths paths, Configuration conf, OozieAction action) throws IOException {
    super(jobName, paths, conf, action);
  }

  /**
   * Output: Parquet files of the mart's rows (its decimals as DECIMAL, dates as DATE), staged. Also sets the
   * data model that reads the curated Avro inputs and the shuffle with their logical types.
   */
  public void configureOutput(Job job, Dataset mart) throws IOException {
    Configuration conf = job.getConfiguration();
    table = beginTable(mart);
    AvroJob.setDataModelClass(job, CuratedDataModel.class);
    AvroParquetOutputFormat.setSchema(job, mart.schema().orElseThrow());
    LazyOutputFormat.setOutputFormatClass(job, MartParquetOutputFormat.class);
    job.setOutputKeyClass(Void.class);
    if (conf.get(ParquetOutputFormat.COMPRESSION) == null) {
      ParquetOutputFormat.setCompression(job, DEFAULT_CODEC);
    }
    if (!UserSettings.isSet(conf, ParquetOutputFormat.JOB_SUMMARY_LEVEL)
        && !UserSettings.isSet(conf, ParquetOutputFormat.ENABLE_JOB_SUMMARY)) {
      // Readers take the schema and statistics from each file's footer; the summaries would only repeat them,
      // cost a pass over every footer at commit, and differ from run to run when the files are rewritten.
      conf.set(ParquetOutputFormat.JOB_SUMMARY_LEVEL, ParquetOutputFormat.JobSummaryLevel.NONE.name());
    }
    conf.setBoolean(FileOutputCommitter.SUCCESSFUL_JOB_OUTPUT_DIR_MARKER, true);
    FileOutputFormat.setOutputPath(job, staged);
  }

  /**
   * Where an earlier stage of a mart built by several jobs writes: {@code _<stage>.dt=X.<run>/<stage>}, beside
   * the partition. The hidden parent keeps it from {@code dt=*} globs and readers of the table; the visible last
   * name lets the next stage read it (FileInputFormat refuses an input path whose own name is hidden). The
   * caller deletes it with {@link #discard(Path)} when the run ends, whatever its outcome.
   */
  public Path intermediate(String stage) {
    return new Path(new Path(output.getParent(), "_" + stage + "." + output.getName() + "." + runId), stage);
  }

  /** Deletes an intermediate directory with its hidden parent; never throws, so the run's own failure stays the one reported. */
  public void discard(Path intermediate) {
    publisher.discard(intermediate.getParent());
  }

  /** Runs the job and, if it succeeds and its books balance, publishes the partition and prints a summary. */
  public RecordBooks runAndPublish(Job job, Map<String, String> manifestFields)
      throws IOException, InterruptedException, ClassNotFoundException {
    return runAndPublish(job, RecordBooks::from, counters -> problems(job, RecordBooks.from(counters), counters,
        List.of()), manifestFields);
  }

  /**
   * Runs the last stage of a mart built by several jobs and publishes as above. The books are those of the
   * stage that read the input (the last one reads only intermediate records); {@code stageChecks} says, from
   * the last stage's counters, where the stages disagree (e.g. the counts its rows sum to against the
   * records the first stage counted written).
   */
  public RecordBooks runAndPublish(Job job, RecordBooks inputBooks, StageCheck stageChecks,
      Map<String, String> manifestFields) throws IOException, InterruptedException, ClassNotFoundException {
    return runAndPublish(job, counters -> inputBooks,
        counters -> problems(job, inputBooks, counters, stageChecks.problems(counters)), manifestFields);
  }

  /** The books, the stages, and the rows counted against the rows in the staged Parquet files' footers. */
  private List<String> problems(Job job, RecordBooks books, Counters counters, List<String> stageProblems)
      throws IOException {
    List<String> problems = new ArrayList<>(books.imbalances(0));
    problems.addAll(stageProblems);
    long rows = rows(counters);
    long inFiles = StagedRecords.parquet(fs, staged, job.getConfiguration());
    if (rows != inFiles) {
      problems.add("counted rows " + rows + " != rows in the output files " + inFiles);
    }
    return problems;
  }

  /** Where the stages of a mart built by several jobs disagree, from the last stage's counters. */
  @FunctionalInterface
  public interface StageCheck {
    List<String> problems(Counters counters) throws IOException;
  }

  private static long rows(Counters counters) {
    return counters.findCounter(MartCounters.ROWS).getValue();
  }

  @Override
  protected List<Path> outputs() {
    return List.of(output);
  }

  @Override
  protected void describe(RunManifest manifest, Counters counters) {
    manifest.put("rows", rows(counters));
  }

  @Override
  protected void publish(RunManifest manifest) throws IOException {
    publisher.publish(staged, output);
    if (table.isPresent()) {
      Catalog catalog = TableCatalog.open(conf, warehouseRoot()).orElseThrow();
      try {
        committed = Optional.of(table.get().replaceDay(catalog, date, fs, PartitionPointer.dataDir(fs, output),
            runId, conf));
        CommitMarker.write(fs, marker, committed.get(), runId);
      } finally {
        TableCatalog.close(catalog);
      }
    }
  }

  private Optional<MartTable> beginTable(Dataset mart) throws IOException {
    Optional<Catalog> catalog = TableCatalog.open(conf, warehouseRoot());
    if (catalog.isEmpty()) {
      return Optional.empty();
    }
    try {
      marker = CommitMarker.of(warehouseRoot(), mart, date);
      CommitMarker.delete(fs, marker);
      return Optional.of(MartTable.begin(catalog.get(), mart));
    } finally {
      TableCatalog.close(catalog.get());
    }
  }

  /** The partition is {@code <root>/marts/<table>/dt=X}. */
  private Path warehouseRoot() {
    return output.getParent().getParent().getParent();
  }

  @Override
  protected void report(RecordBooks books, Counters counters) throws IOException {
    long rows = rows(counters);
    PrintStream out = System.out;
    out.printf("%s dt=%s: read %d, aggregated %d, skipped %d%s; rows %d%n", jobName, date, books.read(),
        books.written(), books.skipped(),
        books.duplicatesRemoved() > 0 ? ", duplicates removed " + books.duplicatesRemoved() : "", rows);
    out.println("  mart:       " + output);
    out.println("  manifest:   " + new Path(PartitionPointer.dataDir(fs, output), RunManifest.FILE_NAME));
    committed.ifPresent(day -> out.printf("  table:      %s snapshot %d (%d file%s, %d rows)%n", day.table(),
        day.snapshotId(), day.files(), day.files() == 1 ? "" : "s", day.rows()));
    action.captureOutput(ActionData.ofMart(jobName, date, books, rows, output));
  }
}
