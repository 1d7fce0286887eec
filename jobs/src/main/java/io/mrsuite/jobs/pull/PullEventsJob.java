package io.mrsuite.jobs.pull;

import io.mrsuite.formats.avro.QuarantineRecord;
import io.mrsuite.formats.kafka.KafkaCounters;
import io.mrsuite.formats.kafka.KafkaInputFormat;
import io.mrsuite.formats.kafka.KafkaInputKeys;
import io.mrsuite.formats.kafka.KafkaSplit;
import io.mrsuite.jobs.run.ActionData;
import io.mrsuite.jobs.run.CrashPoints;
import io.mrsuite.jobs.run.JobFailedException;
import io.mrsuite.jobs.run.JobFailures;
import io.mrsuite.jobs.run.PartitionLock;
import io.mrsuite.jobs.run.RecordCounters;
import io.mrsuite.jobs.tool.JobOptions;
import io.mrsuite.jobs.tool.MrSuiteTool;
import io.mrsuite.jobs.tool.UsageException;
import io.mrsuite.jobs.warehouse.Dataset;
import io.mrsuite.jobs.warehouse.Zone;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapreduce.Counters;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.apache.hadoop.mapreduce.lib.output.LazyOutputFormat;
import org.apache.hadoop.mapreduce.lib.output.TextOutputFormat;
import org.apache.hadoop.util.ToolRunner;

/**
 * {@code pull-events --topic T --root ROOT [--bootstrap HOSTS]}: lands a Kafka topic's records in
 * {@code raw/events/dt=D/hr=HH/} of their arrival hour, each value unchanged as one line, for ingest-events to
 * validate like any lander's files (docs/kafka.md).
 *
 * <p>One run reads, per partition, the offsets from the checkpoint to the end when it starts (at most
 * {@code --max-offsets}), in parallel splits ({@link KafkaInputFormat}). Its files are staged, then moved into the
 * warehouse, and only then does the checkpoint move on, all through a journal that the next run finishes if this
 * client is killed ({@link PullJournal}): a rerun after any failure reads exactly the ranges not committed, so no
 * line is written twice and none is skipped. Offsets are never committed to Kafka. Hours are closed with
 * {@code _SUCCESS} once every partition has passed them, or {@code --lateness-minutes} after their end; the day
 * with its last hour ({@code dt=D/_SUCCESS}, what the ingest coordinator waits for).
 */
public class PullEventsJob extends MrSuiteTool {
  public static final String NAME = "pull-events";
  /** The folder of the checkpoints, under raw/events: one folder per topic. */
  public static final String KAFKA_DIR = "_kafka";
  /** Quarantined values go to quarantine/&lt;this&gt;/dt=D, beside what ingest-events quarantines. */
  public static final String QUARANTINE_DATASET = "events_pulled";
  static final int DEFAULT_LATENESS_MINUTES = 60;
  /** Action data besides the books: offsets lost to retention, and the last hour closed (empty: none yet). */
  public static final String LOST_TO_RETENTION = "lost_to_retention";
  public static final String CLOSED_THROUGH = "closed_through";
  private static final String STAGING_PREFIX = "_staging.";
  private static final int LAST_HOUR = 23;

  @Override
  protected JobOptions options() {
    return new JobOptions(NAME, "--topic T --root ROOT [--bootstrap HOSTS] [--max-offsets N] [--split-offsets N]"
        + " [--lateness-minutes M]")
        .option("topic", "T", "the Kafka topic of raw events")
        .option("root", "ROOT", "warehouse root: raw/events/dt=D/hr=HH/ is written, the checkpoint kept in "
            + "raw/events/" + KAFKA_DIR + "/T/")
        .option("bootstrap", "HOSTS", "bootstrap servers; or -D" + KafkaInputKeys.CONSUMER_PREFIX
            + "bootstrap.servers, with any other consumer setting (security, ...) as -D"
            + KafkaInputKeys.CONSUMER_PREFIX + "<setting>")
        .option("max-offsets", "N", "at most N offsets of each partition per run (default: to the end)")
        .option("split-offsets", "N", "a partition's range is read by tasks of at most N offsets (default "
            + KafkaInputKeys.DEFAULT_SPLIT_OFFSETS + ")")
        .option("lateness-minutes", "M", "an hour is closed (_SUCCESS) once every partition is past it, or M minutes"
            + " after its end (default " + DEFAULT_LATENESS_MINUTES + ")");
  }

