package io.mrsuite.formats.records;

import java.io.IOException;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.mapred.AvroKey;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptContext;

/** parquet-avro's records, each as the key of an {@code (AvroKey, NullWritable)} pair like Avro's own readers give. */
final class ParquetAvroKeyRecordReader extends RecordReader<AvroKey<GenericRecord>, NullWritable> {
  private final RecordReader<Void, GenericRecord> parquet;
  private final AvroKey<GenericRecord> key = new AvroKey<>();

  ParquetAvroKeyRecordReader(RecordReader<Void, GenericRecord> parquet) {
    this.parquet = parquet;
  }

  @Override
  public void initialize(InputSplit split, TaskAttemptContext context) throws IOException, InterruptedException {
    parquet.initialize(split, context);
  }

  @Override
  public boolean nextKeyValue() throws IOException, InterruptedException {
    if (!parquet.nextKeyValue()) {
      return false;
    }
    key.datum(parquet.getCurrentValue());
    return true;
  }

  @Override
  public AvroKey<GenericRecord> getCurrentKey() {
    return key;
  }

  @Override
  public NullWritable getCurrentValue() {
    return NullWritable.get();
  }

  @Override
  public float getProgress() throws IOException, InterruptedException {
    return parquet.getProgress();
  }

  @Override
  public void close() throws IOException {
    parquet.close();
  }
}
