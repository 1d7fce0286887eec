package io.mrsuite.bench;

import io.mrsuite.bench.duckdb.DuckDbDay;
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

/**
 * Times the DuckDB peer on one event date and reports its time only when its marts equal ours.
 *
 * <p>{@value #SYNOPSIS}. Ours are {@code ROOT/marts/<table>/dt=X}, written by {@code pipeline} beforehand;
 * the peer writes to {@code OUT/<table>/dt=X}. Prints one line with the wall time and the verdict, and each
 * difference under it; exits 0 when the marts are equal, 1 when they differ, 2 on a wrong command line.
 */
public final class DuckDbPeerCheck {
  static final String SYNOPSIS = "DuckDbPeerCheck --root ROOT --date X --out OUT [--late-days N] [--threads N]";
  /** The setting: DuckDB on 2 threads, the cores of the machines bin/bench runs on. */
  static final int DEFAULT_THREADS = 2;

  private DuckDbPeerCheck() {
  }

  public static void main(String[] args) throws IOException, SQLException {
    JobOptions options = new JobOptions("DuckDbPeerCheck", SYNOPSIS)
        .option("root", "ROOT", "warehouse root (a local directory) with raw/ and our marts/")
        .option("date", "X", "event date")
        .option("out", "OUT", "where the peer writes its marts")
        .option("late-days", "N", "default " + Dataset.DEFAULT_LATE_DAYS)
        .option("threads", "N", "DuckDB's threads, default " + DEFAULT_THREADS);
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
    Map<String, Long> rows = new DuckDbDay(root, date, lateDays, threads).run(out);
    double seconds = (System.nanoTime() - started) / 1e9;
    List<MartDifference> differences = new MartComparison().differences(root.resolve(Zone.MARTS.dir()), out, date);

    String run = String.format("duckdb dt=%s, %d threads", date, threads);
    if (differences.isEmpty()) {
      System.out.printf("%s: %.1f s, marts equal to ours (rows %s)%n", run, seconds, rows);
      return;
    }
    System.out.println(run + ": marts differ from ours, so no time is reported");
    differences.forEach(difference -> System.out.println(difference.describe()));
    System.exit(1);
  }
}
