package io.mrsuite.jobs.ingest.csv;

import io.mrsuite.formats.csv.CsvRecord;
import io.mrsuite.formats.quarantine.QuarantineReason;
import io.mrsuite.formats.quarantine.QuarantineRecords;
import io.mrsuite.formats.quarantine.Rejection;
import io.mrsuite.jobs.run.CuratedRun;
import io.mrsuite.jobs.run.PartitionDate;
import io.mrsuite.jobs.run.RecordCounters;
import io.mrsuite.jobs.shuffle.JoinKey;
import java.io.IOException;
import java.time.LocalDate;
import org.apache.avro.mapred.AvroKey;
import org.apache.avro.mapred.AvroValue;
import org.apache.avro.mapreduce.AvroMultipleOutputs;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.mapreduce.Mapper;

/**
 * Validates the records of one CSV dataset and sends valid ones to the reducer under their business key.
 *
 * <p>An empty line is skipped, and a malformed, non-UTF-8 or invalid record goes to quarantine with its
 * reason, as does the rest of a compressed file that ends early. A valid record travels with its source,
 * since the reducer may still reject it as a duplicate or an orphan.
 *
 * @param <T> the validated record
 */
public abstract class CsvIngestMapper<T> extends Mapper<LongWritable, CsvRecord, AvroKey<JoinKey>, AvroValue<SourcedRecord>> {
  private final AvroKey<JoinKey> outKey = new AvroKey<>();
  private final AvroValue<SourcedRecord> outValue = new AvroValue<>();
  private AvroMultipleOutputs outputs;
  private LocalDate exportDate;

  /** The dataset name written in quarantine records, e.g. "orders". */
  protected abstract String dataset();

  /** The contract's rules on a well-formed record's fields; the result carries its source and export date. */
  protected abstract T validate(CsvRecord csv, LocalDate exportDate) throws Rejection;

  /** The business key the reducer groups by. */
  protected abstract String key(T record);

  /** Which input this is, in the order the reducer wants to see them (see {@link JoinKey}). */
  protected int kind() {
    return 0;
  }

  /** Order of records of the same key and kind, before their source position. */
  protected int sequence(T record) {
    return 0;
  }

  /** What the reducer receives: the record itself unless the schema wraps it (an order line with its order id). */
  protected Object payload(T record) {
    return record;
  }

  @Override
  protected void setup(Context context) {
    outputs = new AvroMultipleOutputs(context);
    exportDate = PartitionDate.of(context.getConfiguration());
  }

  @Override
  protected void map(LongWritable offset, CsvRecord csv, Context context) throws IOException, InterruptedException {
    context.getCounter(RecordCounters.READ).increment(1);
    try {
      switch (csv.kind()) {
        case EMPTY:
          context.getCounter(RecordCounters.SKIPPED).increment(1);
          return;
        case MALFORMED:
          throw new Rejection(QuarantineReason.MALFORMED_CSV, csv.detail());
        case INVALID_ENCODING:
          throw new Rejection(QuarantineReason.INVALID_ENCODING, csv.detail());
        case TRUNCATED:
          throw new Rejection(QuarantineReason.TRUNCATED_INPUT, csv.detail());
        default:
          T record = validate(csv, exportDate);
          outKey.datum(new JoinKey(key(record), kind(), sequence(record), csv.sourceFile(), csv.offset()));
          outValue.datum(new SourcedRecord(payload(record), dataset(), csv.sourceFile(), csv.offset(),
              csv.lineNumber(), QuarantineRecords.rawText(csv.raw(), csv.raw().length), csv.rawLength()));
          context.write(outKey, outValue);
      }
    } catch (Rejection rejection) {
      CuratedRun.quarantine(context, outputs, QuarantineRecords.of(dataset(), csv, rejection));
    }
  }

  @Override
  protected void cleanup(Context context) throws IOException, InterruptedException {
    if (outputs != null) {
      outputs.close();
    }
  }
}
