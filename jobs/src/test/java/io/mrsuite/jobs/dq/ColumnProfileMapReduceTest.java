package io.mrsuite.jobs.dq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.hadoop.io.AvroSerialization;
import org.apache.avro.mapred.AvroValue;
import org.apache.avro.mapreduce.AvroJob;
import org.apache.avro.util.Utf8;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.DataInputBuffer;
import org.apache.hadoop.io.DataOutputBuffer;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mrunit.mapreduce.MapDriver;
import org.apache.hadoop.mrunit.mapreduce.ReduceDriver;
import org.apache.hadoop.mrunit.types.Pair;
import org.junit.jupiter.api.Test;

/** The column profile's mapper, combiner and reducer on hand-made generic records: every count exact. */
class ColumnProfileMapReduceTest {
  private static final String DATASET = "curated/things";
  private static final Schema AMOUNT = LogicalTypes.decimal(10, 2).addToSchema(Schema.create(Schema.Type.BYTES));
  private static final Schema TIME = LogicalTypes.timestampMillis().addToSchema(Schema.create(Schema.Type.LONG));
  private static final Schema GEO = SchemaBuilder.record("Geo").fields().optionalString("country").endRecord();
  private static final Schema THING = SchemaBuilder.record("Thing").fields()
      .requiredString("id")
      .name("amount").type(Schema.createUnion(Schema.create(Schema.Type.NULL), AMOUNT)).withDefault(null)
      .name("at").type(TIME).noDefault()
      .name("geo").type(Schema.createUnion(Schema.create(Schema.Type.NULL), GEO)).withDefault(null)
      .name("tags").type().array().items().stringType().noDefault()
      .endRecord();

  @Test
  void mapperProfilesEveryColumnNestedRecordsFlattened() throws IOException {
    MapDriver<Text, AvroValue<GenericRecord>, Text, ColumnStats> driver =
        MapDriver.newMapDriver(new ColumnProfileMapper()).withConfiguration(recordInputConf());
    driver.withInput(new Text(DATASET), new AvroValue<>(thing("a", "12.50", 1000L, "DE", List.of("x"))));
    driver.withInput(new Text(DATASET), new AvroValue<>(thing("b", null, 3000L, null, List.of())));
    driver.withInput(new Text(DATASET), new AvroValue<>(thing("a", "3.00", 2000L, "", List.of("x"))));

    List<Pair<Text, ColumnStats>> output = driver.run();

    assertEquals(List.of("id", "amount", "at", "geo.country", "tags"),
        output.stream().map(p -> p.getFirst().toString().substring(DATASET.length() + 1)).toList());
    assertStats(output.get(0).getSecond(), "string", 3, 0, null, null, 2);
    assertStats(output.get(1).getSecond(), "decimal", 3, 1, "3.00", "12.50", 2);
    assertStats(output.get(2).getSecond(), "timestamp-millis", 3, 0, "1000", "3000", 3);
    assertStats(output.get(3).getSecond(), "string", 3, 1, null, null, 2);
    assertStats(output.get(4).getSecond(), "array", 3, 0, null, null, 2);
    assertEquals(3, driver.getCounters().findCounter(DqCounters.RECORDS).getValue());
  }

  @Test
  void textIsCountedByItsBytesWhateverObjectHoldsIt() throws IOException {
    ColumnStats fromStrings = strings("é", "", "b");
    ColumnStats fromUtf8 = new ColumnStats("string");
    BinaryValues binary = new BinaryValues();
    Utf8 reused = new Utf8("a much longer value first");
    for (String value : List.of("é", "", "b")) {
      reused.set(value);
      ColumnTypes.add(fromUtf8, Schema.create(Schema.Type.STRING), reused, DqReportKeys.DEFAULT_HLL_LG_K, binary);
    }
    assertArrayEquals(fromStrings.distinct().toCompactByteArray(), fromUtf8.distinct().toCompactByteArray());
    assertEquals(3, Math.round(fromUtf8.distinct().getEstimate()));
  }

  @Test
  void equalMapsCountOnceWhicheverObjectsHoldThem() throws IOException {
    Schema map = Schema.createMap(Schema.create(Schema.Type.STRING));
    ColumnStats stats = new ColumnStats("map");
    BinaryValues binary = new BinaryValues();
    for (Map<String, String> value : List.of(Map.of("k", "v"), new HashMap<>(Map.of("k", "v")), Map.of("k", "w"),
        Map.<String, String>of())) {
      ColumnTypes.add(stats, map, value, DqReportKeys.DEFAULT_HLL_LG_K, binary);
    }
    assertStats(stats, "map", 4, 0, null, null, 3);
  }

