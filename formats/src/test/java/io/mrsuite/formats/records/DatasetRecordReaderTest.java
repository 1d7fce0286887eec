package io.mrsuite.formats.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mrsuite.formats.avro.Event;
import io.mrsuite.formats.schemas.SchemaHistory;
import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.hadoop.io.AvroSerialization;
import org.apache.avro.util.Utf8;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.TaskAttemptID;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;
import org.apache.hadoop.mapreduce.task.TaskAttemptContextImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetRecordReaderTest {
  @TempDir
  java.nio.file.Path root;

  @Test
  void aFileIsLabelledWithItsZoneAndDatasetInAPartitionOrInOneOfItsRunDirectories() {
    assertEquals("curated/events", DatasetRecordReader.datasetLabel(
        new Path("hdfs://nn/warehouse/curated/events/dt=2026-11-20/part-m-00000.avro")));
    assertEquals("marts/product_daily", DatasetRecordReader.datasetLabel(
        new Path("s3a://bucket/warehouse/marts/product_daily/dt=2026-11-20/run-1/part-r-00000.parquet")));
  }

  @Test
  void anAvroFileOfAnOlderVersionIsReadInTheCurrentSchemaOfItsRecord() throws Exception {
    Schema v1 = SchemaHistory.forRecord(Event.getClassSchema().getFullName()).orElseThrow().versions().get(0);
    assertNull(v1.getField("device"));
    GenericRecord old = new GenericData.Record(v1);
    old.put("event_id", "e-1");
    old.put("event_type", new GenericData.EnumSymbol(v1.getField("event_type").schema(), "page_view"));
    old.put("event_time", 1_763_640_000_000L);
    old.put("anonymous_id", "a-1");
    old.put("quantity", 1);
    old.put("attributes", Map.of("device", "phone"));
    old.put("arrival_date", (int) LocalDate.of(2026, 11, 20).toEpochDay());
    old.put("source_file", "raw/events/dt=2026-11-20/hr=00/e.jsonl");
    old.put("source_offset", 0L);
    old.put("source_line", 1L);
    java.nio.file.Path file = root.resolve("curated/events/dt=2026-11-20/part-m-00000.avro");
    Files.createDirectories(file.getParent());
    try (DataFileWriter<GenericRecord> writer = new DataFileWriter<>(new GenericDatumWriter<>(v1))) {
      writer.create(v1, file.toFile());
      writer.append(old);
    }

    DatasetRecordReader reader = new DatasetRecordReader();
    Configuration conf = new Configuration();
    // dq-report's model (AvroJob.setDataModelClass), with which Avro uses its fast reader.
    AvroSerialization.setDataModelClass(conf, GenericData.class);
    reader.initialize(new FileSplit(new Path(file.toUri()), 0, Files.size(file), null),
        new TaskAttemptContextImpl(conf, new TaskAttemptID()));
    assertTrue(reader.nextKeyValue());
    GenericRecord read = reader.getCurrentValue().datum();
    assertEquals("curated/events", reader.getCurrentKey().toString());
    assertEquals(SchemaNormalization.toParsingForm(Event.getClassSchema()),
        SchemaNormalization.toParsingForm(read.getSchema()));
    assertNull(read.get("device"));
    assertEquals(new Utf8("e-1"), read.get("event_id"));
    assertEquals(Map.of(new Utf8("device"), new Utf8("phone")), read.get("attributes"));
    assertFalse(reader.nextKeyValue());
    reader.close();
  }

  @Test
  void aFileThatIsNotAvroIsNamed() throws IOException {
    java.nio.file.Path file = root.resolve("curated/events/dt=2026-11-20/notes.txt");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "not avro");
    DatasetRecordReader reader = new DatasetRecordReader();
    IOException e = assertThrows(IOException.class, () -> reader.initialize(
        new FileSplit(new Path(file.toUri()), 0, Files.size(file), null),
        new TaskAttemptContextImpl(new Configuration(), new TaskAttemptID())));
    assertTrue(e.getMessage().startsWith("cannot read the Avro header of file:" + file), e.getMessage());
  }
}
