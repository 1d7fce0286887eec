package io.mrsuite.jobs.tables;

import io.mrsuite.jobs.run.JobFailedException;
import io.mrsuite.jobs.warehouse.Dataset;
import io.mrsuite.jobs.warehouse.Zone;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.Path;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DataFiles;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.Metrics;
import org.apache.iceberg.MetricsConfig;
import org.apache.iceberg.OverwriteFiles;
import org.apache.iceberg.PartitionKey;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.Transaction;
import org.apache.iceberg.avro.AvroSchemaUtil;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.apache.iceberg.exceptions.CommitFailedException;
import org.apache.iceberg.exceptions.CommitStateUnknownException;
import org.apache.iceberg.exceptions.NoSuchTableException;
import org.apache.iceberg.exceptions.ValidationException;
import org.apache.iceberg.expressions.Expression;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.hadoop.HadoopInputFile;
import org.apache.iceberg.mapping.MappingUtil;
import org.apache.iceberg.mapping.NameMapping;
import org.apache.iceberg.mapping.NameMappingParser;
import org.apache.iceberg.parquet.ParquetUtil;

/**
 * A mart's Iceberg table, {@code marts.<table>}: the mart's Avro schema, identity-partitioned by
 * {@value #PARTITION_COLUMN}, one day replaced per commit.
 *
 * <p>parquet-avro writes no Iceberg field ids, so the table carries a name mapping
 * ({@value TableProperties#DEFAULT_NAME_MAPPING}) and file metrics are computed through it. A day is replaced by
 * an overwrite of its rows validated from the snapshot the run started from: a run that committed the same day
 * in between makes this commit fail, and nothing of it is visible. The table keeps its own copy of each file: a
 * rerun replaces the mart partition in place, and files of older snapshots must outlive it (docs/tables.md).
 */
public final class MartTable {
  /** The date column every mart has, the table's partition. */
  public static final String PARTITION_COLUMN = "event_date";
  /** Table property naming the data contract version the table's rows follow. */
  public static final String CONTRACT_VERSION_PROPERTY = "mrsuite.contract-version";
  /** The data contract version of the marts (DATA-CONTRACT.md). */
  public static final String CONTRACT_VERSION = "1.1";

  private final Dataset mart;
  private final Optional<Long> base;

  private MartTable(Dataset mart, Optional<Long> base) {
    this.mart = mart;
    this.base = base;
  }

  /** What one commit replaced the day with. */
  public record CommittedDay(String table, long snapshotId, int files, long rows) {
  }

  public static TableIdentifier identifier(Dataset mart) {
    return TableIdentifier.of(TableCatalog.MARTS, mart.dir());
  }

  /** The table's schema: the mart's Avro schema, its decimals and dates as Iceberg decimal and date. */
  public static Schema schemaOf(Dataset mart) {
    if (mart.zone() != Zone.MARTS) {
      throw new IllegalArgumentException(mart + " is not a mart");
    }
    return AvroSchemaUtil.toIceberg(mart.schema().orElseThrow());
  }

  /**
   * Loads the mart's table, creating it if needed, and notes its current snapshot: the commit is validated from
   * there.
   */
  public static MartTable begin(Catalog catalog, Dataset mart) {
    Table table = loadOrCreate(catalog, mart);
    return new MartTable(mart, Optional.ofNullable(table.currentSnapshot()).map(Snapshot::snapshotId));
  }

  /** The snapshot the run started from; empty for a table without one. */
  public Optional<Long> base() {
    return base;
  }

  static Table loadOrCreate(Catalog catalog, Dataset mart) {
    TableIdentifier id = identifier(mart);
    try {
      return withColumnsOf(catalog.loadTable(id), schemaOf(mart));
    } catch (NoSuchTableException e) {
      Schema schema = schemaOf(mart);
      PartitionSpec spec = PartitionSpec.builderFor(schema).identity(PARTITION_COLUMN).build();
      try {
        // parquet-avro stores the decimals as BINARY, which Iceberg's vectorized Parquet reader cannot read
        // (Spark: "bitWidth invalid: 0"); the row reader can, and the marts are small.
        Transaction create = catalog.newCreateTableTransaction(id, schema, spec,
            Map.of(CONTRACT_VERSION_PROPERTY, CONTRACT_VERSION, TableProperties.PARQUET_VECTORIZATION_ENABLED, "false"));
        // The ids are assigned on create, so the mapping is made from the created schema.
        create.updateProperties().set(TableProperties.DEFAULT_NAME_MAPPING,
            NameMappingParser.toJson(MappingUtil.create(create.table().schema()))).commit();
        create.commitTransaction();
      } catch (AlreadyExistsException created) {
        // Another run created it first; theirs is the same table.
      }
      return catalog.loadTable(id);
    }
  }

