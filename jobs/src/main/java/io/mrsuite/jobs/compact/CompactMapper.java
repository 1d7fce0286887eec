package io.mrsuite.jobs.compact;

import io.mrsuite.jobs.run.RecordCounters;
import java.io.IOException;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.mapred.AvroKey;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapreduce.Counter;
import org.apache.hadoop.mapreduce.Mapper;

/**
 * Copies every record of its group of files to its one output file, unchanged.
 *
 * <p>It counts each record read and written and adds its fingerprint to the checksum of what was read.
 */
public class CompactMapper extends Mapper<AvroKey<GenericRecord>, NullWritable, AvroKey<GenericRecord>, NullWritable> {
  private final RecordFingerprint fingerprint = new RecordFingerprint();
  private Counter read;
  private Counter written;
  private Counter checksum;

  @Override
  protected void setup(Context context) {
    read = context.getCounter(RecordCounters.READ);
    written = context.getCounter(RecordCounters.WRITTEN);
    checksum = context.getCounter(CompactCounters.CHECKSUM_READ);
  }

  @Override
  protected void map(AvroKey<GenericRecord> key, NullWritable value, Context context)
      throws IOException, InterruptedException {
    read.increment(1);
    checksum.increment(fingerprint.of(key.datum()));
    context.write(key, value);
    written.increment(1);
  }
}
