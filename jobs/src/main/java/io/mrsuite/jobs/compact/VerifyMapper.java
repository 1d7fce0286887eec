package io.mrsuite.jobs.compact;

import java.io.IOException;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.mapred.AvroKey;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapreduce.Counter;
import org.apache.hadoop.mapreduce.Mapper;

/** Reads the staged compacted files back and counts their records and the checksum of their contents. */
public class VerifyMapper extends Mapper<AvroKey<GenericRecord>, NullWritable, NullWritable, NullWritable> {
  private final RecordFingerprint fingerprint = new RecordFingerprint();
  private Counter records;
  private Counter checksum;

  @Override
  protected void setup(Context context) {
    records = context.getCounter(CompactCounters.RECORDS_VERIFIED);
    checksum = context.getCounter(CompactCounters.CHECKSUM_VERIFIED);
  }

  @Override
  protected void map(AvroKey<GenericRecord> key, NullWritable value, Context context) throws IOException {
    records.increment(1);
    checksum.increment(fingerprint.of(key.datum()));
  }
}
