package io.mrsuite.jobs.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Conversions;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;

/**
 * A mart partition's Parquet rows against test-data/expected/marts/&lt;table&gt;.json (the independent
 * computation of test-data/check_marts.py): every row and value, in any order, and event_date on each row.
 */
public final class MartRows {
  private static final ObjectMapper JSON = new ObjectMapper();

  private MartRows() {
  }

  public static void assertMatchesExpected(String table, Path partition) throws IOException {
    JsonNode expected = JSON.readTree(Paths.get("..", "test-data", "expected", "marts", table + ".json").toFile());
    List<String> columns = new ArrayList<>();
    expected.get("columns").forEach(c -> columns.add(c.asText()));
    List<String> wanted = new ArrayList<>();
    expected.get("rows").forEach(row -> wanted.add(row.toString()));
    List<String> actual = new ArrayList<>();
    LocalDate eventDate = LocalDate.parse(expected.get("event_date").asText());
    for (GenericRecord record : read(partition)) {
      assertEquals(eventDate, record.get("event_date"), "event_date of " + record);
      ObjectNode row = JSON.createObjectNode();
      for (String column : columns) {
        Object value = record.get(column);
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
      actual.add(row.toString());
    }
    wanted.sort(null);
    actual.sort(null);
    assertEquals(wanted, actual, table);
  }

  /** The rows of every part file, decimals as BigDecimal and dates as LocalDate. */
  private static List<GenericRecord> read(Path partition) throws IOException {
    GenericData model = new GenericData();
    model.addLogicalTypeConversion(new Conversions.DecimalConversion());
    model.addLogicalTypeConversion(new TimeConversions.DateConversion());
    List<Path> parts;
    try (Stream<Path> files = Files.list(partition)) {
      parts = files.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList();
    }
    List<GenericRecord> records = new ArrayList<>();
    for (Path part : parts) {
      try (ParquetReader<GenericRecord> reader = AvroParquetReader.<GenericRecord>builder(HadoopInputFile.fromPath(
          new org.apache.hadoop.fs.Path(part.toUri()), new Configuration())).withDataModel(model).build()) {
        for (GenericRecord record = reader.read(); record != null; record = reader.read()) {
          records.add(record);
        }
      }
    }
    return records;
  }
}
