package io.mrsuite.jobs.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The records a job's files hold, counted from Avro block headers and Parquet footers, as the books check them. */
class StagedRecordsTest {
  private static final Schema ROW = SchemaBuilder.record("Row").fields().requiredLong("n").requiredString("s")
      .endRecord();

  @TempDir
  Path dir;

  private final Configuration conf = new Configuration();

  @Test
  void avroRecordsAreCountedOverEveryBlockOfEveryVisibleFile() throws IOException {
    writeAvro(dir.resolve("part-r-00000.avro"), 1000);
    writeAvro(dir.resolve("part-r-00001.avro"), 0);
    writeAvro(dir.resolve("part-r-00002.avro"), 37);
    writeAvro(dir.resolve("_ignored.avro"), 5);
    Files.createDirectories(dir.resolve("quarantine"));
    writeAvro(dir.resolve("quarantine/part-m-00000.avro"), 3);

    assertEquals(1037, StagedRecords.avro(local(), hadoopPath(dir), conf));
    assertEquals(3, StagedRecords.avro(local(), hadoopPath(dir.resolve("quarantine")), conf));
  }

  @Test
  void anAvroFileCutShortIsAnErrorNamingIt() throws IOException {
    Path file = dir.resolve("part-r-00000.avro");
    writeAvro(file, 1000);
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, Arrays.copyOf(bytes, bytes.length - 100));

    IOException e = assertThrows(IOException.class, () -> StagedRecords.avro(local(), hadoopPath(dir), conf));
    assertTrue(e.getMessage().contains("part-r-00000.avro") && e.getMessage().contains("cut short"), e.getMessage());
  }

  @Test
  void parquetRowsAreCountedFromTheFooters() throws IOException {
    writeParquet(dir.resolve("part-r-00000.parquet"), 250);
    writeParquet(dir.resolve("part-r-00001.parquet"), 4);

    assertEquals(254, StagedRecords.parquet(local(), hadoopPath(dir), conf));
  }

  @Test
  void theUsualCheckNamesTheCounterAndBothCounts() {
    org.apache.hadoop.mapreduce.Counters counters = new org.apache.hadoop.mapreduce.Counters();
    counters.findCounter(RecordCounters.WRITTEN).setValue(10);

    assertEquals(List.of(), OutputCheck.holds(RecordCounters.WRITTEN).problems(counters, 10));
    assertEquals(List.of("counted WRITTEN 10 != records in the output files 9"),
        OutputCheck.holds(RecordCounters.WRITTEN).problems(counters, 9));
  }

  private void writeAvro(Path file, int records) throws IOException {
    try (DataFileWriter<GenericRecord> writer = new DataFileWriter<>(new GenericDatumWriter<GenericRecord>(ROW))) {
      writer.setCodec(CodecFactory.snappyCodec());
      // Small blocks, so that the count spans many block headers.
      writer.setSyncInterval(64);
      writer.create(ROW, file.toFile());
      for (int i = 0; i < records; i++) {
        writer.append(row(i));
      }
    }
  }

  private void writeParquet(Path file, int rows) throws IOException {
    try (ParquetWriter<GenericRecord> writer = AvroParquetWriter.<GenericRecord>builder(
        HadoopOutputFile.fromPath(hadoopPath(file), conf)).withSchema(ROW).withRowGroupSize(1024L).build()) {
      for (int i = 0; i < rows; i++) {
        writer.write(row(i));
      }
    }
  }

  private static GenericRecord row(int i) {
    GenericRecord row = new GenericData.Record(ROW);
    row.put("n", (long) i);
    row.put("s", "row " + i);
    return row;
  }

  private FileSystem local() throws IOException {
    return FileSystem.getLocal(conf);
  }

  private static org.apache.hadoop.fs.Path hadoopPath(Path path) {
    return new org.apache.hadoop.fs.Path(path.toUri());
  }
}
