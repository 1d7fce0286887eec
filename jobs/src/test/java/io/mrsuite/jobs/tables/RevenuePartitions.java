package io.mrsuite.jobs.tables;

import io.mrsuite.jobs.warehouse.Dataset;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.Conversions;
import org.apache.avro.Schema;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.ParquetWriter;

/** revenue_daily partitions as a mart run publishes them: one Parquet file written by parquet-avro, and _SUCCESS. */
final class RevenuePartitions {
  static final Dataset MART = Dataset.REVENUE_DAILY;
  static final LocalDate DAY = LocalDate.of(2026, 11, 20);

  private RevenuePartitions() {
  }

  static Map<String, Object> row(String country, long orders, String revenue) {
    return row(country, orders, revenue, DAY);
  }

  static Map<String, Object> row(String country, long orders, String revenue, LocalDate eventDate) {
    Map<String, Object> row = new TreeMap<>();
    row.put("country", country);
    row.put("orders", orders);
    row.put("revenue_usd", new BigDecimal(revenue));
    row.put("unconverted_orders", 0L);
    row.put("orphan_purchases", 0L);
    row.put("event_date", eventDate);
    return row;
  }

  /** {@code <root>/marts-<name>/dt=DAY} holding the rows, written with the mart's schema. */
  static Path write(Configuration conf, Path root, String name, List<Map<String, Object>> rows) throws IOException {
    return write(conf, root, name, rows, MART.schema().orElseThrow());
  }

  /** As above, the file's columns in the order of {@code schema}. */
  static Path write(Configuration conf, Path root, String name, List<Map<String, Object>> rows, Schema schema)
      throws IOException {
    FileSystem fs = root.getFileSystem(conf);
    Path partition = new Path(root, "marts-" + name + "/dt=" + DAY);
    fs.mkdirs(partition);
    fs.create(new Path(partition, "_SUCCESS")).close();
    if (rows.isEmpty()) {
      return partition;
    }
    writeFile(conf, new Path(partition, "part-r-00000.parquet"), rows, schema);
    return partition;
  }

  /** One Parquet file of the rows, written by parquet-avro with {@code schema}. */
  static void writeFile(Configuration conf, Path file, List<Map<String, Object>> rows, Schema schema)
      throws IOException {
    GenericData model = new GenericData();
    model.addLogicalTypeConversion(new Conversions.DecimalConversion());
    model.addLogicalTypeConversion(new TimeConversions.DateConversion());
    try (ParquetWriter<GenericRecord> writer = AvroParquetWriter.<GenericRecord>builder(file).withSchema(schema)
        .withDataModel(model).withConf(conf).build()) {
      for (Map<String, Object> values : rows) {
        GenericData.Record record = new GenericData.Record(schema);
        values.forEach(record::put);
        writer.write(record);
      }
    }
  }
}