  @Override
  protected int run(JobOptions.Parsed options) throws UsageException, IOException, InterruptedException,
      ClassNotFoundException {
    Configuration conf = new Configuration(getConf());
    String topic = options.required("topic");
    Path root = new Path(options.required("root"));
    if (options.has("bootstrap")) {
      conf.set(KafkaInputKeys.CONSUMER_PREFIX + "bootstrap.servers", options.get("bootstrap"));
    }
    if (conf.get(KafkaInputKeys.CONSUMER_PREFIX + "bootstrap.servers") == null) {
      throw new UsageException("give --bootstrap HOSTS (or -D" + KafkaInputKeys.CONSUMER_PREFIX + "bootstrap.servers)");
    }
    if (options.has("max-offsets")) {
      conf.setLong(KafkaInputKeys.MAX_OFFSETS_PER_PARTITION, options.intValue("max-offsets", 0, 1));
    }
    if (options.has("split-offsets")) {
      conf.setLong(KafkaInputKeys.SPLIT_OFFSETS, options.intValue("split-offsets", 0, 1));
    }
    Duration lateness = Duration.ofMinutes(options.intValue("lateness-minutes", DEFAULT_LATENESS_MINUTES, 0));
    conf.set(KafkaInputKeys.TOPIC, topic);
    FileSystem fs = root.getFileSystem(conf);
    root = fs.makeQualified(root);
    Path home = new Path(new Path(rawEvents(root), KAFKA_DIR), topic);
    String runId = UUID.randomUUID().toString();
    PrintStream out = System.out;
    CrashPoints crash = CrashPoints.of(conf);
    try (PartitionLock lock = PartitionLock.acquire(NAME, runId, home, conf, out::println)) {
      fs.mkdirs(home);
      PullJournal.finishLeftOver(fs, home, out, crash);
      // What a run killed before its journal staged is not in the warehouse: its ranges are read again.
      for (FileStatus left : fs.globStatus(new Path(home, STAGING_PREFIX + "*"))) {
        out.println(NAME + ": removing " + left.getPath() + ", staged by a run killed before its commit");
        fs.delete(left.getPath(), true);
      }
      pull(conf, fs, root, home, runId, lateness, out, crash);
    }
    return 0;
  }

