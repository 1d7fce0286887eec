package io.mrsuite.jobs.ingest.csv;

import io.mrsuite.formats.quarantine.QuarantineReason;
import io.mrsuite.jobs.run.RecordCounters;
import io.mrsuite.jobs.shuffle.JoinKey;
import java.io.IOException;
import org.apache.avro.mapred.AvroKey;
import org.apache.avro.mapred.AvroValue;
import org.apache.hadoop.io.NullWritable;

/**
 * Keeps the first valid record of each key and quarantines the others as DUPLICATE_KEY.
 *
 * <p>First means by (source file, byte offset), as the secondary sort delivers them. Nothing is retained
 * across values but the kept record's position, a String, safe from the value reuse of the reduce iterator.
 */
public class FirstWinsReducer extends KeyedIngestReducer<Object> {
  private final AvroKey<Object> out = new AvroKey<>();

  @Override
  protected void reduce(AvroKey<JoinKey> key, Iterable<AvroValue<SourcedRecord>> values, Context context)
      throws IOException, InterruptedException {
    String kept = null;
    for (AvroValue<SourcedRecord> value : values) {
      SourcedRecord record = value.datum();
      if (kept == null) {
        kept = SourcedRecords.position(record);
        out.datum(record.getPayload());
        context.write(out, NullWritable.get());
        context.getCounter(RecordCounters.WRITTEN).increment(1);
      } else {
        reject(context, record, QuarantineReason.DUPLICATE_KEY, "key " + key.datum().getKey() + " already kept from "
            + kept);
      }
    }
  }
}
