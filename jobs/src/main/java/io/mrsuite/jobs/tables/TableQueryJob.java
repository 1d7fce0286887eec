package io.mrsuite.jobs.tables;

import io.mrsuite.jobs.run.JobFailedException;
import io.mrsuite.jobs.tool.JobOptions;
import io.mrsuite.jobs.tool.MrSuiteTool;
import io.mrsuite.jobs.tool.UsageException;
import io.mrsuite.jobs.warehouse.Dataset;
import io.mrsuite.jobs.warehouse.Zone;
import java.io.IOException;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.util.ToolRunner;
import org.apache.iceberg.catalog.Catalog;

/**
 * {@code sql}: one SQL query over the mart tables' current snapshots, run by DuckDB in this process.
 *
 * <p>Each table of the catalog is a view {@code marts.<table>} over the files its current snapshot plans
 * ({@link TableViews}), so the query sees one committed snapshot per table, never a rerun's files half in place.
 * For a laptop: the files must be local, and DuckDB's JDBC driver must be on the classpath (bin/mrsuite adds it).
 * On a cluster, engines read the tables through the catalog (docs/tables.md). Prints a header line and one line per
 * row, tab-separated, NULL for a null.
 */
public class TableQueryJob extends MrSuiteTool {
  public static final String NAME = "sql";
  private static final String DUCKDB_URL = "jdbc:duckdb:";

  @Override
  protected JobOptions options() {
    return new JobOptions(NAME, "--root ROOT --query SQL")
        .option("root", "ROOT", "warehouse root whose tables the catalog holds (-D mrsuite.tables.catalog.*)")
        .option("query", "SQL", "the query, e.g. \"SELECT country, revenue_usd FROM marts.revenue_daily\"");
  }

  @Override
  protected int run(JobOptions.Parsed options) throws UsageException, IOException {
    Path root = new Path(options.required("root"));
    String query = options.required("query");
    Optional<Catalog> catalog = TableCatalog.open(getConf(), root);
    if (catalog.isEmpty()) {
      throw new JobFailedException(NAME + ": no table catalog is configured; set -D " + TableCatalog.PROPERTIES_PREFIX
          + "type=jdbc (docs/tables.md)");
    }
    List<String> views = new ArrayList<>();
    try {
      for (Dataset mart : Dataset.inZone(Zone.MARTS)) {
        if (catalog.get().tableExists(MartTable.identifier(mart))) {
          views.add(TableViews.create(catalog.get().loadTable(MartTable.identifier(mart)), mart.dir()));
        }
      }
    } finally {
      TableCatalog.close(catalog.get());
    }
    try (Connection duckdb = connect(); Statement statement = duckdb.createStatement()) {
      statement.execute("CREATE SCHEMA marts");
      for (String view : views) {
        statement.execute(view);
      }
      try (ResultSet rows = statement.executeQuery(query)) {
        print(rows, System.out);
      }
    } catch (SQLException e) {
      throw new JobFailedException(NAME + ": " + e.getMessage().lines().findFirst().orElse("") + " (query: " + query
          + ")");
    }
    return 0;
  }

  private static Connection connect() throws JobFailedException {
    try {
      return DriverManager.getConnection(DUCKDB_URL);
    } catch (SQLException e) {
      throw new JobFailedException(NAME + ": DuckDB's JDBC driver is not on the classpath (" + e.getMessage()
          + "); bin/mrsuite adds it from jobs/target/local-drivers.txt");
    }
  }

  private static void print(ResultSet rows, PrintStream out) throws SQLException {
    ResultSetMetaData meta = rows.getMetaData();
    List<String> line = new ArrayList<>();
    for (int i = 1; i <= meta.getColumnCount(); i++) {
      line.add(meta.getColumnLabel(i));
    }
    out.println(String.join("\t", line));
    while (rows.next()) {
      line.clear();
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        Object value = rows.getObject(i);
        line.add(value == null ? "NULL" : value.toString());
      }
      out.println(String.join("\t", line));
    }
  }

  public static void main(String[] args) throws Exception {
    System.exit(ToolRunner.run(new TableQueryJob(), args));
  }
}
