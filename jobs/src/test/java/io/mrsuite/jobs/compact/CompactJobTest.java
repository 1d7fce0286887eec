package io.mrsuite.jobs.compact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mrsuite.formats.avro.Event;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.util.ToolRunner;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * compact in local mode on 1,000 small files of each format: the same multiset of records, compacted files
 * near the target size, the format's schema and codec kept, {@code _SUCCESS} and the manifest kept, the old
 * files gone and nothing left beside the partition.
 *
 * <p>Size tolerance. The plan counts the compacted files by their estimated size (the input's record bytes
 * times what a sample rewrite measured merging makes of each byte, {@link OutputSizeSampler}): the fewest
 * that keep each at or under the target, each given an equal share of the input, give or take one small input
 * file. So a file exceeds the target only by the sample's error: at most 5% (measured here: 1% or less).
 * It falls below the target by the rounding up of the count, which depends on the data: here 7.1 targets of
 * Avro go into 8 files (0.89 each) and 4.8 of Parquet into 5 (0.97), so at least 85% of the target. The files
 * are within 10% of each other: equal shares within one input file of 1 to 40 records, merged alike.
 * Measured here: Avro 0.88 to 0.91 of the target, Parquet 0.95 to 0.99.
 */
class CompactJobTest {
  private static final long SEED = 20261120L;
  private static final int FILES = 1000;
  private static final int MAX_RECORDS_PER_FILE = 40;
  private static final int SMALL_PARTITION_FILES = 60;
  private static final String TARGET = "256k";
  private static final long TARGET_BYTES = 256 * 1024;
  private static final double LEAST_OF_TARGET = 0.85;
  private static final double MOST_OF_TARGET = 1.05;
  private static final String ORIGINAL_MANIFEST = "{\"job\":\"ingest-events\",\"records\":{\"written\":12345}}";

  @TempDir
  Path root;

  @Test
  void compactsAThousandSmallAvroFilesIntoTargetSizedFilesWithTheSameRecords() throws Exception {
    Path partition = root.resolve("curated/events/dt=2026-11-20");
    SmallFiles.writeAvro(partition, FILES, MAX_RECORDS_PER_FILE, SEED, "snappy");
    SmallFiles.markComplete(partition);
    Files.writeString(partition.resolve("_manifest.json"), ORIGINAL_MANIFEST);
    Map<GenericRecord, Integer> before = SmallFiles.records(partition);

    assertEquals(0, ToolRunner.run(CompactJobs.localConf(), new CompactJob(),
        new String[] {"--dataset", partition.toString(), "--target-size", TARGET}));

    List<Path> compacted = SmallFiles.dataFiles(partition);
    assertEquals(before, SmallFiles.records(partition));
    for (Path file : compacted) {
      assertTrue(file.getFileName().toString().matches("part-m-\\d{5}\\.avro"), file.toString());
      assertEquals(Event.getClassSchema(), SmallFiles.avroSchemaOf(file.toFile()));
      assertEquals("snappy", SmallFiles.avroCodecOf(file.toFile()));
    }
    assertCompactedPartition(partition, compacted, SmallFiles.total(before));
    assertSizes(compacted);
  }