  @Test
  void combinerMergesPartialStatsOfAColumn() throws IOException {
    ReduceDriver<Text, ColumnStats, Text, ColumnStats> driver = ReduceDriver.newReduceDriver(new ColumnStatsCombiner())
        .withConfiguration(new Configuration());
    driver.withInput(new Text(DATASET + "\tid"), List.of(strings("a", "b", null), strings("b", "c")));

    List<Pair<Text, ColumnStats>> output = driver.run();

    assertEquals(1, output.size());
    assertEquals(DATASET + "\tid", output.get(0).getFirst().toString());
    assertStats(output.get(0).getSecond(), "string", 5, 1, null, null, 3);
  }

  @Test
  void reducerWritesTheMergedProfileAsJson() throws IOException {
    ReduceDriver<Text, ColumnStats, Text, Text> driver = ReduceDriver.newReduceDriver(new ColumnProfileReducer())
        .withConfiguration(new Configuration());
    driver.withInput(new Text(DATASET + "\tat"), List.of(times(5000L, null), times(1500L, 5000L, 86_400_000L)));

    List<Pair<Text, Text>> output = driver.run();

    assertEquals(1, output.size());
    JsonNode profile = new ObjectMapper().readTree(output.get(0).getSecond().toString());
    assertEquals("timestamp-millis", profile.path("type").asText());
    assertEquals(5, profile.path("rows").asLong());
    assertEquals(1, profile.path("nulls").asLong());
    assertEquals(3, profile.path("distinct").path("estimate").asLong());
    assertEquals("1970-01-01T00:00:01.500Z", profile.path("min").asText());
    assertEquals("1970-01-02T00:00:00Z", profile.path("max").asText());
    assertEquals(1, driver.getCounters().findCounter(DqCounters.COLUMNS).getValue());
  }

  @Test
  void statsSurviveTheirWritableForm() throws IOException {
    ColumnStats stats = strings("x", null, "y", "x");
    DataOutputBuffer out = new DataOutputBuffer();
    stats.write(out);
    DataInputBuffer in = new DataInputBuffer();
    in.reset(out.getData(), out.getLength());
    ColumnStats copy = new ColumnStats();
    copy.readFields(in);

    assertStats(copy, "string", 4, 1, null, null, 2);
  }

  /** What MRUnit needs to copy the generic input records; the job's record reader hands them over directly. */
  private static Configuration recordInputConf() throws IOException {
    Job job = Job.getInstance(new Configuration());
    AvroJob.setDataModelClass(job, GenericData.class);
    AvroSerialization.setValueWriterSchema(job.getConfiguration(), THING);
    AvroSerialization.setValueReaderSchema(job.getConfiguration(), THING);
    AvroSerialization.addToConfiguration(job.getConfiguration());
    return job.getConfiguration();
  }

  private static void assertStats(ColumnStats stats, String type, long rows, long nulls, String min, String max,
      long distinct) {
    assertEquals(type, stats.type());
    assertEquals(rows, stats.rows());
    assertEquals(nulls, stats.nulls());
    if (min == null) {
      assertNull(stats.min());
    } else {
      assertEquals(new BigDecimal(min), stats.min());
      assertEquals(new BigDecimal(max), stats.max());
    }
    assertEquals(distinct, Math.round(stats.distinct().getEstimate()));
  }

  private static ColumnStats strings(String... values) throws IOException {
    ColumnStats stats = new ColumnStats("string");
    for (String value : values) {
      ColumnTypes.add(stats, Schema.create(Schema.Type.STRING), value, DqReportKeys.DEFAULT_HLL_LG_K,
          new BinaryValues());
    }
    return stats;
  }

  private static ColumnStats times(Long... values) throws IOException {
    ColumnStats stats = new ColumnStats(ColumnTypes.TIMESTAMP_MILLIS);
    for (Long value : values) {
      ColumnTypes.add(stats, TIME, value, DqReportKeys.DEFAULT_HLL_LG_K, new BinaryValues());
    }
    return stats;
  }

  private static GenericRecord thing(String id, String amount, long at, String country, List<String> tags) {
    GenericRecord record = new GenericData.Record(THING);
    record.put("id", id);
    record.put("amount", amount == null ? null : ByteBuffer.wrap(new BigDecimal(amount).unscaledValue().toByteArray()));
    record.put("at", at);
    if (country != null) {
      GenericRecord geo = new GenericData.Record(GEO);
      geo.put("country", country);
      record.put("geo", geo);
    }
    record.put("tags", new GenericData.Array<>(THING.getField("tags").schema(), tags));
    return record;
  }
}