  private void pull(Configuration conf, FileSystem fs, Path root, Path home, String runId, Duration lateness,
      PrintStream out, CrashPoints crash) throws IOException, InterruptedException, ClassNotFoundException {
    String topic = conf.get(KafkaInputKeys.TOPIC);
    PullState state = PullState.read(fs, home, topic);
    conf.set(KafkaInputKeys.START_OFFSETS, state.startOffsets());
    List<KafkaSplit> ranges = KafkaInputFormat.plan(conf);
    conf.set(KafkaInputKeys.PLANNED_RANGES, KafkaInputFormat.format(ranges));
    out.println(NAME + " " + topic + " (" + KafkaInputKeys.bootstrap(conf) + ") -> " + rawEvents(root));
    for (KafkaSplit range : ranges) {
      out.println("  partition " + range.partition() + ": offsets " + range.from() + " .. " + range.until() + " ("
          + (range.until() - range.from()) + ")" + (range.lost() > 0 ? "; " + range.lost()
          + " before " + range.from() + " deleted by retention before they were read" : ""));
    }
    Path staging = new Path(home, STAGING_PREFIX + runId);
    try {
      Job job = job(conf, topic, staging, state);
      JobFailures.await(job, NAME + " " + topic + ", nothing committed");
      crash.reach("job-done");
      Counters counters = job.getCounters();
      long read = counters.findCounter(RecordCounters.READ).getValue();
      long written = counters.findCounter(RecordCounters.WRITTEN).getValue();
      long quarantined = counters.findCounter(RecordCounters.QUARANTINED).getValue();
      long lost = counters.findCounter(KafkaCounters.RECORDS_LOST_TO_RETENTION).getValue();
      checkBooks(fs, staging, topic, read, written, quarantined);

      PullState next = nextState(fs, state, ranges, staging);
      List<ArrivalHour> closing = HourClosing.closable(next, ranges.stream().map(KafkaSplit::partition).toList(),
          System.currentTimeMillis(), lateness);
      Optional<ArrivalHour> closedThrough = closing.isEmpty() ? next.closedThrough()
          : Optional.of(closing.get(closing.size() - 1));
      next = new PullState(topic, next.offsets(), next.positions(), next.firstHour(), closedThrough);
      List<Path> closes = new ArrayList<>();
      for (ArrivalHour hour : closing) {
        closes.add(new Path(rawEvents(root), hour.partition()));
        if (hour.start().getHour() == LAST_HOUR) {
          // The day's last hour closes the day: dt=D/_SUCCESS is what the daily ingest coordinator waits for.
          closes.add(new Path(rawEvents(root), hour.partition()).getParent());
        }
      }
      PullJournal journal = new PullJournal(runId, staging, moves(fs, staging, root), closes, next);
      journal.write(fs, home);
      crash.reach("journal-written");
      journal.apply(fs, home, crash);
      Properties books = new Properties();
      books.setProperty(ActionData.JOB, NAME);
      books.setProperty(ActionData.READ, String.valueOf(read));
      books.setProperty(ActionData.WRITTEN, String.valueOf(written));
      books.setProperty(ActionData.QUARANTINED, String.valueOf(quarantined));
      books.setProperty(LOST_TO_RETENTION, String.valueOf(lost));
      books.setProperty(CLOSED_THROUGH, closedThrough.map(ArrivalHour::name).orElse(""));
      oozieAction().captureOutput(books);
      out.printf("%s %s: read %d, written %d lines, quarantined %d (quarantine/%s), lost to retention %d; "
          + "%d files committed; checkpoint %s; hours closed %s%n", NAME, topic, read, written, quarantined,
          QUARANTINE_DATASET, lost, journal.moves().size(), next.startOffsets(),
          closing.isEmpty() ? "none" : closing.get(0).name() + " .. " + closing.get(closing.size() - 1).name());
    } finally {
      if (fs.exists(staging) && !fs.exists(new Path(home, PullJournal.FILE))) {
        fs.delete(staging, true);
      }
    }
  }

  private Job job(Configuration conf, String topic, Path staging, PullState state) throws IOException {
    Job job = Job.getInstance(conf, NAME + " " + topic);
    job.setJarByClass(PullEventsJob.class);
    job.setInputFormatClass(KafkaInputFormat.class);
    job.setMapperClass(PullMapper.class);
    job.setNumReduceTasks(0);
    job.setOutputKeyClass(NullWritable.class);
    job.setOutputValueClass(NullWritable.class);
    // The mapper writes side files in its work directory; the committer promotes them, and no part file is made.
    LazyOutputFormat.setOutputFormatClass(job, TextOutputFormat.class);
    FileOutputFormat.setOutputPath(job, staging);
    state.closedThrough().ifPresent(hour -> job.getConfiguration().set(PullKeys.CLOSED_THROUGH, hour.name()));
    // Kafka's timeouts bound every read; a task retried would read the same range again, which is harmless.
    job.setSpeculativeExecution(false);
    return job;
  }

  /** Records read are lines written plus records quarantined, each counted again in the staged files. */
  private static void checkBooks(FileSystem fs, Path staging, String topic, long read, long written,
      long quarantined) throws IOException {
    long lines = 0;
    long rejected = 0;
    for (FileStatus file : files(fs, new Path(staging, PulledFiles.RAW))) {
      lines += newlines(fs, file.getPath());
    }
    for (FileStatus file : files(fs, new Path(staging, PulledFiles.QUARANTINE))) {
      try (InputStream in = fs.open(file.getPath());
          DataFileStream<QuarantineRecord> records = new DataFileStream<>(in,
              new SpecificDatumReader<>(QuarantineRecord.class))) {
        while (records.hasNext()) {
          records.next();
          rejected++;
        }
      }
    }
    if (read != written + quarantined || lines != written || rejected != quarantined) {
      throw new JobFailedException(NAME + " " + topic + ": the books do not balance, nothing committed: read " + read
          + ", written " + written + " (" + lines + " lines in the staged files), quarantined " + quarantined + " ("
          + rejected + " records in the staged files); staged in " + staging);
    }
  }

