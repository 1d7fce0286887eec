package io.mrsuite.jobs.warehouse;

import io.mrsuite.formats.records.CombinedAvroKeyInputFormat;
import java.io.IOException;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.mapreduce.AvroJob;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.parquet.avro.AvroParquetInputFormat;

/**
 * Sets a job to read partitions of one dataset with the input format of its file format.
 *
 * <p>The reader schema is always the registry's: Avro's input format only warns without one and falls back
 * to each file's writer schema. Avro records arrive as {@code AvroKey}, their files packed into few splits
 * ({@link CombinedAvroKeyInputFormat}); Parquet rows as the value of parquet-avro's {@link AvroParquetInputFormat}.
 */
public final class DatasetInputs {
  private DatasetInputs() {
  }

  public static void read(Job job, Dataset dataset, List<Path> partitions) throws IOException {
    Schema schema = dataset.schema().orElseThrow(
        () -> new IllegalArgumentException(dataset + " is raw text: read it with a text or CSV input format"));
    switch (dataset.format()) {
      case AVRO -> {
        job.setInputFormatClass(CombinedAvroKeyInputFormat.class);
        AvroJob.setInputKeySchema(job, schema);
      }
      case PARQUET -> {
        job.setInputFormatClass(AvroParquetInputFormat.class);
        AvroParquetInputFormat.setAvroReadSchema(job, schema);
      }
      default -> throw new IllegalArgumentException(dataset + " is " + dataset.format() + ", not a record format");
    }
    FileInputFormat.setInputPaths(job, partitions.toArray(new Path[0]));
  }
}