  @Test
  void compactsAThousandSmallParquetFilesIntoTargetSizedFilesWithTheSameRecords() throws Exception {
    Path partition = root.resolve("marts/events/dt=2026-11-20");
    SmallFiles.writeParquet(partition, FILES, MAX_RECORDS_PER_FILE, SEED, CompressionCodecName.SNAPPY);
    SmallFiles.markComplete(partition);
    Files.writeString(partition.resolve("_manifest.json"), ORIGINAL_MANIFEST);
    Map<GenericRecord, Integer> before = SmallFiles.records(partition);

    assertEquals(0, ToolRunner.run(CompactJobs.localConf(), new CompactJob(),
        new String[] {"--dataset", partition.toString(), "--target-size", TARGET}));

    List<Path> compacted = SmallFiles.dataFiles(partition);
    assertEquals(before, SmallFiles.records(partition));
    for (Path file : compacted) {
      assertTrue(file.getFileName().toString().matches("part-m-\\d{5}\\.snappy\\.parquet"), file.toString());
      try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(
          new org.apache.hadoop.fs.Path(file.toUri()), new Configuration()))) {
        List<BlockMetaData> rowGroups = reader.getFooter().getBlocks();
        assertEquals(1, rowGroups.size(), "one row group per target-sized file: " + file);
        assertEquals(CompressionCodecName.SNAPPY, rowGroups.get(0).getColumns().get(0).getCodec());
      }
    }
    assertCompactedPartition(partition, compacted, SmallFiles.total(before));
    assertSizes(compacted);
  }

  /**
   * A partition smaller than the sample is rewritten whole by the sample, with the job's writer settings, so
   * the estimate is the compacted file's size to the byte: the sample measures what the job writes. The
   * Parquet partition's first file has no records, so its footer names no codec: the sample and the job
   * still write with the codec the other files name.
   */
  @Test
  void theSampleMeasuresWhatTheJobWritesToTheByte() throws Exception {
    Path avro = root.resolve("curated/events/dt=2026-11-20");
    SmallFiles.writeAvro(avro, SMALL_PARTITION_FILES, MAX_RECORDS_PER_FILE, SEED, "snappy");
    Path parquet = root.resolve("marts/events/dt=2026-11-20");
    SmallFiles.writeParquet(parquet, SMALL_PARTITION_FILES, MAX_RECORDS_PER_FILE, SEED, CompressionCodecName.SNAPPY);
    SmallFiles.writeEmptyParquet(parquet.resolve("empty.parquet"));

    for (Path partition : List.of(avro, parquet)) {
      SmallFiles.markComplete(partition);
      assertEquals(0, ToolRunner.run(CompactJobs.localConf(), new CompactJob(),
          new String[] {"--dataset", partition.toString(), "--target-size", "1g"}));

      List<Path> compacted = SmallFiles.dataFiles(partition);
      assertEquals(1, compacted.size(), compacted.toString());
      JsonNode compaction = new ObjectMapper().readTree(partition.resolve("_manifest.json").toFile())
          .get("compactions").get(0);
      assertEquals(Files.size(compacted.get(0)), compaction.get("bytes_out").asLong());
      assertEquals(Files.size(compacted.get(0)), compaction.get("estimated_bytes_out").asLong(), partition.toString());
      assertEquals("snappy", codecOf(compacted.get(0)));
    }
  }

  private static String codecOf(Path file) throws IOException {
    if (!file.getFileName().toString().endsWith(".parquet")) {
      return SmallFiles.avroCodecOf(file.toFile());
    }
    try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(
        new org.apache.hadoop.fs.Path(file.toUri()), new Configuration()))) {
      return reader.getFooter().getBlocks().get(0).getColumns().get(0).getCodec().name().toLowerCase(Locale.ROOT);
    }
  }

  private static void assertSizes(List<Path> compacted) throws IOException {
    long smallest = Long.MAX_VALUE;
    long largest = 0;
    for (Path file : compacted) {
      smallest = Math.min(smallest, Files.size(file));
      largest = Math.max(largest, Files.size(file));
    }
    assertTrue(largest <= TARGET_BYTES * MOST_OF_TARGET, "largest " + largest);
    assertTrue(smallest >= TARGET_BYTES * LEAST_OF_TARGET, "smallest " + smallest);
    assertTrue(largest <= smallest * 1.10, "balanced: " + smallest + " .. " + largest);
  }

  private static void assertCompactedPartition(Path partition, List<Path> compacted, int records) throws IOException {
    assertTrue(compacted.size() >= 3, "several files: " + compacted);
    assertTrue(Files.exists(partition.resolve("_SUCCESS")));
    try (Stream<Path> siblings = Files.list(partition.getParent())) {
      assertEquals(List.of(partition.getFileName().toString()),
          siblings.map(p -> p.getFileName().toString()).toList(), "no staging or set-aside directory left");
    }
    JsonNode manifest = new ObjectMapper().readTree(partition.resolve("_manifest.json").toFile());
    assertEquals("ingest-events", manifest.get("job").asText(), "the original manifest is kept");
    assertEquals(12345, manifest.get("records").get("written").asLong());
    JsonNode compaction = manifest.get("compactions").get(0);
    assertEquals(records, compaction.get("records").asLong());
    assertEquals(FILES, compaction.get("files_in").asInt());
    assertEquals(compacted.size(), compaction.get("files_out").asInt());
    assertEquals(compacted.size(), compaction.get("planned_files").asInt(), "one file per planned group");
  }
}
