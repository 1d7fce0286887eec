package io.mrsuite.jobs.tables;

import io.mrsuite.jobs.run.JobFailedException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DataFiles;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.PartitionKey;
import org.apache.iceberg.RewriteFiles;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.data.parquet.GenericParquetReaders;
import org.apache.iceberg.data.parquet.GenericParquetWriter;
import org.apache.iceberg.exceptions.ValidationException;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.io.FileAppender;
import org.apache.iceberg.io.OutputFile;
import org.apache.iceberg.mapping.NameMapping;
import org.apache.iceberg.mapping.NameMappingParser;
import org.apache.iceberg.parquet.Parquet;

/**
 * Rewrites each day of a table that holds several data files into one, through Iceberg's {@link RewriteFiles}: the
 * table's readers see the same rows before and after, and a day replaced meanwhile makes the rewrite fail, not
 * lose the new day.
 *
 * <p>A mart run writes one file per reducer; a day's table files are the last run's. The files are read through
 * the name mapping and written by Iceberg's Parquet writer, with field ids.
 */
public final class TableCompaction {
  /** Days rewritten, the files they held, and their rows (the same before and after). */
  public record Result(int days, int filesBefore, long rows) {
  }

  private TableCompaction() {
  }

  /** The days of the current snapshot that hold several files, and those files: what {@link #compact} rewrites. */
  public static Map<Integer, List<DataFile>> plan(Table table) throws IOException {
    Map<Integer, List<DataFile>> byDay = new TreeMap<>();
    if (table.currentSnapshot() == null) {
      return byDay;
    }
    try (CloseableIterable<FileScanTask> tasks = table.newScan().planFiles()) {
      for (FileScanTask task : tasks) {
        byDay.computeIfAbsent(task.file().partition().get(0, Integer.class), day -> new ArrayList<>())
            .add(task.file());
      }
    }
    byDay.values().removeIf(files -> files.size() < 2);
    return byDay;
  }

  /** Rewrites the days {@link #plan} finds, in one commit validated from the snapshot they were planned on. */
  public static Result compact(Table table, String runId) throws IOException {
    Snapshot base = table.currentSnapshot();
    Map<Integer, List<DataFile>> byDay = plan(table);
    if (byDay.isEmpty()) {
      return new Result(0, 0, 0);
    }
    Schema schema = table.schema();
    NameMapping mapping = NameMappingParser.fromJson(table.properties().get(TableProperties.DEFAULT_NAME_MAPPING));
    RewriteFiles rewrite = table.newRewrite().validateFromSnapshot(base.snapshotId());
    List<OutputFile> written = new ArrayList<>();
    int days = 0;
    int filesBefore = 0;
    long rows = 0;
    try {
      for (Map.Entry<Integer, List<DataFile>> day : byDay.entrySet()) {
        List<DataFile> files = day.getValue();
        PartitionKey partition = new PartitionKey(table.spec(), schema);
        partition.set(0, day.getKey());
        OutputFile out = table.io().newOutputFile(table.locationProvider().newDataLocation(table.spec(), partition,
            runId + "-compacted.parquet"));
        written.add(out);
        long expected = 0;
        FileAppender<Record> appender = Parquet.write(out).schema(schema)
            .createWriterFunc(type -> GenericParquetWriter.create(schema, type)).build();
        try (appender) {
          for (DataFile file : files) {
            expected += file.recordCount();
            try (CloseableIterable<Record> records = Parquet.read(table.io().newInputFile(file.location()))
                .project(schema).withNameMapping(mapping)
                .createReaderFunc(fileSchema -> GenericParquetReaders.buildReader(schema, fileSchema)).build()) {
              appender.addAll(records);
            }
          }
        }
        long copied = appender.metrics().recordCount();
        if (copied != expected) {
          throw new JobFailedException("table " + table.name() + ": the rewrite of day " + partition
              + " holds " + copied + " rows, its " + files.size() + " files " + expected + "; nothing committed");
        }
        DataFile compacted = DataFiles.builder(table.spec()).withInputFile(out.toInputFile())
            .withFormat(FileFormat.PARQUET).withPartition(partition).withMetrics(appender.metrics()).build();
        rewrite.rewriteFiles(new HashSet<>(files), Set.of(compacted));
        days++;
        filesBefore += files.size();
        rows += copied;
      }
      rewrite.commit();
    } catch (ValidationException e) {
      deleteQuietly(table, written);
      throw new JobFailedException("table " + table.name() + ": a day was replaced while it was being compacted;"
          + " nothing committed, run maintain-tables again (" + e.getMessage() + ")");
    } catch (IOException | RuntimeException e) {
      deleteQuietly(table, written);
      throw e;
    }
    return new Result(days, filesBefore, rows);
  }

  private static void deleteQuietly(Table table, List<OutputFile> written) {
    for (OutputFile file : written) {
      try {
        table.io().deleteFile(file.location());
      } catch (RuntimeException e) {
        // Left for orphan removal.
      }
    }
  }
}
