package io.mrsuite.bench.loop;

import io.mrsuite.formats.avro.Event;
import io.mrsuite.formats.avro.QuarantineRecord;
import io.mrsuite.formats.events.RawEventDecoder;
import io.mrsuite.formats.quarantine.QuarantineRecords;
import io.mrsuite.formats.quarantine.Rejection;
import io.mrsuite.formats.text.RawLine;
import io.mrsuite.formats.text.WholeFileLineInputFormat;
import io.mrsuite.jobs.warehouse.Dataset;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptID;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;
import org.apache.hadoop.mapreduce.task.TaskAttemptContextImpl;

/**
 * ingest-events' work on one arrival date as a plain single-threaded loop, the peer that shows what the
 * MapReduce framework costs: the same line reader (decompression included), the same decoder and validation,
 * and Avro container files of the same schemas and codec (snappy), without tasks, spills or commits.
 *
 * <p>Usage: {@code PlainIngestLoop --root ROOT --date D --out DIR [--late-days N]}; prints one line of counts.
 */
public final class PlainIngestLoop {
  private PlainIngestLoop() {
  }

  /** What the loop read and wrote. */
  public record Counts(long read, long written, long quarantined, long skipped) {
  }

  public static void main(String[] args) throws IOException, InterruptedException {
    if (args.length != 6 && args.length != 8) {
      System.err.println("usage: PlainIngestLoop --root ROOT --date D --out DIR [--late-days N]");
      System.exit(2);
    }
    Path root = Path.of(args[1]);
    LocalDate date = LocalDate.parse(args[3]);
    Path out = Path.of(args[5]);
    int lateDays = args.length == 8 ? Integer.parseInt(args[7]) : Dataset.DEFAULT_LATE_DAYS;
    Counts counts = run(root, date, lateDays, out);
    System.out.printf("plain-ingest-loop dt=%s: read %d, written %d, quarantined %d, skipped %d%n", date,
        counts.read(), counts.written(), counts.quarantined(), counts.skipped());
  }

  /** Ingests {@code root/raw/events/dt=D} into {@code out/curated.avro} and {@code out/quarantine.avro}. */
  public static Counts run(Path root, LocalDate date, int lateDays, Path out) throws IOException,
      InterruptedException {
    Files.createDirectories(out);
    RawEventDecoder decoder = new RawEventDecoder(date, lateDays);
    Configuration conf = new Configuration();
    TaskAttemptContextImpl context = new TaskAttemptContextImpl(conf, new TaskAttemptID());
    WholeFileLineInputFormat format = new WholeFileLineInputFormat();
    long read = 0;
    long written = 0;
    long quarantined = 0;
    long skipped = 0;
    try (DataFileWriter<Event> curated = writer(Event.class, out.resolve("curated.avro").toFile(),
            Event.getClassSchema());
        DataFileWriter<QuarantineRecord> rejected = writer(QuarantineRecord.class,
            out.resolve("quarantine.avro").toFile(), QuarantineRecord.getClassSchema())) {
      for (Path file : files(root.resolve("raw/events/dt=" + date))) {
        FileSplit split = new FileSplit(new org.apache.hadoop.fs.Path(file.toUri()), 0, Files.size(file), null);
        try (RecordReader<LongWritable, RawLine> lines = format.createRecordReader(split, context)) {
          lines.initialize(split, context);
          while (lines.nextKeyValue()) {
            RawLine line = lines.getCurrentValue();
            read++;
            if (RawEventDecoder.isSkipped(line)) {
              skipped++;
              continue;
            }
            try {
              curated.append(decoder.decode(line));
              written++;
            } catch (Rejection rejection) {
              rejected.append(QuarantineRecords.of(Dataset.RAW_EVENTS.dir(), line, rejection));
              quarantined++;
            }
          }
        }
      }
    }
    return new Counts(read, written, quarantined, skipped);
  }

  private static <T> DataFileWriter<T> writer(Class<T> type, File file, org.apache.avro.Schema schema)
      throws IOException {
    DataFileWriter<T> writer = new DataFileWriter<>(new SpecificDatumWriter<>(type));
    writer.setCodec(CodecFactory.snappyCodec());
    return writer.create(schema, file);
  }

  private static List<Path> files(Path partition) throws IOException {
    try (Stream<Path> paths = Files.walk(partition)) {
      return paths.filter(Files::isRegularFile).filter(path -> {
        String name = path.getFileName().toString();
        return !name.startsWith(".") && !name.startsWith("_");
      }).sorted().toList();
    }
  }
}
