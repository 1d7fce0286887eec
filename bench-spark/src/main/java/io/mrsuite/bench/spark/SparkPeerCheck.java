package io.mrsuite.bench.spark;

import io.mrsuite.bench.MartComparison;
import io.mrsuite.bench.MartDifference;
import io.mrsuite.jobs.tool.Dates;
import io.mrsuite.jobs.tool.JobOptions;
import io.mrsuite.jobs.tool.UsageException;
import io.mrsuite.jobs.warehouse.Dataset;
import io.mrsuite.jobs.warehouse.Zone;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * Times the Spark peer on one event date and reports its time only when its marts equal ours.
 *
 * <p>{@value #SYNOPSIS}. Ours are {@code ROOT/marts/<table>/dt=X}, written by {@code pipeline} beforehand; the
 * peer writes to {@code OUT/<table>/dt=X}. The comparison is the DuckDB peer's ({@link MartComparison}: EXCEPT ALL
 * both ways, in DuckDB, after Spark has stopped). Prints one line with the wall time and the verdict, and each
 * difference under it; exits 0 when the marts are equal, 1 when they differ, 2 on a wrong command line.
 */
public final class SparkPeerCheck {
  static final String SYNOPSIS = "SparkPeerCheck --root ROOT --date X --out OUT [--late-days N] [--threads N]";
  /** The setting: local[2], the cores of the machines bin/bench runs on. */
  static final int DEFAULT_THREADS = 2;

  private SparkPeerCheck() {
  }

  public static void main(String[] args) throws IOException, SQLException {
    JobOptions options = new JobOptions("SparkPeerCheck", SYNOPSIS)
        .option("root", "ROOT", "warehouse root (a local directory) with raw/ and our marts/")
        .option("date", "X", "event date")
        .option("out", "OUT", "where the peer writes its marts")
        .option("late-days", "N", "default " + Dataset.DEFAULT_LATE_DAYS)
        .option("threads", "N", "Spark's local threads (local[N]), default " + DEFAULT_THREADS);
    Path root;
    Path out;
    LocalDate date;
    int lateDays;
    int threads;
    try {
      JobOptions.Parsed parsed = options.parse(args);
      root = Path.of(parsed.required("root"));
      date = Dates.parseOption("date", parsed.required("date"));
      out = Path.of(parsed.required("out"));
      lateDays = parsed.intValue("late-days", Dataset.DEFAULT_LATE_DAYS, 0);
      threads = parsed.intValue("threads", DEFAULT_THREADS, 1);
    } catch (UsageException e) {
      System.err.println(e.getMessage());
      System.err.println("Usage: " + SYNOPSIS);
      System.exit(2);
      return;
    }

    long started = System.nanoTime();
    Map<String, Long> rows;
    try (SparkSession spark = SparkDay.session(threads)) {
      rows = new SparkDay(spark, root, date, lateDays).run(out);
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    List<MartDifference> differences = new MartComparison().differences(root.resolve(Zone.MARTS.dir()), out, date);

    String run = String.format("spark dt=%s, local[%d]", date, threads);
    if (differences.isEmpty()) {
      System.out.printf("%s: %.1f s, marts equal to ours (rows %s)%n", run, seconds, rows);
      System.exit(0);
      return;
    }
    System.out.println(run + ": marts differ from ours, so no time is reported");
    differences.forEach(difference -> System.out.println(difference.describe()));
    System.exit(1);
  }
}
