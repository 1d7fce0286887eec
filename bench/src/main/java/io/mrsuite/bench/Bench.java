package io.mrsuite.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mrsuite.bench.loop.PlainIngestLoop;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * bin/bench: generates (once) a warehouse of the chosen size, runs the whole pipeline and then each job of the
 * day in local mode, each in its own JVM as {@code hadoop jar} runs it, and the peers back to back with what
 * they stand in for; prints the table and writes it as JSON.
 *
 * <p>Usage: {@code Bench --jobs-jar JAR --hadoop-classpath CP --bench-classpath CP --log4j FILE
 * --dq-thresholds FILE [--size 256m|1g|4g] [--jobs a,b] [--out FILE] [--work DIR] [--java-opts "..."]
 * [--spark-classpath CP --spark-java-opts "..."]}; bin/bench gives the first five, and the last two when the Spark
 * peer (bench-spark, built with -Pspark-peer) is built: it then runs after the DuckDB peer, on its own classpath.
 */
public final class Bench {
  private static final String RUN_JAR = "org.apache.hadoop.util.RunJar";
  private static final String PIPELINE = "pipeline";
  /** The Spark peer's main class, in bench-spark: on the Spark classpath only, so named here, not imported. */
  private static final String SPARK_PEER_CHECK = "io.mrsuite.bench.spark.SparkPeerCheck";
  private static final String INGEST_EVENTS = "ingest-events";
  private static final String RECORD_COUNTERS = "io.mrsuite.jobs.run.RecordCounters";
  private static final Pattern LOOP_BOOKS = Pattern.compile(
      "plain-ingest-loop dt=\\S+: read (\\d+), written (\\d+), quarantined (\\d+), skipped (\\d+)");

  private final Map<String, String> options;
  private final BenchSize size;
  private final BenchWarehouse warehouse;
  private final ChildJvm jobs;
  private final ChildJvm peers;
  /** The Spark peer's JVMs (Spark's classpath and module flags), or null when it is not built. */
  private final ChildJvm spark;
  private final Path jobsJar;

  private Bench(Map<String, String> options) {
    this.options = options;
    this.size = BenchSize.parse(options.getOrDefault("size", BenchSize.MB256.label()));
    Path work = Path.of(options.getOrDefault("work", "work/bench")).toAbsolutePath();
    this.warehouse = new BenchWarehouse(work, size);
    this.jobsJar = Path.of(required("jobs-jar"));
    List<String> jvm = new ArrayList<>(List.of("-Dlog4j.configuration=file:" + Path.of(required("log4j")).toAbsolutePath()));
    String javaOpts = options.getOrDefault("java-opts", "").trim();
    if (!javaOpts.isEmpty()) {
      jvm.addAll(Arrays.asList(javaOpts.split("\\s+")));
    }
    Path logs = work.resolve(size.label()).resolve("logs");
    // A job runs on hadoop-client's classpath alone, as under `hadoop jar`; MeasuredMain comes from the bench's.
    this.jobs = new ChildJvm(jvm, required("hadoop-classpath") + java.io.File.pathSeparator + benchJar(), logs);
    this.peers = new ChildJvm(jvm, required("bench-classpath") + java.io.File.pathSeparator
        + required("hadoop-classpath"), logs);
    String sparkClasspath = options.get("spark-classpath");
    if (sparkClasspath == null) {
      this.spark = null;
    } else {
      // Spark brings its own Hadoop client and Log4j 2: none of hadoop-client's classpath.
      List<String> sparkJvm = new ArrayList<>(jvm);
      String sparkOpts = options.getOrDefault("spark-java-opts", "").trim();
      if (!sparkOpts.isEmpty()) {
        sparkJvm.addAll(Arrays.asList(sparkOpts.split("\\s+")));
      }
      this.spark = new ChildJvm(sparkJvm, sparkClasspath, logs);
    }
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options;
    try {
      options = parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("Error: bench: " + e.getMessage());
      System.exit(2);
      return;
    }
    try {
      new Bench(options).run();
    } catch (BenchException | IOException e) {
      System.err.println("Error: bench: " + e.getMessage());
      System.exit(1);
    }
  }

