package io.mrsuite.jobs.compact;

import io.mrsuite.jobs.run.MartParquetOutputFormat;
import java.io.IOException;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.mapred.AvroKey;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapreduce.JobContext;
import org.apache.hadoop.mapreduce.OutputCommitter;
import org.apache.hadoop.mapreduce.OutputFormat;
import org.apache.hadoop.mapreduce.RecordWriter;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.parquet.avro.AvroParquetOutputFormat;

/**
 * Writes the {@code (AvroKey, NullWritable)} pairs of {@link CompactMapper} as Parquet.
 *
 * <p>It is parquet-avro's {@link AvroParquetOutputFormat}, with its writer and its committer (the object store's
 * on {@code s3a://}, as for the marts), taking the pair type the mapper writes whatever the format.
 */
public class ParquetAvroKeyOutputFormat extends OutputFormat<AvroKey<GenericRecord>, NullWritable> {
  private final AvroParquetOutputFormat<GenericRecord> parquet = new MartParquetOutputFormat<>();

  @Override
  public RecordWriter<AvroKey<GenericRecord>, NullWritable> getRecordWriter(TaskAttemptContext context)
      throws IOException, InterruptedException {
    RecordWriter<Void, GenericRecord> writer = parquet.getRecordWriter(context);
    return new RecordWriter<>() {
      @Override
      public void write(AvroKey<GenericRecord> key, NullWritable value) throws IOException, InterruptedException {
        writer.write(null, key.datum());
      }

      @Override
      public void close(TaskAttemptContext closing) throws IOException, InterruptedException {
        writer.close(closing);
      }
    };
  }

  @Override
  public void checkOutputSpecs(JobContext context) throws IOException, InterruptedException {
    parquet.checkOutputSpecs(context);
  }

  @Override
  public OutputCommitter getOutputCommitter(TaskAttemptContext context) throws IOException {
    return parquet.getOutputCommitter(context);
  }
}
