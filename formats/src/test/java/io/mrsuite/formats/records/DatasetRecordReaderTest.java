package io.mrsuite.formats.records;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;

class DatasetRecordReaderTest {
  @Test
  void aFileIsLabelledWithItsZoneAndDatasetInAPartitionOrInOneOfItsRunDirectories() {
    assertEquals("curated/events", DatasetRecordReader.datasetLabel(
        new Path("hdfs://nn/warehouse/curated/events/dt=2026-11-20/part-m-00000.avro")));
    assertEquals("marts/product_daily", DatasetRecordReader.datasetLabel(
        new Path("s3a://bucket/warehouse/marts/product_daily/dt=2026-11-20/run-1/part-r-00000.parquet")));
  }
}
