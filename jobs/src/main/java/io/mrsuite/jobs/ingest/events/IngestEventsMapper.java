package io.mrsuite.jobs.ingest.events;

import io.mrsuite.formats.avro.Event;
import io.mrsuite.formats.events.RawEventDecoder;
import io.mrsuite.formats.quarantine.QuarantineRecords;
import io.mrsuite.formats.quarantine.Rejection;
import io.mrsuite.formats.text.RawLine;
import io.mrsuite.jobs.run.CuratedRun;
import io.mrsuite.jobs.run.PartitionDate;
import io.mrsuite.jobs.run.RecordCounters;
import io.mrsuite.jobs.warehouse.Dataset;
import java.io.IOException;
import org.apache.avro.mapred.AvroKey;
import org.apache.avro.mapreduce.AvroMultipleOutputs;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapreduce.Mapper;

/**
 * Validates one raw event line and writes it to the main output or to quarantine, or counts it as skipped.
 *
 * <p>A valid event goes to the main output, a rejected line to the {@value CuratedRun#QUARANTINE_OUTPUT}
 * named output with its reason, and an empty line is counted as skipped. Every line read is counted exactly
 * once in one of those three.
 */
public class IngestEventsMapper extends Mapper<LongWritable, RawLine, AvroKey<Event>, NullWritable> {
  private final AvroKey<Event> curated = new AvroKey<>();
  private RawEventDecoder decoder;
  private AvroMultipleOutputs outputs;

  @Override
  protected void setup(Context context) {
    decoder = new RawEventDecoder(PartitionDate.of(context.getConfiguration()),
        IngestEventsKeys.lateDays(context.getConfiguration()));
    outputs = new AvroMultipleOutputs(context);
  }

  @Override
  protected void map(LongWritable offset, RawLine line, Context context) throws IOException, InterruptedException {
    context.getCounter(RecordCounters.READ).increment(1);
    if (RawEventDecoder.isSkipped(line)) {
      context.getCounter(RecordCounters.SKIPPED).increment(1);
      return;
    }
    try {
      curated.datum(decoder.decode(line));
      context.write(curated, NullWritable.get());
      context.getCounter(RecordCounters.WRITTEN).increment(1);
    } catch (Rejection rejection) {
      CuratedRun.quarantine(context, outputs, QuarantineRecords.of(Dataset.RAW_EVENTS.dir(), line, rejection));
    }
  }

  @Override
  protected void cleanup(Context context) throws IOException, InterruptedException {
    if (outputs != null) {
      outputs.close();
    }
  }
}
