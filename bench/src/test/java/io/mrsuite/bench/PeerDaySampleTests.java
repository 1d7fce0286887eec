package io.mrsuite.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mrsuite.formats.partition.PartitionNames;
import io.mrsuite.jobs.warehouse.Dataset;
import io.mrsuite.jobs.warehouse.Zone;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A peer of the pipeline on the hand-checked sample warehouse (test-data/README.md), whose bad records include
 * invalid UTF-8, duplicate JSON keys, truncated gzip and bzip2 files and broken CSV: its four marts equal, row
 * for row, what test-data/check_marts.py computed from the raw files, in files with our marts' columns and
 * types (read back by DuckDB, as the comparison with ours reads them). A subclass runs its peer once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class PeerDaySampleTests {
  private static final Path WAREHOUSE = Paths.get("..", "test-data", "warehouse");
  private static final Path EXPECTED = Paths.get("..", "test-data", "expected", "marts");
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The setting: the cores of the machines bin/bench runs on. */
  protected static final int THREADS = 2;

  @TempDir
  static Path output;
  private LocalDate day;
  private Map<String, Long> written;

  /** Runs the peer on {@code warehouse}'s day into {@code out}; the rows it wrote per mart. */
  protected abstract Map<String, Long> runPeer(Path warehouse, LocalDate day, int lateDays, Path out)
      throws Exception;

  @BeforeAll
  void runThePeer() throws Exception {
    day = LocalDate.parse(expected(MartComparison.MARTS.get(0)).get("event_date").asText());
    written = runPeer(WAREHOUSE, day, Dataset.DEFAULT_LATE_DAYS, output);
  }

  @Test
  public void everyMartHoldsTheExpectedRows() throws Exception {
    for (String table : MartComparison.MARTS) {
      JsonNode expected = expected(table);
      List<String> rows = rows(partition(table), expected);
      assertEquals(expectedRows(expected), rows, table);
      assertEquals(rows.size(), written.get(table), table + ": the rows run() reports");
    }
  }

  @Test
  public void everyMartHasTheColumnsAndTypesOfOurs() throws Exception {
    for (Dataset mart : Dataset.inZone(Zone.MARTS)) {
      Map<String, String> ours = new LinkedHashMap<>();
      for (Schema.Field field : mart.schema().orElseThrow().getFields()) {
        ours.put(field.name(), duckDbType(field.schema()));
      }
      assertEquals(ours, columnTypes(partition(mart.dir())), mart.dir());
    }
  }

  @Test
  public void everyRowCarriesTheEventDate() throws Exception {
    for (String table : MartComparison.MARTS) {
      try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
          Statement statement = db.createStatement();
          ResultSet dates = statement.executeQuery("SELECT DISTINCT event_date FROM " + files(partition(table)))) {
        List<LocalDate> seen = new ArrayList<>();
        while (dates.next()) {
          seen.add(dates.getObject(1, LocalDate.class));
        }
        assertEquals(List.of(day), seen, table);
      }
    }
  }

  private Path partition(String table) {
    return output.resolve(table).resolve(PartitionNames.dateName(day));
  }

  private static JsonNode expected(String table) throws IOException {
    return JSON.readTree(EXPECTED.resolve(table + ".json").toFile());
  }

  private static List<String> expectedRows(JsonNode expected) {
    List<String> rows = new ArrayList<>();
    expected.get("rows").forEach(row -> rows.add(row.toString()));
    rows.sort(null);
    return rows;
  }

  /** The rows in the expected files' form: its columns only, decimals as plain text, sorted by their JSON. */
  private static List<String> rows(Path partition, JsonNode expected) throws SQLException {
    List<String> columns = new ArrayList<>();
    expected.get("columns").forEach(column -> columns.add(column.asText()));
    List<String> rows = new ArrayList<>();
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = db.createStatement();
        ResultSet result = statement.executeQuery("SELECT * FROM " + files(partition))) {
      while (result.next()) {
        ObjectNode row = JSON.createObjectNode();
        for (String column : columns) {
          Object value = result.getObject(column);
          if (value == null) {
            row.putNull(column);
          } else if (value instanceof BigDecimal decimal) {
            row.put(column, decimal.toPlainString());
          } else if (value instanceof Number number) {
            row.put(column, number.longValue());
          } else {
            row.put(column, value.toString());
          }
        }
        rows.add(row.toString());
      }
    }
    rows.sort(null);
    return rows;
  }

  private static Map<String, String> columnTypes(Path partition) throws SQLException {
    Map<String, String> types = new LinkedHashMap<>();
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = db.createStatement();
        ResultSet columns = statement.executeQuery("DESCRIBE SELECT * FROM " + files(partition))) {
      while (columns.next()) {
        types.put(columns.getString("column_name"), columns.getString("column_type"));
      }
    }
    return types;
  }

  /** The type DuckDB reads a column of our Avro mart schemas as, from Parquet. */
  private static String duckDbType(Schema schema) {
    Schema type = schema.isNullable() ? schema.getTypes().stream().filter(s -> !s.isNullable()).findFirst()
        .orElseThrow() : schema;
    if (type.getLogicalType() instanceof LogicalTypes.Decimal decimal) {
      return "DECIMAL(" + decimal.getPrecision() + "," + decimal.getScale() + ")";
    }
    if (type.getLogicalType() instanceof LogicalTypes.Date) {
      return "DATE";
    }
    return switch (type.getType()) {
      case STRING -> "VARCHAR";
      case LONG -> "BIGINT";
      case INT -> "INTEGER";
      default -> throw new IllegalArgumentException("no DuckDB type for " + type);
    };
  }

  private static String files(Path partition) {
    return "read_parquet('" + partition.resolve("part-*.parquet") + "', hive_partitioning = false)";
  }
}
