package io.mrsuite.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a mart partition's Parquet files with DuckDB (an engine that shares no code with the jobs): the
 * column types it sees, and the rows as JSON objects in the form of test-data/expected/marts.
 */
final class DuckDbMarts {
  private static final ObjectMapper JSON = new ObjectMapper();

  private DuckDbMarts() {
  }

  /** column name -> DuckDB type, in file order. */
  static Map<String, String> columnTypes(Path partition) throws SQLException {
    Map<String, String> types = new LinkedHashMap<>();
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = db.createStatement();
        ResultSet rows = statement.executeQuery("DESCRIBE SELECT * FROM " + files(partition))) {
      while (rows.next()) {
        types.put(rows.getString("column_name"), rows.getString("column_type"));
      }
    }
    return types;
  }

  /** The rows, the expected file's columns only, decimals as plain strings, sorted by their JSON text. */
  static List<String> rows(Path partition, JsonNode expected) throws SQLException {
    List<String> columns = new ArrayList<>();
    expected.get("columns").forEach(c -> columns.add(c.asText()));
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

  static List<String> expectedRows(JsonNode expected) {
    List<String> rows = new ArrayList<>();
    expected.get("rows").forEach(row -> rows.add(row.toString()));
    rows.sort(null);
    return rows;
  }

  static JsonNode expected(String table) throws IOException {
    return JSON.readTree(TestData.expected("marts/" + table + ".json").toFile());
  }

  private static String files(Path partition) {
    return "read_parquet('" + partition.resolve("part-*.parquet") + "')";
  }
}
