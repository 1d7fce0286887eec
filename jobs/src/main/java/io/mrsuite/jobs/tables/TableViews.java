package io.mrsuite.jobs.tables;

import io.mrsuite.jobs.run.JobFailedException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Table;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;

/**
 * A DuckDB view over a table's current snapshot: {@code read_parquet} of exactly the files its scan plans.
 *
 * <p>DuckDB here has no Iceberg extension, so the table is read through its planned files. Columns are matched by
 * name ({@code union_by_name}): the files carry no field ids, and their names are the table's (the name mapping is
 * the identity; a renamed column would need the mapping applied here).
 */
public final class TableViews {
  private TableViews() {
  }

  /** {@code CREATE VIEW marts.<name> AS ...} over the table's current files; typed and empty when it has none. */
  public static String create(Table table, String name) throws IOException {
    List<String> files = new ArrayList<>();
    try (CloseableIterable<FileScanTask> tasks = table.newScan().planFiles()) {
      for (FileScanTask task : tasks) {
        if (!task.deletes().isEmpty()) {
          throw new JobFailedException("table " + table.name() + " has delete files, which this reader does not apply");
        }
        files.add(localPath(table, task.file().location()));
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    String columns = table.schema().columns().stream()
        .map(field -> quote(field.name()))
        .collect(Collectors.joining(", "));
    if (files.isEmpty()) {
      String nulls = table.schema().columns().stream()
          .map(field -> "CAST(NULL AS " + duckdbType(field.type()) + ") AS " + quote(field.name()))
          .collect(Collectors.joining(", "));
      return "CREATE VIEW marts." + quote(name) + " AS SELECT " + nulls + " WHERE false";
    }
    String list = files.stream().map(file -> "'" + file.replace("'", "''") + "'").collect(Collectors.joining(", "));
    return "CREATE VIEW marts." + quote(name) + " AS SELECT " + columns + " FROM read_parquet([" + list
        + "], union_by_name = true, hive_partitioning = false)";
  }

  private static String localPath(Table table, String location) throws JobFailedException {
    URI uri = URI.create(location);
    if (uri.getScheme() != null && !"file".equals(uri.getScheme())) {
      throw new JobFailedException("table " + table.name() + " lives at " + table.location() + ", not on this"
          + " machine: query it through the catalog with Trino or Spark (docs/tables.md)");
    }
    return uri.getPath();
  }

  private static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  private static String duckdbType(Type type) {
    return switch (type.typeId()) {
      case STRING -> "VARCHAR";
      case LONG -> "BIGINT";
      case INTEGER -> "INTEGER";
      case DOUBLE -> "DOUBLE";
      case FLOAT -> "FLOAT";
      case BOOLEAN -> "BOOLEAN";
      case DATE -> "DATE";
      case DECIMAL -> "DECIMAL(" + ((Types.DecimalType) type).precision() + ", " + ((Types.DecimalType) type).scale()
          + ")";
      default -> throw new IllegalArgumentException("no DuckDB type for " + type);
    };
  }
}
