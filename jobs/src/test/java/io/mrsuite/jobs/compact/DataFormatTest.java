package io.mrsuite.jobs.compact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mrsuite.jobs.run.JobFailedException;
import java.io.IOException;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.Job;
import org.apache.parquet.avro.AvroSchemaConverter;
import org.apache.parquet.avro.AvroWriteSupport;
import org.apache.parquet.hadoop.ParquetOutputFormat;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;

/** The Parquet writer settings compact derives from the files it rewrites. */
class DataFormatTest {
  private static final Schema WITH_LIST = SchemaBuilder.record("Row").namespace("t").fields()
      .requiredString("id").name("tags").type().array().items().stringType().noDefault().endRecord();

  @Test
  void listsAreWrittenInTheLayoutTheFilesHave() throws IOException {
    for (boolean oldLists : new boolean[] {true, false}) {
      Configuration layout = new Configuration(false);
      layout.setBoolean(AvroWriteSupport.WRITE_OLD_LIST_STRUCTURE, oldLists);
      Job job = Job.getInstance(new Configuration(false));

      DataFormat.PARQUET.configureOutput(job, parquetFile(new AvroSchemaConverter(layout).convert(WITH_LIST)), 1 << 20);

      assertEquals(oldLists, job.getConfiguration().getBoolean(AvroWriteSupport.WRITE_OLD_LIST_STRUCTURE, !oldLists));
      assertEquals("SNAPPY", job.getConfiguration().get(ParquetOutputFormat.COMPRESSION));
    }
  }

  @Test
  void aRowGroupHasRoomForTheTargetAndTheUnfinishedPagesOfEachColumn() throws IOException {
    Job job = Job.getInstance(new Configuration(false));
    DataFormat.PARQUET.configureOutput(job, parquetFile(new AvroSchemaConverter().convert(WITH_LIST)), 1 << 20);
    // Two leaf columns, a 1 MiB page and a 1 MiB dictionary each by default.
    assertEquals((1 << 20) + 2 * 2 * (1 << 20), job.getConfiguration().getLong(ParquetOutputFormat.BLOCK_SIZE, 0));

    Job chosen = Job.getInstance(new Configuration(false));
    chosen.getConfiguration().setLong(ParquetOutputFormat.BLOCK_SIZE, 12345);
    DataFormat.PARQUET.configureOutput(chosen, parquetFile(new AvroSchemaConverter().convert(WITH_LIST)), 1 << 20);
    assertEquals(12345, chosen.getConfiguration().getLong(ParquetOutputFormat.BLOCK_SIZE, 0), "the operator's choice");
  }

  @Test
  void aParquetSchemaParquetAvroWouldNotWriteIsRefused() {
    MessageType foreign = MessageTypeParser.parseMessageType(
        "message t.Row { required binary id (STRING); optional group tags (LIST) { repeated group list {"
            + " optional binary element (STRING); } } }");

    JobFailedException e = assertThrows(JobFailedException.class,
        () -> DataFormat.PARQUET.configureOutput(Job.getInstance(new Configuration(false)), parquetFile(foreign), 1));

    assertTrue(e.getMessage().contains("is not what parquet-avro writes for its Avro schema"), e.getMessage());
    assertTrue(e.getMessage().contains("/w/dt=2026-11-20/part-0.parquet"), e.getMessage());
  }

  @Test
  void avroKeepsItsCodecOrWritesUncompressed() throws IOException {
    Job snappy = Job.getInstance(new Configuration(false));
    DataFormat.AVRO.configureOutput(snappy, avroFile("snappy"), 1);
    assertEquals("snappy", snappy.getConfiguration().get("avro.output.codec"));
    assertTrue(snappy.getConfiguration().getBoolean("mapreduce.output.fileoutputformat.compress", false));

    Job none = Job.getInstance(new Configuration(false));
    DataFormat.AVRO.configureOutput(none, avroFile("null"), 1);
    assertFalse(none.getConfiguration().getBoolean("mapreduce.output.fileoutputformat.compress", true));
  }

  private static DataFile parquetFile(MessageType parquetSchema) {
    return new DataFile(new Path("hdfs://nn/w/dt=2026-11-20/part-0.parquet"), 100, 0, DataFormat.PARQUET, WITH_LIST,
        "SNAPPY", parquetSchema, 80, 1, Map.of());
  }

  private static DataFile avroFile(String codec) {
    return new DataFile(new Path("hdfs://nn/w/dt=2026-11-20/part-0.avro"), 100, 0, DataFormat.AVRO, WITH_LIST, codec,
        null, 80, -1, Map.of());
  }
}
