package io.mrsuite.bench.duckdb;

import io.mrsuite.formats.partition.PartitionNames;
import io.mrsuite.jobs.warehouse.Dataset;
import io.mrsuite.jobs.warehouse.Zone;
import io.mrsuite.bench.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the four marts of one event date from the raw zone in an in-process DuckDB, in SQL: the DuckDB peer
 * of {@code pipeline} (issue #18).
 *
 * <p>The SQL is in the resources next to this class, one file per stage, run in {@link #STAGES} order: the
 * contract's rules as macros, then the candidate events, the CSV records, the reference data of X, the
 * orders, the sessions and the marts, each a table. Each mart is then written as Parquet to
 * {@code <out>/<table>/dt=X/part-00000.parquet}, with the column names and types of ours.
 *
 * <p>What DuckDB cannot read is handed to it decompressed by {@link PlainCopies}, counted in the peer's time:
 * bzip2 files from the start, and a compressed file whose stream ends early when a stage fails on it (the
 * stage then runs again on the copy).
 */
public final class DuckDbDay {
  /** The stages, in order; each is a SQL resource of that name. */
  static final List<String> STAGES = List.of("rules", "candidate_events", "csv_records", "products_of_day",
      "fx_rates_of_day", "orders_of_window", "sessions", "product_daily", "funnel_daily", "top_products",
      "revenue_daily");
  /** The marts, which the stages leave as tables named as their directories. */
  static final List<Dataset> MARTS = Dataset.inZone(Zone.MARTS);
  /** The one file each mart partition gets, named as part files are. */
  static final String PART_FILE = "part-00000.parquet";

  private final Path warehouse;
  private final LocalDate eventDate;
  private final int lateDays;
  private final int threads;

  /**
   * @param warehouse the warehouse root, a local directory holding {@code raw/}
   * @param eventDate X
   * @param lateDays partitions after X that still hold its events and orders (the contract's default is 1)
   * @param threads DuckDB's worker threads ({@code SET threads})
   */
  public DuckDbDay(Path warehouse, LocalDate eventDate, int lateDays, int threads) {
    if (lateDays < 0 || threads < 1) {
      throw new IllegalArgumentException("late days >= 0 and threads >= 1: " + lateDays + ", " + threads);
    }
    this.warehouse = warehouse;
    this.eventDate = eventDate;
    this.lateDays = lateDays;
    this.threads = threads;
  }

  /**
   * Builds the marts of X into {@code output}, replacing partitions of X written there before.
   *
   * @return the rows written per mart directory name, in {@link #MARTS} order
   */
  public Map<String, Long> run(Path output) throws IOException, SQLException {
    List<RawFile> inputs = RawInputs.of(warehouse, eventDate, lateDays);
    Files.createDirectories(output);
    Path copies = Files.createTempDirectory(output, "_duckdb-inputs.");
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:")) {
      try (Statement statement = db.createStatement()) {
        statement.execute("SET threads = " + threads);
        statement.execute("SET VARIABLE event_date = DATE '" + eventDate + "'");
      }
      PlainCopies plain = new PlainCopies(copies);
      registerSources(db, inputs, plain);
      for (String stage : STAGES) {
        runStage(db, new SqlScript(stage), plain);
      }
      Map<String, Long> rows = new LinkedHashMap<>();
      for (Dataset mart : MARTS) {
        rows.put(mart.dir(), write(db, mart, output));
      }
      return rows;
    } finally {
      Trees.delete(copies);
    }
  }

  /**
   * Fills the table {@code source_files} the stages read their file lists from: dataset, partition date,
   * the file's own path (the order of copies of a record) and the path DuckDB reads.
   */
  private static void registerSources(Connection db, List<RawFile> inputs, PlainCopies plain)
      throws SQLException, IOException {
    try (Statement statement = db.createStatement()) {
      statement.execute("CREATE TABLE source_files (dataset VARCHAR, partition_date DATE, source_path VARCHAR,"
          + " read_path VARCHAR)");
    }
    try (PreparedStatement insert = db.prepareStatement("INSERT INTO source_files VALUES (?, ?, ?, ?)")) {
      for (RawFile input : inputs) {
        Path read = PlainCopies.unreadable(input.path()) ? plain.copy(input.path()) : input.path();
        insert.setString(1, input.dataset().dir());
        insert.setObject(2, input.partitionDate());
        insert.setString(3, input.path().toString());
        insert.setString(4, read.toString());
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  /**
   * Runs a stage; when it fails on a compressed file DuckDB cannot read to its end, reads a plain copy of
   * that file instead and runs the stage again. A failed statement leaves no table behind.
   */
  private static void runStage(Connection db, SqlScript stage, PlainCopies plain) throws SQLException, IOException {
    List<String> copied = new ArrayList<>();
    while (true) {
      try {
        stage.run(db);
        return;
      } catch (SQLException failure) {
        String broken = compressedFileNamed(db, failure.getMessage());
        if (broken == null || copied.contains(broken)) {
          throw failure;
        }
        copied.add(broken);
        try (PreparedStatement update = db.prepareStatement(
            "UPDATE source_files SET read_path = ? WHERE read_path = ?")) {
          update.setString(1, plain.copy(Path.of(broken)).toString());
          update.setString(2, broken);
          update.executeUpdate();
        }
      }
    }
  }

  /** The compressed file an error message names, if it names one DuckDB reads. */
  private static String compressedFileNamed(Connection db, String message) throws SQLException {
    if (message == null) {
      return null;
    }
    try (PreparedStatement query = db.prepareStatement("SELECT read_path FROM source_files"
        + " WHERE read_path LIKE '%.gz' AND contains(?, read_path) ORDER BY strlen(read_path) DESC LIMIT 1")) {
      query.setString(1, message);
      try (ResultSet found = query.executeQuery()) {
        return found.next() ? found.getString(1) : null;
      }
    }
  }

  /** Writes one mart table as the Parquet partition of X, with its {@code _SUCCESS}; returns its rows. */
  private long write(Connection db, Dataset mart, Path output) throws IOException, SQLException {
    Path partition = output.resolve(mart.dir()).resolve(PartitionNames.dateName(eventDate));
    Trees.delete(partition);
    Files.createDirectories(partition);
    String file = partition.resolve(PART_FILE).toString().replace("'", "''");
    try (Statement statement = db.createStatement()) {
      statement.execute("COPY " + mart.dir() + " TO '" + file + "' (FORMAT parquet)");
      Files.createFile(partition.resolve(PartitionNames.SUCCESS_MARKER));
      try (ResultSet count = statement.executeQuery("SELECT count(*) FROM " + mart.dir())) {
        count.next();
        return count.getLong(1);
      }
    }
  }
}
