package io.mrsuite.jobs.compact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.mrsuite.jobs.run.RecordCounters;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.mapred.AvroKey;
import org.apache.avro.mapreduce.AvroJob;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapreduce.Counters;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mrunit.mapreduce.MapDriver;
import org.apache.hadoop.mrunit.types.Pair;
import org.junit.jupiter.api.Test;

/**
 * The compaction mapper passes every record through unchanged and counts it; the verification mapper
 * counts what it reads back. Both add up the same checksum: the sum of CRC-64-AVRO fingerprints of each
 * record's binary encoding, computed here with Avro's plain writer (the records' maps hold at most one
 * entry, so their canonical encoding is the plain one).
 */
class CompactMapReduceTest {
  private static final Schema SCHEMA = SchemaBuilder.record("Row").namespace("t").fields()
      .requiredString("id")
      .name("amount").type().unionOf().nullType().and().bytesType().endUnion().nullDefault()
      .name("tags").type().map().values().stringType().noDefault()
      .endRecord();

  @Test
  void compactMapperWritesEachRecordAsReadAndCountsIt() throws IOException {
    List<GenericRecord> rows = List.of(row("a", null, Map.of()), row("b", new byte[] {1, 2}, Map.of("k", "v")),
        row("a", null, Map.of()));
    MapDriver<AvroKey<GenericRecord>, NullWritable, AvroKey<GenericRecord>, NullWritable> driver =
        MapDriver.newMapDriver(new CompactMapper()).withConfiguration(avroConf());
    rows.forEach(row -> driver.withInput(new AvroKey<>(row), NullWritable.get()));

    List<Pair<AvroKey<GenericRecord>, NullWritable>> output = driver.run();

    assertEquals(rows, output.stream().map(pair -> pair.getFirst().datum()).toList());
    Counters counters = driver.getCounters();
    assertEquals(3, counters.findCounter(RecordCounters.READ).getValue());
    assertEquals(3, counters.findCounter(RecordCounters.WRITTEN).getValue());
    assertEquals(plainChecksum(rows), counters.findCounter(CompactCounters.CHECKSUM_READ).getValue());
  }

  @Test
  void verifyMapperCountsAndChecksumsWithoutOutput() throws IOException {
    List<GenericRecord> rows = List.of(row("x", new byte[] {9}, Map.of("a", "1")), row("y", null, Map.of()));
    MapDriver<AvroKey<GenericRecord>, NullWritable, NullWritable, NullWritable> driver =
        MapDriver.newMapDriver(new VerifyMapper()).withConfiguration(avroConf());
    rows.forEach(row -> driver.withInput(new AvroKey<>(row), NullWritable.get()));

    assertEquals(List.of(), driver.run());
    Counters counters = driver.getCounters();
    assertEquals(2, counters.findCounter(CompactCounters.RECORDS_VERIFIED).getValue());
    assertEquals(plainChecksum(rows), counters.findCounter(CompactCounters.CHECKSUM_VERIFIED).getValue());
  }

  @Test
  void theFingerprintIgnoresTheOrderOfMapEntriesOnly() throws IOException {
    Map<String, String> ab = new LinkedHashMap<>();
    ab.put("a", "1");
    ab.put("b", "2");
    Map<String, String> ba = new LinkedHashMap<>();
    ba.put("b", "2");
    ba.put("a", "1");
    RecordFingerprint fingerprint = new RecordFingerprint();

    assertEquals(fingerprint.of(row("r", null, ab)), fingerprint.of(row("r", null, ba)));
    assertEquals(plainChecksum(List.of(row("r", null, ab))), fingerprint.of(row("r", null, ba)),
        "entries in key order, as Avro's own writer writes this LinkedHashMap");
    long one = fingerprint.of(row("r", null, Map.of("a", "1")));
    assertNotEquals(one, fingerprint.of(row("r", null, Map.of("a", "2"))));
    assertNotEquals(one, fingerprint.of(row("s", null, Map.of("a", "1"))));
    assertNotEquals(fingerprint.of(row("r", null, Map.of())), fingerprint.of(row("r", new byte[0], Map.of())),
        "null and empty bytes are different values");
  }

  @Test
  void theChecksumOfTheSameRecordsInAnotherOrderIsTheSame() throws IOException {
    GenericRecord a = row("a", null, Map.of());
    GenericRecord b = row("b", new byte[] {3}, Map.of());
    GenericRecord c = row("c", null, Map.of("z", "26"));
    assertEquals(plainChecksum(List.of(a, b, c)), plainChecksum(List.of(c, a, b)));
    assertNotEquals(plainChecksum(List.of(a, a, c)), plainChecksum(List.of(a, c, c)),
        "a multiset: which record is repeated matters");
  }

  private static GenericRecord row(String id, byte[] amount, Map<String, String> tags) {
    GenericRecord row = new GenericData.Record(SCHEMA);
    row.put("id", id);
    row.put("amount", amount == null ? null : ByteBuffer.wrap(amount));
    row.put("tags", tags);
    return row;
  }

  /** Sum of fingerprint64 over Avro's own binary encoding of each record. */
  private static long plainChecksum(List<GenericRecord> rows) throws IOException {
    long sum = 0;
    for (GenericRecord row : rows) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
      new GenericDatumWriter<GenericRecord>(SCHEMA).write(row, encoder);
      encoder.flush();
      sum += SchemaNormalization.fingerprint64(bytes.toByteArray());
    }
    return sum;
  }

  /** MRUnit copies keys through Avro's serialization, which needs the schema and the generic model. */
  private static Configuration avroConf() throws IOException {
    Job job = Job.getInstance(new Configuration());
    AvroJob.setDataModelClass(job, GenericData.class);
    AvroJob.setMapOutputKeySchema(job, SCHEMA);
    return job.getConfiguration();
  }

  @Test
  void theFingerprinterFollowsTheSchemaOfEachRecord() throws IOException {
    Schema other = SchemaBuilder.record("Other").fields().requiredString("id").endRecord();
    GenericRecord otherRow = new GenericData.Record(other);
    otherRow.put("id", "a");
    RecordFingerprint fingerprint = new RecordFingerprint();
    long first = fingerprint.of(row("a", null, Map.of()));
    fingerprint.of(otherRow);
    assertEquals(first, fingerprint.of(row("a", null, Map.of())));
  }
}
