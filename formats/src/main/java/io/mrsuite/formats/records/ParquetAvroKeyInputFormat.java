package io.mrsuite.formats.records;

import java.io.IOException;
import java.util.List;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.mapred.AvroKey;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.JobContext;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.parquet.avro.AvroParquetInputFormat;

/**
 * Reads Parquet files as {@code (AvroKey, NullWritable)} pairs, so one mapper reads Avro and Parquet alike.
 *
 * <p>It is parquet-avro's {@link AvroParquetInputFormat}, with its splits and its reader, giving the pair
 * type of Avro's own input format. It is a FileInputFormat because Hadoop's CombineFileRecordReaderWrapper
 * takes one.
 */
public class ParquetAvroKeyInputFormat extends FileInputFormat<AvroKey<GenericRecord>, NullWritable> {
  private final AvroParquetInputFormat<GenericRecord> parquet = new AvroParquetInputFormat<>();

  @Override
  public List<InputSplit> getSplits(JobContext job) throws IOException {
    return parquet.getSplits(job);
  }

  @Override
  public RecordReader<AvroKey<GenericRecord>, NullWritable> createRecordReader(InputSplit split,
      TaskAttemptContext context) throws IOException, InterruptedException {
    return new ParquetAvroKeyRecordReader(parquet.createRecordReader(split, context));
  }
}
