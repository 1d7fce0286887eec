package io.mrsuite.bench;

import io.mrsuite.formats.partition.PartitionNames;
import io.mrsuite.jobs.warehouse.Dataset;
import io.mrsuite.jobs.warehouse.Zone;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares a peer's mart partitions with ours, table by table, in DuckDB.
 *
 * <p>Each side is a directory laid out as the warehouse's {@code marts/}: {@code <table>/dt=X/part-*.parquet}.
 * The columns must have the same names (in any order); their values are compared after a cast to a type both
 * sides share, so that an engine's choice of width does not count: integers of any width as HUGEINT, numbers
 * with a decimal side as DECIMAL(38, the larger scale) (exact; a floating-point side is rounded to that scale),
 * other numbers as DOUBLE, anything else that differs as text. Rows are compared as bags, both ways (EXCEPT
 * ALL), so a row one side holds twice and the other once is a difference.
 */
public final class MartComparison {
  /** How many differing rows each direction shows; the counts are always complete. */
  public static final int ROWS_SHOWN = 20;
  /** The marts the pipeline writes for an event date. */
  public static final List<String> MARTS = Dataset.inZone(Zone.MARTS).stream().map(Dataset::dir).toList();
  /** The files of a partition, as both our writers and the peers name them. */
  static final String PART_FILES = "part-*.parquet";

  private static final Pattern DECIMAL = Pattern.compile("DECIMAL\\((\\d+),(\\d+)\\)");
  private static final List<String> INTEGERS = List.of("TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT",
      "UTINYINT", "USMALLINT", "UINTEGER", "UBIGINT", "UHUGEINT");
  private static final List<String> FLOATS = List.of("FLOAT", "DOUBLE");

  private final List<String> tables;

  /** Compares the four marts. */
  public MartComparison() {
    this(MARTS);
  }

  /** @param tables the directory names of the tables to compare */
  public MartComparison(List<String> tables) {
    this.tables = List.copyOf(tables);
  }

  /**
   * @param ours the directory holding our tables, e.g. {@code <root>/marts}
   * @param peer the directory holding the peer's tables
   * @param date the event date, whose {@code dt=} partition is compared
   * @return one entry per table that differs; empty when every table is equal
   */
  public List<MartDifference> differences(Path ours, Path peer, LocalDate date) throws IOException, SQLException {
    List<MartDifference> differences = new ArrayList<>();
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:")) {
      for (String table : tables) {
        MartDifference difference = compare(db, table, partition(ours, table, date), partition(peer, table, date));
        if (difference != null) {
          differences.add(difference);
        }
      }
    }
    return differences;
  }

  private static Path partition(Path marts, String table, LocalDate date) {
    return marts.resolve(table).resolve(PartitionNames.dateName(date));
  }

  /** The difference of one table, or null when its rows are equal. */
  private static MartDifference compare(Connection db, String table, Path ours, Path peer)
      throws IOException, SQLException {
    for (Path side : List.of(ours, peer)) {
      if (!hasPartFiles(side)) {
        return MartDifference.problem(table, "no " + PART_FILES + " in " + side);
      }
    }
    Map<String, String> ourColumns = columns(db, ours);
    Map<String, String> peerColumns = columns(db, peer);
    if (!ourColumns.keySet().equals(peerColumns.keySet())) {
      return MartDifference.problem(table, "other columns: ours " + ourColumns.keySet() + ", the peer's "
          + peerColumns.keySet());
    }
    List<String> casts = new ArrayList<>();
    ourColumns.forEach((column, type) -> casts.add("CAST(" + identifier(column) + " AS "
        + commonType(type, peerColumns.get(column)) + ") AS " + identifier(column)));
    String select = "SELECT " + String.join(", ", casts) + " FROM ";
    String oursRows = select + files(ours);
    String peerRows = select + files(peer);
    String oursOnly = oursRows + " EXCEPT ALL " + peerRows;
    String peerOnly = peerRows + " EXCEPT ALL " + oursRows;
    long oursOnlyCount = count(db, oursOnly);
    long peerOnlyCount = count(db, peerOnly);
    if (oursOnlyCount == 0 && peerOnlyCount == 0) {
      return null;
    }
    return new MartDifference(table, null, oursOnlyCount, peerOnlyCount, firstRows(db, oursOnly),
        firstRows(db, peerOnly));
  }

  private static boolean hasPartFiles(Path partition) throws IOException {
    if (!Files.isDirectory(partition)) {
      return false;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(partition, PART_FILES)) {
      return files.iterator().hasNext();
    }
  }

  /** Column name to DuckDB type, in file order. */
  private static Map<String, String> columns(Connection db, Path partition) throws SQLException {
    Map<String, String> columns = new LinkedHashMap<>();
    try (Statement statement = db.createStatement();
        ResultSet rows = statement.executeQuery("DESCRIBE SELECT * FROM " + files(partition))) {
      while (rows.next()) {
        columns.put(rows.getString("column_name"), rows.getString("column_type"));
      }
    }
    return columns;
  }

  /** The type both sides' values are cast to before they are compared. */
  static String commonType(String ours, String peer) {
    if (ours.equals(peer)) {
      return ours;
    }
    if (INTEGERS.contains(ours) && INTEGERS.contains(peer)) {
      return "HUGEINT";
    }
    if (numeric(ours) && numeric(peer)) {
      if (!DECIMAL.matcher(ours).matches() && !DECIMAL.matcher(peer).matches()) {
        return "DOUBLE";
      }
      return "DECIMAL(38," + Math.max(scale(ours), scale(peer)) + ")";
    }
    return "VARCHAR";
  }

  private static boolean numeric(String type) {
    return INTEGERS.contains(type) || FLOATS.contains(type) || DECIMAL.matcher(type).matches();
  }

  /** A decimal's scale; 0 for any other number (an integer fits a decimal of any scale exactly). */
  private static int scale(String type) {
    Matcher decimal = DECIMAL.matcher(type);
    return decimal.matches() ? Integer.parseInt(decimal.group(2)) : 0;
  }

  private static long count(Connection db, String query) throws SQLException {
    try (Statement statement = db.createStatement();
        ResultSet rows = statement.executeQuery("SELECT count(*) FROM (" + query + ")")) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static List<Map<String, Object>> firstRows(Connection db, String query) throws SQLException {
    List<Map<String, Object>> rows = new ArrayList<>();
    try (Statement statement = db.createStatement();
        ResultSet result = statement.executeQuery("SELECT * FROM (" + query + ") ORDER BY ALL LIMIT "
            + ROWS_SHOWN)) {
      ResultSetMetaData meta = result.getMetaData();
      while (result.next()) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          row.put(meta.getColumnName(i), result.getObject(i));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  /** The partition's part files, without Hive's dt column (the rows carry event_date themselves). */
  private static String files(Path partition) {
    return "read_parquet('" + partition.resolve(PART_FILES).toString().replace("'", "''")
        + "', hive_partitioning = false)";
  }

  private static String identifier(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }
}
