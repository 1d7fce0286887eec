package io.mrsuite.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mrsuite.formats.partition.PartitionNames;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link MartComparison} on small Parquet partitions written here: equal rows in other column types and
 * orders are equal; a changed value, a row held twice on one side, other columns and missing files are not.
 */
class MartComparisonTest {
  private static final LocalDate DAY = LocalDate.of(2026, 11, 20);
  private static final String TABLE = "revenue_daily";
  private static final String ROWS = "FROM (VALUES ('DE', 3, 120.50, DATE '2026-11-20'), ('FR', 1, 0.00, DATE"
      + " '2026-11-20'), (NULL, 2, 19.99, DATE '2026-11-20')) v(country, orders, revenue_usd, event_date)";

  @TempDir
  Path tmp;

  @Test
  void theSameRowsInOtherTypesAndColumnOrderAreEqual() throws Exception {
    write(ours(), "SELECT country, orders::BIGINT AS orders, revenue_usd::DECIMAL(38,2) AS revenue_usd, event_date "
        + ROWS);
    write(peer(), "SELECT revenue_usd::DECIMAL(20,4) AS revenue_usd, event_date, orders::INTEGER AS orders, country "
        + ROWS + " ORDER BY country DESC");

    assertEquals(List.of(), differences());
  }

  @Test
  void aChangedValueIsOneRowEachWayWithItsValues() throws Exception {
    write(ours(), "SELECT country, orders::BIGINT AS orders, revenue_usd::DECIMAL(38,2) AS revenue_usd, event_date "
        + ROWS);
    write(peer(), "SELECT country, orders::BIGINT AS orders, CASE WHEN country = 'DE' THEN revenue_usd + 0.01"
        + " ELSE revenue_usd END::DECIMAL(38,2) AS revenue_usd, event_date " + ROWS);

    List<MartDifference> differences = differences();

    assertEquals(1, differences.size(), differences.toString());
    MartDifference difference = differences.get(0);
    assertEquals(TABLE, difference.table());
    assertNull(difference.problem());
    assertEquals(1, difference.oursOnly());
    assertEquals(1, difference.peerOnly());
    Map<String, Object> ourRow = difference.oursOnlyRows().get(0);
    Map<String, Object> peerRow = difference.peerOnlyRows().get(0);
    assertEquals("DE", ourRow.get("country"));
    assertEquals(new BigDecimal("0.01"), ((BigDecimal) peerRow.get("revenue_usd"))
        .subtract((BigDecimal) ourRow.get("revenue_usd")));
    assertTrue(difference.describe().contains("ours only: " + ourRow), difference.describe());
  }

  @Test
  void aRowHeldTwiceOnOneSideIsADifference() throws Exception {
    String select = "SELECT country, orders::BIGINT AS orders, revenue_usd::DECIMAL(38,2) AS revenue_usd, event_date ";
    write(ours(), select + ROWS + " UNION ALL " + select + ROWS + " WHERE country = 'FR'");
    write(peer(), select + ROWS);

    MartDifference difference = differences().get(0);

    assertEquals(1, difference.oursOnly());
    assertEquals(0, difference.peerOnly());
    assertEquals("FR", difference.oursOnlyRows().get(0).get("country"));
  }

  @Test
  void otherColumnsAreAProblemNotRows() throws Exception {
    write(ours(), "SELECT country, orders, revenue_usd, event_date " + ROWS);
    write(peer(), "SELECT country, orders AS order_count, revenue_usd, event_date " + ROWS);

    MartDifference difference = differences().get(0);

    assertTrue(difference.problem().startsWith("other columns: "), difference.problem());
    assertTrue(difference.describe().contains("order_count"), difference.describe());
  }

  @Test
  void aPartitionWithoutPartFilesIsAProblem() throws Exception {
    write(ours(), "SELECT country, orders, revenue_usd, event_date " + ROWS);
    Files.createDirectories(peer());

    MartDifference difference = differences().get(0);

    assertEquals("no " + MartComparison.PART_FILES + " in " + peer(), difference.problem());
  }

  @Test
  void typesAreWidenedOnlyWithinTheirKind() {
    assertEquals("HUGEINT", MartComparison.commonType("BIGINT", "INTEGER"));
    assertEquals("DECIMAL(38,4)", MartComparison.commonType("DECIMAL(38,2)", "DECIMAL(20,4)"));
    assertEquals("DECIMAL(38,2)", MartComparison.commonType("DECIMAL(38,2)", "DOUBLE"));
    assertEquals("DOUBLE", MartComparison.commonType("FLOAT", "BIGINT"));
    assertEquals("VARCHAR", MartComparison.commonType("DATE", "VARCHAR"));
    assertEquals("DATE", MartComparison.commonType("DATE", "DATE"));
  }

  private List<MartDifference> differences() throws Exception {
    return new MartComparison(List.of(TABLE)).differences(tmp.resolve("ours"), tmp.resolve("peer"), DAY);
  }

  private Path ours() {
    return tmp.resolve("ours").resolve(TABLE).resolve(PartitionNames.dateName(DAY));
  }

  private Path peer() {
    return tmp.resolve("peer").resolve(TABLE).resolve(PartitionNames.dateName(DAY));
  }

  private static void write(Path partition, String query) throws Exception {
    Files.createDirectories(partition);
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = db.createStatement()) {
      statement.execute("COPY (" + query + ") TO '" + partition.resolve("part-00000.parquet") + "' (FORMAT parquet)");
    } catch (SQLException e) {
      throw new AssertionError("writing " + partition + ": " + query, e);
    }
  }
}