  private void run() throws IOException, InterruptedException, BenchException {
    ObjectNode header = new ObjectMapper().createObjectNode();
    header.put("size", size.label());
    header.put("events_per_day", size.eventsPerDay());
    header.put("date", warehouse.day().toString());
    header.put("cores", Runtime.getRuntime().availableProcessors());
    header.put("started", Instant.now().toString());
    header.put("load_average_before", loadAverage());
    System.out.printf("bench: %s (%d events a day, 2 days), %d cores, load average %s%n", size.label(),
        size.eventsPerDay(), Runtime.getRuntime().availableProcessors(), loadAverage());
    ensureGenerated();
    header.put("raw_bytes_of_day", warehouse.rawBytes(warehouse.day()));
    warehouse.clearOutputs();
    BenchReport report = new BenchReport(header);

    Set<String> wanted = wantedJobs();
    List<DayJobs.DayJob> dayJobs = DayJobs.of(warehouse.root(), warehouse.day(), Path.of(required("dq-thresholds")));
    if (wanted.contains(PIPELINE)) {
      Measurement pipeline = job(PIPELINE, List.of("--root", warehouse.root().toString(), "--date",
          warehouse.day().toString(), "--dq-thresholds", required("dq-thresholds")));
      report.add(pipeline);
      report.compare(duckDb(pipeline));
      if (spark != null) {
        report.compare(sparkPeer(pipeline));
      }
    }
    for (DayJobs.DayJob dayJob : dayJobs) {
      if (wanted.contains(dayJob.name())) {
        Measurement run = job(dayJob.name(), dayJob.args());
        report.add(run);
        if (dayJob.name().equals(INGEST_EVENTS)) {
          report.compare(plainLoop(run));
        }
      }
    }
    header.put("load_average_after", loadAverage());
    System.out.println();
    report.print(System.out);
    Path out = Path.of(options.getOrDefault("out", warehouse.root().getParent().resolve("results.json").toString()));
    report.write(out);
    System.out.println("\nbench: results in " + out);
  }

  /**
   * DuckDB on the same raw files, 2 threads, its marts checked equal to the pipeline's before its time counts:
   * DuckDbPeerCheck exits 1, naming the rows, when they differ.
   */
  private BenchReport.Comparison duckDb(Measurement pipeline) throws IOException, InterruptedException,
      BenchException {
    System.out.println("bench: duckdb (peer of pipeline) ...");
    Path out = warehouse.root().getParent().resolve("duckdb");
    Measurement peer = peers.run("duckdb", DuckDbPeerCheck.class.getName(), List.of("--root",
        warehouse.root().toString(), "--date", warehouse.day().toString(), "--out", out.toString(), "--threads",
        Integer.toString(PeerCheck.DEFAULT_THREADS)));
    if (peer.exitCode() != 0) {
      throw new BenchException("duckdb ended with exit " + peer.exitCode() + ": its marts differ from the"
          + " pipeline's, or it failed, and no time of it counts; see " + peers.logOf("duckdb"));
    }
    return new BenchReport.Comparison("duckdb", PIPELINE, peer, pipeline, "equal");
  }

  /**
   * Spark SQL on the same raw files in local[2], right after DuckDB, its marts checked equal to the pipeline's
   * before its time counts: SparkPeerCheck exits 1, naming the rows, when they differ.
   */
  private BenchReport.Comparison sparkPeer(Measurement pipeline) throws IOException, InterruptedException,
      BenchException {
    System.out.println("bench: spark (peer of pipeline) ...");
    Path out = warehouse.root().getParent().resolve("spark");
    Measurement peer = spark.run("spark", SPARK_PEER_CHECK, List.of("--root", warehouse.root().toString(), "--date",
        warehouse.day().toString(), "--out", out.toString(), "--threads", Integer.toString(PeerCheck.DEFAULT_THREADS)));
    if (peer.exitCode() != 0) {
      throw new BenchException("spark ended with exit " + peer.exitCode() + ": its marts differ from the"
          + " pipeline's, or it failed, and no time of it counts; see " + spark.logOf("spark"));
    }
    return new BenchReport.Comparison("spark", PIPELINE, peer, pipeline, "equal");
  }