  /**
   * Adds to the table, by name, the columns {@code schema} has and it lacks: a mart schema only gains nullable
   * columns (docs/schema-evolution.md), and the table follows it so its readers see them. Iceberg updates the
   * name mapping with the schema, so files written without the column read it as null.
   */
  static Table withColumnsOf(Table table, Schema schema) {
    if (missingColumns(table, schema)) {
      try {
        table.updateSchema().unionByNameWith(schema).commit();
      } catch (CommitFailedException raced) {
        // Another run evolved the table at the same moment; its schema is the same one.
      }
      table.refresh();
    }
    return table;
  }

  private static boolean missingColumns(Table table, Schema schema) {
    return schema.columns().stream().anyMatch(column -> table.schema().findField(column.name()) == null);
  }

  /**
   * Replaces the table's rows of {@code day} with copies of the Parquet files in {@code partitionData} (none:
   * the day becomes empty), in one commit validated from {@link #base()}.
   *
   * @param runId names the copies, so that a rerun never writes over a file an older snapshot holds
   */
  public CommittedDay replaceDay(Catalog catalog, LocalDate day, FileSystem fs, Path partitionData, String runId,
      Configuration conf) throws IOException {
    Table table = catalog.loadTable(identifier(mart));
    PartitionSpec spec = table.spec();
    PartitionKey partition = new PartitionKey(spec, table.schema());
    partition.set(0, (int) day.toEpochDay());
    NameMapping mapping = NameMappingParser.fromJson(table.properties().get(TableProperties.DEFAULT_NAME_MAPPING));
    MetricsConfig metricsConfig = MetricsConfig.forTable(table);
    List<DataFile> files = new ArrayList<>();
    List<Path> copies = new ArrayList<>();
    long rows = 0;
    try {
      for (FileStatus source : fs.listStatus(partitionData, path -> path.getName().endsWith(".parquet")
          && !path.getName().startsWith("_") && !path.getName().startsWith("."))) {
        Path copy = new Path(table.locationProvider().newDataLocation(spec, partition,
            runId + "-" + source.getPath().getName()));
        FileSystem tableFs = copy.getFileSystem(conf);
        copies.add(copy);
        if (!FileUtil.copy(fs, source.getPath(), tableFs, copy, false, false, conf)) {
          throw new IOException("could not copy " + source.getPath() + " to " + copy);
        }
        Metrics metrics = ParquetUtil.fileMetrics(HadoopInputFile.fromPath(copy, conf), metricsConfig, mapping);
        files.add(DataFiles.builder(spec).withPath(copy.toString()).withFormat(FileFormat.PARQUET)
            .withFileSizeInBytes(tableFs.getFileStatus(copy).getLen()).withPartition(partition)
            .withMetrics(metrics).build());
        rows += metrics.recordCount();
      }
      Expression theDay = Expressions.equal(PARTITION_COLUMN, day.toString());
      OverwriteFiles overwrite = table.newOverwrite().overwriteByRowFilter(theDay).conflictDetectionFilter(theDay)
          .validateNoConflictingData().validateNoConflictingDeletes();
      base.ifPresent(overwrite::validateFromSnapshot);
      files.forEach(overwrite::addFile);
      overwrite.commit();
    } catch (CommitStateUnknownException e) {
      throw new JobFailedException("table " + identifier(mart) + ": the commit of " + PARTITION_COLUMN + "=" + day
          + " may or may not have landed (" + e.getMessage() + "); look at the table's snapshots before rerunning");
    } catch (ValidationException | CommitFailedException e) {
      deleteQuietly(copies, conf);
      throw new JobFailedException("table " + identifier(mart) + ": another run committed " + PARTITION_COLUMN
          + "=" + day + " after this run started from " + base.map(id -> "snapshot " + id).orElse("an empty table")
          + "; the table is unchanged, rerun the day (" + e.getMessage() + ")");
    } catch (IOException | RuntimeException e) {
      deleteQuietly(copies, conf);
      throw e;
    }
    Snapshot committed = table.currentSnapshot();
    return new CommittedDay(identifier(mart).toString(), committed.snapshotId(), files.size(), rows);
  }

  private static void deleteQuietly(List<Path> copies, Configuration conf) {
    for (Path copy : copies) {
      try {
        copy.getFileSystem(conf).delete(copy, false);
      } catch (IOException e) {
        // Left for the table's orphan-file removal.
      }
    }
  }
}
