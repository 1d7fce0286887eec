package io.mrsuite.jobs.ingest.csv;

import io.mrsuite.formats.quarantine.QuarantineReason;
import io.mrsuite.formats.quarantine.Rejection;
import io.mrsuite.jobs.run.CuratedRun;
import io.mrsuite.jobs.shuffle.JoinKey;
import java.io.IOException;
import org.apache.avro.mapred.AvroKey;
import org.apache.avro.mapred.AvroValue;
import org.apache.avro.mapreduce.AvroMultipleOutputs;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapreduce.Reducer;

/**
 * Base of the keyed CSV ingests' reducers.
 *
 * <p>A reducer gets one business key's validated records in shuffle order, writes the ones it keeps and
 * quarantines the rest with their raw text and position.
 */
public abstract class KeyedIngestReducer<OUT>
    extends Reducer<AvroKey<JoinKey>, AvroValue<SourcedRecord>, AvroKey<OUT>, NullWritable> {
  private AvroMultipleOutputs outputs;

  @Override
  protected void setup(Context context) {
    outputs = new AvroMultipleOutputs(context);
  }

  /** Quarantines a record this reducer rejects, and counts it. */
  protected final void reject(Context context, SourcedRecord record, QuarantineReason reason, String detail)
      throws IOException, InterruptedException {
    CuratedRun.quarantine(context, outputs, SourcedRecords.quarantine(record, new Rejection(reason, detail)));
  }

  @Override
  protected void cleanup(Context context) throws IOException, InterruptedException {
    if (outputs != null) {
      outputs.close();
    }
  }
}
