package io.mrsuite.jobs.compact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mrsuite.formats.avro.Event;
import io.mrsuite.formats.schemas.SchemaHistory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DatumReader;
import org.apache.hadoop.util.ToolRunner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A partition holding files written before and after Event gained device (v1 and v2) is compacted into files of
 * v2, every v1 record read into it by Avro's resolution (device null), every v2 record unchanged.
 */
class CompactSchemaVersionsTest {
  private static final Schema V1 = SchemaHistory.forRecord(Event.getClassSchema().getFullName()).orElseThrow()
      .versions().get(0);
  private static final Schema V2 = Event.getClassSchema();

  @TempDir
  Path root;

  private Path partition;

  @BeforeEach
  void mixedPartition() throws IOException {
    Path written = root.resolve("written");
    SmallFiles.writeAvro(written, 3, 30, 11L, "snappy");
    partition = root.resolve("curated/events/dt=2026-11-20");
    Files.createDirectories(partition);
    for (Path file : SmallFiles.dataFiles(written)) {
      boolean old = !file.getFileName().toString().equals("part-00002.avro");
      List<GenericRecord> records = new ArrayList<>();
      for (GenericRecord record : read(file, new GenericDatumReader<>())) {
        records.add(old ? asV1(record) : withDevice(record));
      }
      write(partition.resolve(file.getFileName().toString()), old ? V1 : V2, records);
    }
    SmallFiles.markComplete(partition);
  }

  @Test
  void aPartitionOfTwoVersionsIsRewrittenIntoTheNewestWithEveryRecordResolved() throws Exception {
    Map<GenericRecord, Integer> expected = new HashMap<>();
    for (Path file : SmallFiles.dataFiles(partition)) {
      read(file, new GenericDatumReader<>(null, V2)).forEach(r -> expected.merge(r, 1, Integer::sum));
    }
    long withDevice = expected.keySet().stream().filter(r -> r.get("device") != null).count();
    assertTrue(withDevice > 0 && withDevice < expected.size(), "some records of v2 have a device, those of v1 none");

    // Three small files make one group: only the schemas ask for a rewrite.
    assertEquals(0, ToolRunner.run(CompactJobs.localConf(), new CompactJob(),
        new String[] {"--dataset", partition.toString(), "--target-size", "64m"}));

    List<Path> compacted = SmallFiles.dataFiles(partition);
    assertEquals(1, compacted.size(), compacted::toString);
    assertEquals(V2, SmallFiles.avroSchemaOf(compacted.get(0).toFile()));
    assertEquals(expected, SmallFiles.records(partition));
    JsonNode manifest = new ObjectMapper().readTree(partition.resolve("_manifest.json").toFile());
    assertEquals("Event v1 (2 files) + Event v2 (1 file) -> Event v2",
        manifest.get(CompactionManifest.COMPACTIONS).get(0).get("schemas").asText());
  }

  @Test
  void aPartitionOfOneVersionIsLeftAsItIsWhenCompactOtherwise() throws Exception {
    for (Path file : SmallFiles.dataFiles(partition)) {
      if (!file.getFileName().toString().equals("part-00002.avro")) {
        Files.delete(file);
      }
    }
    byte[] before = Files.readAllBytes(partition.resolve("part-00002.avro"));
    assertEquals(0, ToolRunner.run(CompactJobs.localConf(), new CompactJob(),
        new String[] {"--dataset", partition.toString(), "--target-size", "64m"}));
    assertEquals(List.of(partition.resolve("part-00002.avro")), SmallFiles.dataFiles(partition));
    assertTrue(Arrays.equals(before, Files.readAllBytes(partition.resolve("part-00002.avro"))));
    assertTrue(Files.notExists(partition.resolve("_manifest.json")), "nothing was rewritten");
  }

  /** The record as Event v1 wrote it: no device field; a device would have been an attribute. */
  private static GenericRecord asV1(GenericRecord v2) {
    GenericRecord v1 = new GenericData.Record(V1);
    for (Schema.Field field : V1.getFields()) {
      v1.put(field.name(), v2.get(field.name()));
    }
    return v1;
  }

  private static GenericRecord withDevice(GenericRecord record) {
    if (((Number) record.get("source_line")).longValue() % 2 == 0) {
      record.put("device", "ios-app");
    }
    return record;
  }

  private static List<GenericRecord> read(Path file, DatumReader<GenericRecord> datumReader) throws IOException {
    List<GenericRecord> records = new ArrayList<>();
    try (DataFileReader<GenericRecord> reader = new DataFileReader<>(file.toFile(), datumReader)) {
      reader.forEach(records::add);
    }
    return records;
  }

  private static void write(Path file, Schema schema, List<GenericRecord> records) throws IOException {
    try (DataFileWriter<GenericRecord> writer = new DataFileWriter<>(new GenericDatumWriter<>(schema))) {
      writer.setCodec(CodecFactory.snappyCodec());
      writer.create(schema, file.toFile());
      for (GenericRecord record : records) {
        writer.append(record);
      }
    }
  }
}
