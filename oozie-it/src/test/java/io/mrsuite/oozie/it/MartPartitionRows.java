package io.mrsuite.oozie.it;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.Conversions;
import org.apache.avro.Schema;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;

/**
 * The rows of a mart partition as JSON text in the shape of test-data/expected/marts/&lt;table&gt;.json
 * (decimals as plain strings, integers as numbers, nulls as null), one object per row with its keys in
 * alphabetical order and the rows sorted, so that two lists are equal exactly when the partitions hold the
 * same rows and values in any order. The jobs module's MartRows reads local files; this reads any Hadoop
 * file system.
 */
final class MartPartitionRows {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The expectation files name the date once; the mart files have it as a column of every row. */
  private static final String EVENT_DATE = "event_date";

  private MartPartitionRows() {
  }

  /** Every column of every row of the partition's Parquet part files. */
  static List<String> of(FileSystem fs, Path partition) throws IOException {
    GenericData model = new GenericData();
    model.addLogicalTypeConversion(new Conversions.DecimalConversion());
    model.addLogicalTypeConversion(new TimeConversions.DateConversion());
    List<String> rows = new ArrayList<>();
    for (FileStatus part : fs.listStatus(partition, path -> path.getName().startsWith("part-"))) {
      try (ParquetReader<GenericRecord> reader = AvroParquetReader.<GenericRecord>builder(
          HadoopInputFile.fromStatus(part, fs.getConf())).withDataModel(model).build()) {
        for (GenericRecord record = reader.read(); record != null; record = reader.read()) {
          rows.add(text(record));
        }
      }
    }
    rows.sort(null);
    return rows;
  }

  /** The rows of {@code expected/marts/<table>.json}, each with the file's event_date. */
  static List<String> expected(String table) throws IOException {
    JsonNode expected = JSON.readTree(TestData.expected("marts/" + table + ".json").toFile());
    List<String> rows = new ArrayList<>();
    for (JsonNode row : expected.get("rows")) {
      Map<String, Object> values = new TreeMap<>();
      row.fields().forEachRemaining(field -> values.put(field.getKey(), JSON.convertValue(field.getValue(), Object.class)));
      values.put(EVENT_DATE, expected.get(EVENT_DATE).asText());
      rows.add(JSON.writeValueAsString(values));
    }
    rows.sort(null);
    return rows;
  }

  private static String text(GenericRecord record) throws JsonProcessingException {
    Map<String, Object> values = new TreeMap<>();
    for (Schema.Field field : record.getSchema().getFields()) {
      Object value = record.get(field.pos());
      if (value == null) {
        values.put(field.name(), null);
      } else if (value instanceof BigDecimal decimal) {
        values.put(field.name(), decimal.toPlainString());
      } else if (value instanceof Number number) {
        values.put(field.name(), number.longValue());
      } else {
        values.put(field.name(), value.toString());
      }
    }
    return JSON.writeValueAsString(values);
  }
}
