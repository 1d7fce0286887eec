package io.mrsuite.jobs.pull;

import io.mrsuite.formats.avro.QuarantineRecord;
import io.mrsuite.formats.kafka.KafkaRecord;
import io.mrsuite.formats.kafka.KafkaSplit;
import io.mrsuite.formats.quarantine.QuarantineReason;
import io.mrsuite.formats.quarantine.QuarantineRecords;
import io.mrsuite.formats.quarantine.Rejection;
import io.mrsuite.formats.text.Utf8Validator;
import io.mrsuite.jobs.run.RecordCounters;
import io.mrsuite.jobs.warehouse.Dataset;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapreduce.Counter;
import org.apache.hadoop.mapreduce.Mapper;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;

/**
 * Writes each record's value, unchanged, as one line of the hour it arrived in (its Kafka timestamp, UTC), or
 * quarantines it: a value that is not UTF-8 ({@code INVALID_ENCODING}) or holds a line break
 * ({@code MALFORMED_JSON}: it cannot be one JSON Lines line) would break the lines of the raw file.
 *
 * <p>The files are side files of the task (its work output path), promoted by the job's committer into the run's
 * staging directory and named by the split ({@link PulledFiles}). A record of an hour already closed lands in the
 * first open hour after it, counted, so a closed hour never changes. The latest timestamp the task read is left
 * for the driver ({@link PulledFiles#position}): where its partition stands in time, which closes hours.
 */
public class PullMapper extends Mapper<NullWritable, KafkaRecord, NullWritable, NullWritable> {
  private static final byte NEWLINE = '\n';

  private final Utf8Validator utf8 = new Utf8Validator();
  private final Map<ArrivalHour, OutputStream> rawFiles = new HashMap<>();
  private final Map<String, DataFileWriter<QuarantineRecord>> quarantineFiles = new HashMap<>();
  private KafkaSplit split;
  private ArrivalHour firstOpen;
  private FileSystem fs;
  private Path work;
  private Counter read;
  private Counter written;
  private Counter quarantined;
  private Counter movedOn;
  private long latest = Long.MIN_VALUE;

  @Override
  protected void setup(Context context) throws IOException, InterruptedException {
    split = (KafkaSplit) context.getInputSplit();
    String closedThrough = context.getConfiguration().get(PullKeys.CLOSED_THROUGH);
    firstOpen = closedThrough == null ? null : ArrivalHour.parse(closedThrough).next();
    work = FileOutputFormat.getWorkOutputPath(context);
    fs = work.getFileSystem(context.getConfiguration());
    read = context.getCounter(RecordCounters.READ);
    written = context.getCounter(RecordCounters.WRITTEN);
    quarantined = context.getCounter(RecordCounters.QUARANTINED);
    movedOn = context.getCounter(PullCounters.LANDED_AFTER_CLOSED_HOUR);
  }

  @Override
  protected void map(NullWritable key, KafkaRecord record, Context context) throws IOException {
    read.increment(1);
    latest = Math.max(latest, record.timestamp());
    ArrivalHour hour = ArrivalHour.of(record.timestamp());
    if (firstOpen != null && hour.compareTo(firstOpen) < 0) {
      hour = firstOpen;
      movedOn.increment(1);
    }
    Rejection rejection = check(record.value());
    if (rejection == null) {
      OutputStream out = rawFiles.get(hour);
      if (out == null) {
        out = fs.create(new Path(work, PulledFiles.raw(hour, split)), false);
        rawFiles.put(hour, out);
      }
      out.write(record.value());
      out.write(NEWLINE);
      written.increment(1);
    } else {
      String file = PulledFiles.quarantine(hour, split);
      DataFileWriter<QuarantineRecord> out = quarantineFiles.get(file);
      if (out == null) {
        out = new DataFileWriter<>(new SpecificDatumWriter<>(QuarantineRecord.class));
        out.create(QuarantineRecord.getClassSchema(), fs.create(new Path(work, file), false));
        quarantineFiles.put(file, out);
      }
      byte[] value = record.value();
      out.append(QuarantineRecords.of(Dataset.RAW_EVENTS.dir(), "kafka:" + split.topic() + "/" + record.partition(),
          record.offset() + 1, record.offset(), QuarantineRecords.rawText(value, value.length), value.length,
          rejection));
      quarantined.increment(1);
    }
  }

  /** Why the value cannot be one line of a UTF-8 JSON Lines file; null when it can. */
  private Rejection check(byte[] value) {
    utf8.reset();
    for (int i = 0; i < value.length; i++) {
      if (value[i] == '\n' || value[i] == '\r') {
        return new Rejection(QuarantineReason.MALFORMED_JSON, "the value holds a line break at byte " + i
            + ", so it cannot be one line of JSON Lines");
      }
      if (!utf8.accept(value[i])) {
        return new Rejection(QuarantineReason.INVALID_ENCODING, "the value is not UTF-8 at byte " + i);
      }
    }
    if (!utf8.atBoundary()) {
      return new Rejection(QuarantineReason.INVALID_ENCODING, "the value ends inside a UTF-8 sequence");
    }
    return null;
  }

  @Override
  protected void cleanup(Context context) throws IOException {
    for (OutputStream out : rawFiles.values()) {
      out.close();
    }
    for (DataFileWriter<QuarantineRecord> out : quarantineFiles.values()) {
      out.close();
    }
    if (latest != Long.MIN_VALUE) {
      try (OutputStream out = fs.create(new Path(work, PulledFiles.position(split)), false)) {
        out.write((split.partition() + " " + latest).getBytes(StandardCharsets.US_ASCII));
      }
    }
  }
}
