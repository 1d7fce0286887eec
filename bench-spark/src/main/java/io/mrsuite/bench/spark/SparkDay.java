package io.mrsuite.bench.spark;

import io.mrsuite.bench.Trees;
import io.mrsuite.bench.duckdb.RawFile;
import io.mrsuite.bench.duckdb.RawInputs;
import io.mrsuite.formats.partition.PartitionNames;
import io.mrsuite.jobs.warehouse.Dataset;
import io.mrsuite.jobs.warehouse.Zone;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.Schema;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * Builds the four marts of one event date from the raw zone in Spark SQL, in local mode: the Spark peer of
 * {@code pipeline} (issue #18), the same work as the DuckDB peer ({@link io.mrsuite.bench.duckdb.DuckDbDay}).
 *
 * <p>Spark's text source reads the raw files as they are (gzip and bzip2 through Hadoop's codecs, as our ingest
 * reads them), one row per line, into the views {@code event_text} and {@code csv_text}; the SQL next to this
 * class, one file per stage run in {@link #STAGES} order, does the rest: the contract's rules as SQL functions,
 * the candidate events, the CSV records, the reference data of X, the orders, the sessions and the marts, each
 * a materialised table or a view ({@link SparkSqlScript}). Each mart is then written as Parquet to {@code <out>/<table>/dt=X/part-00000.parquet},
 * with the column names and types of ours.
 */
public final class SparkDay {
  /** The stages, in order; each is a SQL resource of that name. */
  static final List<String> STAGES = List.of("rules", "candidate_events", "csv_records", "products_of_day",
      "fx_rates_of_day", "orders_of_window", "sessions", "product_daily", "funnel_daily", "top_products",
      "revenue_daily");
  /** The marts, which the stages leave as tables named as their directories. */
  static final List<Dataset> MARTS = Dataset.inZone(Zone.MARTS);
  /** The one file each mart partition gets, named as part files are. */
  static final String PART_FILE = "part-00000.parquet";
  /** The CSV datasets the marts read: orders of the window, products and FX rates of X. */
  private static final List<Dataset> CSV_DATASETS = List.of(Dataset.RAW_ORDERS, Dataset.RAW_PRODUCTS,
      Dataset.RAW_FX_RATES);

  private final SparkSession spark;
  private final Path warehouse;
  private final LocalDate eventDate;
  private final int lateDays;

  /**
   * @param spark a session made by {@link #session(int)} (or with its settings)
   * @param warehouse the warehouse root, a local directory holding {@code raw/}
   * @param eventDate X
   * @param lateDays partitions after X that still hold its events and orders (the contract's default is 1)
   */
  public SparkDay(SparkSession spark, Path warehouse, LocalDate eventDate, int lateDays) {
    if (lateDays < 0) {
      throw new IllegalArgumentException("late days >= 0: " + lateDays);
    }
    this.spark = spark;
    this.warehouse = warehouse;
    this.eventDate = eventDate;
    this.lateDays = lateDays;
  }

  /**
   * A local session on {@code threads} threads ({@code local[N]}) with the settings the SQL relies on: UTC,
   * decimal products that keep their scale (exact money), and a compressed file whose stream ends early read up
   * to its break (its complete lines are records) instead of failing the query.
   */
  public static SparkSession session(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads >= 1: " + threads);
    }
    return SparkSession.builder()
        .appName("mrsuite-spark-peer")
        .master("local[" + threads + "]")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.session.timeZone", "UTC")
        // price x quantity x usd_per_unit: decimal(38,10), not cut to 6 fraction digits.
        .config("spark.sql.decimalOperations.allowPrecisionLoss", "false")
        // A truncated gzip stream: keep the lines read before the break (section 2), do not fail the query.
        .config("spark.sql.files.ignoreCorruptFiles", "true")
        // One day's marts are small: a few shuffle partitions per thread rather than 200.
        .config("spark.sql.shuffle.partitions", Integer.toString(4 * threads))
        .config("spark.sql.adaptive.enabled", "true")
        .getOrCreate();
  }

  /**
   * Builds the marts of X into {@code output}, replacing partitions of X written there before.
   *
   * @return the rows written per mart directory name, in {@link #MARTS} order
   */
  public Map<String, Long> run(Path output) throws IOException {
    List<RawFile> inputs = RawInputs.of(warehouse, eventDate, lateDays);
    registerText(inputs);
    try {
      for (String stage : STAGES) {
        long started = System.nanoTime();
        new SparkSqlScript(stage).run(spark, Map.of("event_date", "DATE '" + eventDate + "'"));
        System.err.printf("spark peer: stage %s took %.1f s%n", stage, (System.nanoTime() - started) / 1e9);
      }
      Files.createDirectories(output);
      Map<String, Long> rows = new LinkedHashMap<>();
      for (Dataset mart : MARTS) {
        rows.put(mart.dir(), write(mart, output));
      }
      return rows;
    } finally {
      // The stages' tables and views, so that the session can run another day.
      for (String stage : STAGES) {
        spark.catalog().dropTempView(stage);
      }
      spark.catalog().clearCache();
    }
  }

  /**
   * The views the stages read: {@code event_text} (arrival_date, source_path, position, value) with every line
   * of the event files of X .. X+late_days, and {@code csv_text} (dataset, partition_date, source_path,
   * position, value) with the CSV files'. One text read per partition, so its date is a literal; position is
   * the line's place in its read, which follows each file in byte order.
   */
  private void registerText(List<RawFile> inputs) {
    Map<LocalDate, List<String>> events = new TreeMap<>();
    Map<String, List<String>> csv = new TreeMap<>();
    for (RawFile input : inputs) {
      String file = input.path().toAbsolutePath().toUri().toString();
      if (input.dataset() == Dataset.RAW_EVENTS) {
        events.computeIfAbsent(input.partitionDate(), date -> new ArrayList<>()).add(file);
      } else if (CSV_DATASETS.contains(input.dataset())) {
        csv.computeIfAbsent(input.dataset().dir() + "|" + input.partitionDate(), key -> new ArrayList<>()).add(file);
      }
    }
    org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> eventText = null;
    for (Map.Entry<LocalDate, List<String>> partition : events.entrySet()) {
      org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> lines = lines(partition.getValue())
          .withColumn("arrival_date", functions.lit(java.sql.Date.valueOf(partition.getKey())));
      eventText = eventText == null ? lines : eventText.unionByName(lines);
    }
    org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> csvText = null;
    for (Map.Entry<String, List<String>> partition : csv.entrySet()) {
      String[] key = partition.getKey().split("\\|");
      org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> lines = lines(partition.getValue())
          .withColumn("dataset", functions.lit(key[0]))
          .withColumn("partition_date", functions.lit(java.sql.Date.valueOf(LocalDate.parse(key[1]))));
      csvText = csvText == null ? lines : csvText.unionByName(lines);
    }
    if (eventText == null || csvText == null) {
      throw new IllegalStateException("no raw files for " + eventDate + " under " + warehouse);
    }
    eventText.createOrReplaceTempView("event_text");
    csvText.createOrReplaceTempView("csv_text");
  }

  /** The lines of some files, split at \n only (a lone \r is text, as in the contract). */
  private org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> lines(List<String> files) {
    return spark.read().option("lineSep", "\n").text(files.toArray(String[]::new))
        .select(new Column("value"), functions.input_file_name().as("source_path"),
            functions.monotonically_increasing_id().as("position"));
  }

  /** Writes one mart table as the Parquet partition of X, with its {@code _SUCCESS}; returns its rows. */
  private long write(Dataset mart, Path output) throws IOException {
    Path partition = output.resolve(mart.dir()).resolve(PartitionNames.dateName(eventDate));
    Trees.delete(partition);
    Path staging = output.resolve("_spark-" + mart.dir());
    Trees.delete(staging);
    Schema schema = mart.schema().orElseThrow();
    Column[] columns = schema.getFields().stream().map(field -> new Column(field.name())).toArray(Column[]::new);
    org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> table = spark.table(mart.dir()).select(columns);
    table.coalesce(1).write().mode(SaveMode.ErrorIfExists).parquet(staging.toUri().toString());
    Files.createDirectories(partition);
    try (DirectoryStream<Path> parts = Files.newDirectoryStream(staging, "part-*.parquet")) {
      for (Path part : parts) {
        Files.move(part, partition.resolve(PART_FILE), StandardCopyOption.ATOMIC_MOVE);
      }
    }
    Trees.delete(staging);
    Files.createFile(partition.resolve(PartitionNames.SUCCESS_MARKER));
    return table.count();
  }
}