  private static long newlines(FileSystem fs, Path file) throws IOException {
    long count = 0;
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = fs.open(file)) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        for (int i = 0; i < n; i++) {
          count += buffer[i] == '\n' ? 1 : 0;
        }
      }
    }
    return count;
  }

  /** The checkpoint after this run: each range's end, each partition's new position, the first hour written. */
  private static PullState nextState(FileSystem fs, PullState state, List<KafkaSplit> ranges, Path staging)
      throws IOException {
    Map<Integer, Long> offsets = new TreeMap<>(state.offsets());
    ranges.forEach(range -> offsets.put(range.partition(), range.until()));
    Map<Integer, Long> positions = new TreeMap<>(state.positions());
    Path staged = new Path(staging, PulledFiles.POSITIONS);
    if (fs.exists(staged)) {
      for (FileStatus file : fs.listStatus(staged)) {
        String[] position;
        try (InputStream in = fs.open(file.getPath())) {
          position = new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim().split(" ");
        }
        positions.merge(Integer.parseInt(position[0]), Long.parseLong(position[1]), Math::max);
      }
    }
    Optional<ArrivalHour> firstHour = state.firstHour();
    if (state.closedThrough().isEmpty()) {
      for (FileStatus file : files(fs, new Path(staging, PulledFiles.RAW))) {
        ArrivalHour hour = hourOf(file.getPath());
        if (firstHour.isEmpty() || hour.compareTo(firstHour.get()) < 0) {
          firstHour = Optional.of(hour);
        }
      }
    }
    return new PullState(state.topic(), offsets, positions, firstHour, state.closedThrough());
  }

  /** The hour of a staged raw file, {@code .../dt=D/hr=HH/<file>}. */
  private static ArrivalHour hourOf(Path file) {
    String hour = file.getParent().getName().substring("hr=".length());
    String date = file.getParent().getParent().getName().substring("dt=".length());
    return ArrivalHour.parse(date + "T" + hour);
  }

  /** Every staged file and its place: raw lines in raw/events, quarantined values in quarantine/events_pulled. */
  private static List<PullJournal.Move> moves(FileSystem fs, Path staging, Path root) throws IOException {
    List<PullJournal.Move> moves = new ArrayList<>();
    Path raw = new Path(staging, PulledFiles.RAW);
    for (FileStatus file : files(fs, raw)) {
      moves.add(new PullJournal.Move(file.getPath(), new Path(rawEvents(root), relative(raw, file.getPath()))));
    }
    Path quarantine = new Path(staging, PulledFiles.QUARANTINE);
    Path quarantineDir = new Path(new Path(root, Zone.QUARANTINE.dir()), QUARANTINE_DATASET);
    for (FileStatus file : files(fs, quarantine)) {
      moves.add(new PullJournal.Move(file.getPath(), new Path(quarantineDir, relative(quarantine, file.getPath()))));
    }
    return moves;
  }

  private static String relative(Path dir, Path file) {
    return file.toUri().getPath().substring(dir.toUri().getPath().length() + 1);
  }

  private static List<FileStatus> files(FileSystem fs, Path dir) throws IOException {
    List<FileStatus> files = new ArrayList<>();
    if (!fs.exists(dir)) {
      return files;
    }
    RemoteIterator<LocatedFileStatus> listing = fs.listFiles(dir, true);
    while (listing.hasNext()) {
      LocatedFileStatus file = listing.next();
      String name = file.getPath().getName();
      if (!name.startsWith("_") && !name.startsWith(".")) {
        files.add(file);
      }
    }
    files.sort(null);
    return files;
  }

  static Path rawEvents(Path root) {
    return new Path(new Path(root, Zone.RAW.dir()), Dataset.RAW_EVENTS.dir());
  }

  public static void main(String[] args) throws Exception {
    System.exit(ToolRunner.run(new PullEventsJob(), args));
  }
}