  /**
   * The plain single-threaded loop over the same partition, right after ingest-events: its books must be the
   * job's (read, written, quarantined, skipped) before its time counts.
   */
  private BenchReport.Comparison plainLoop(Measurement ingest) throws IOException, InterruptedException,
      BenchException {
    System.out.println("bench: plain-ingest-loop (peer of ingest-events) ...");
    Path out = warehouse.root().getParent().resolve("plain-ingest-loop");
    Measurement peer = peers.run("plain-ingest-loop", PlainIngestLoop.class.getName(), List.of("--root",
        warehouse.root().toString(), "--date", warehouse.day().toString(), "--out", out.toString()));
    Matcher books = LOOP_BOOKS.matcher(Files.readString(peers.logOf("plain-ingest-loop"), StandardCharsets.UTF_8));
    LoggedCounters job = ingest.counters();
    if (peer.exitCode() != 0 || !books.find()
        || Long.parseLong(books.group(1)) != job.get(RECORD_COUNTERS, "READ")
        || Long.parseLong(books.group(2)) != job.get(RECORD_COUNTERS, "WRITTEN")
        || Long.parseLong(books.group(3)) != job.get(RECORD_COUNTERS, "QUARANTINED")
        || Long.parseLong(books.group(4)) != job.get(RECORD_COUNTERS, "SKIPPED")) {
      throw new BenchException("the plain loop's books are not ingest-events' (exit " + peer.exitCode()
          + "), so it is no peer; see " + peers.logOf("plain-ingest-loop") + " and " + jobs.logOf(INGEST_EVENTS));
    }
    return new BenchReport.Comparison("plain-ingest-loop", INGEST_EVENTS, peer, ingest, "same books");
  }

  private void ensureGenerated() throws IOException, InterruptedException, BenchException {
    if (warehouse.generated()) {
      System.out.println("bench: raw data of " + warehouse.root() + " generated before; reused");
      return;
    }
    System.out.println("bench: generating " + warehouse.root() + " (once for this size) ...");
    warehouse.clear();
    Measurement gen = jobs.run("gen-data", RUN_JAR, withJar("gen-data", warehouse.genDataArgs()));
    if (gen.exitCode() != 0) {
      throw new BenchException("gen-data failed (exit " + gen.exitCode() + "); see " + jobs.logOf("gen-data"));
    }
    warehouse.markGenerated();
  }

  private Measurement job(String name, List<String> args) throws IOException, InterruptedException, BenchException {
    System.out.println("bench: " + name + " ...");
    Measurement run = jobs.run(name, RUN_JAR, withJar(name, args));
    if (run.exitCode() != 0) {
      throw new BenchException(name + " failed (exit " + run.exitCode() + "); see " + jobs.logOf(name));
    }
    return run;
  }

  private List<String> withJar(String job, List<String> args) {
    List<String> all = new ArrayList<>(List.of(jobsJar.toString(), job));
    all.addAll(args);
    return all;
  }

  private Set<String> wantedJobs() {
    String list = options.get("jobs");
    if (list == null) {
      Set<String> all = new java.util.LinkedHashSet<>();
      all.add(PIPELINE);
      DayJobs.of(Path.of("."), warehouse.day(), Path.of(".")).forEach(job -> all.add(job.name()));
      return all;
    }
    return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
  }

  private String benchJar() {
    return Arrays.stream(required("bench-classpath").split(java.io.File.pathSeparator))
        .filter(entry -> entry.contains("bench")).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("--bench-classpath holds no bench classes"));
  }

  private String required(String name) {
    String value = options.get(name);
    if (value == null) {
      throw new IllegalArgumentException("--" + name + " is required");
    }
    return value;
  }

  private static String loadAverage() throws IOException {
    Path loadavg = Path.of("/proc/loadavg");
    if (!Files.exists(loadavg)) {
      return "unknown";
    }
    String[] fields = Files.readString(loadavg, StandardCharsets.US_ASCII).trim().split("\\s+");
    return fields[0] + " " + fields[1] + " " + fields[2];
  }

  private static Map<String, String> parse(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i += 2) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("expected --option value, got " + args[i]);
      }
      options.put(args[i].substring(2), args[i + 1]);
    }
    return options;
  }

  /** A run the bench could not measure, with where to look. */
  static final class BenchException extends Exception {
    private static final long serialVersionUID = 1L;

    BenchException(String message) {
      super(message);
    }
  }
}
