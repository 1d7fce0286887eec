package io.mrsuite.jobs.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mrsuite.formats.avro.ProductDaily;
import io.mrsuite.formats.schemas.SchemaCompatibilityCheck;
import io.mrsuite.formats.schemas.SchemaHistory;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Conversions;
import org.apache.avro.Schema;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rule for a mart's columns (docs/schema-evolution.md): a mart schema only gains nullable columns, so its
 * old partitions stay readable next to new ones by an engine that reads the table as a whole and matches
 * columns by name. Shown with product_daily gaining a nullable column, read by DuckDB with union_by_name.
 */
class MartSchemaEvolutionTest {
  private static final String ADDED = "sessions_with_view";
  private static final Schema V1 = ProductDaily.getClassSchema();
  private static final Schema WITH_ADDED_COLUMN = withNullableLong(V1, ADDED);

  @TempDir
  Path root;

  @Test
  void aNullableColumnIsACompatibleChangeAndARetypedOneIsNot() {
    SchemaHistory history = SchemaHistory.forRecord(V1.getFullName()).orElseThrow();
    List<String> added = SchemaCompatibilityCheck.problems(history, WITH_ADDED_COLUMN);
    assertEquals(1, added.size(), added::toString);
    assertTrue(added.get(0).startsWith(V1.getFullName() + " differs from its latest released version"), added.get(0));

    List<String> retyped = SchemaCompatibilityCheck.problems(history, retyped(V1, "views"));
    assertTrue(!retyped.isEmpty() && retyped.stream().allMatch(p -> p.contains("TYPE_MISMATCH")), retyped::toString);
  }

  @Test
  void oldPartitionsReadNextToNewOnesByNameWithTheAddedColumnNull() throws Exception {
    Path table = root.resolve("marts/product_daily");
    write(table.resolve("dt=2026-11-20/part-r-00000.parquet"), V1, List.of(
        row(V1, "P-1", LocalDate.of(2026, 11, 20), 5, null), row(V1, "P-2", LocalDate.of(2026, 11, 20), 2, null)));
    write(table.resolve("dt=2026-11-21/part-r-00000.parquet"), WITH_ADDED_COLUMN, List.of(
        row(WITH_ADDED_COLUMN, "P-1", LocalDate.of(2026, 11, 21), 7, 3L),
        row(WITH_ADDED_COLUMN, "P-3", LocalDate.of(2026, 11, 21), 1, null)));
    String files = table + "/*/*.parquet";

    assertEquals(List.of(
        "P-1|2026-11-20|5|12.50|null", "P-2|2026-11-20|2|12.50|null",
        "P-1|2026-11-21|7|12.50|3", "P-3|2026-11-21|1|12.50|null"),
        query("SELECT product_id, event_date, views, revenue_usd, " + ADDED + " FROM read_parquet('" + files
            + "', union_by_name = true) ORDER BY event_date, product_id"));

    // Without union_by_name DuckDB takes the columns of the first file (the oldest): the added one is not there.
    assertTrue(!columns("SELECT * FROM read_parquet('" + files + "')").contains(ADDED));
    assertTrue(columns("SELECT * FROM read_parquet('" + files + "', union_by_name = true)").contains(ADDED));
  }

  private static Schema withNullableLong(Schema schema, String name) {
    List<Schema.Field> fields = new ArrayList<>();
    schema.getFields().forEach(f -> fields.add(new Schema.Field(f, f.schema())));
    fields.add(new Schema.Field(name, Schema.createUnion(Schema.create(Schema.Type.NULL),
        Schema.create(Schema.Type.LONG)), "Added after v1: null in older partitions.", Schema.Field.NULL_DEFAULT_VALUE));
    return Schema.createRecord(schema.getName(), schema.getDoc(), schema.getNamespace(), false, fields);
  }

  private static Schema retyped(Schema schema, String name) {
    List<Schema.Field> fields = new ArrayList<>();
    for (Schema.Field f : schema.getFields()) {
      fields.add(f.name().equals(name) ? new Schema.Field(name, Schema.create(Schema.Type.STRING), f.doc())
          : new Schema.Field(f, f.schema()));
    }
    return Schema.createRecord(schema.getName(), schema.getDoc(), schema.getNamespace(), false, fields);
  }

  private static GenericRecord row(Schema schema, String product, LocalDate day, long views, Long added) {
    GenericRecord row = new GenericData.Record(schema);
    row.put("product_id", product);
    row.put("views", views);
    row.put("add_to_carts", 0L);
    row.put("purchases", 1L);
    row.put("units_sold", 1L);
    row.put("revenue_usd", new BigDecimal("12.50"));
    row.put("unconverted_purchases", 0L);
    row.put("unique_viewers", views);
    row.put("event_date", day);
    if (schema.getField(ADDED) != null) {
      row.put(ADDED, added);
    }
    return row;
  }

  /** Writes the rows as the mart jobs do: parquet-avro, decimals and dates through their logical types. */
  private static void write(Path file, Schema schema, List<GenericRecord> rows) throws IOException {
    GenericData model = new GenericData();
    model.addLogicalTypeConversion(new Conversions.DecimalConversion());
    model.addLogicalTypeConversion(new TimeConversions.DateConversion());
    try (ParquetWriter<GenericRecord> writer = AvroParquetWriter.<GenericRecord>builder(
        HadoopOutputFile.fromPath(new org.apache.hadoop.fs.Path(file.toUri()), new Configuration()))
        .withSchema(schema).withDataModel(model).build()) {
      for (GenericRecord row : rows) {
        writer.write(row);
      }
    }
  }

  private static List<String> query(String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = duckdb.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      int columns = result.getMetaData().getColumnCount();
      while (result.next()) {
        List<String> values = new ArrayList<>();
        for (int c = 1; c <= columns; c++) {
          values.add(String.valueOf(result.getObject(c)));
        }
        rows.add(String.join("|", values));
      }
    }
    return rows;
  }

  private static List<String> columns(String sql) throws SQLException {
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = duckdb.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      ResultSetMetaData meta = result.getMetaData();
      List<String> names = new ArrayList<>();
      for (int c = 1; c <= meta.getColumnCount(); c++) {
        names.add(meta.getColumnName(c));
      }
      return names;
    }
  }
}
