package io.mrsuite.bench;

import io.mrsuite.jobs.tool.Dates;
import io.mrsuite.jobs.tool.JobOptions;
import io.mrsuite.jobs.tool.UsageException;
import io.mrsuite.jobs.warehouse.Dataset;
import io.mrsuite.jobs.warehouse.Zone;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What every peer check does: times a peer's run of one event date and reports the time only when its marts
 * equal ours.
 *
 * <p>{@code <check> --root ROOT --date X --out OUT [--late-days N] [--threads N]}. Ours are
 * {@code ROOT/marts/<table>/dt=X}, written by {@code pipeline} beforehand; the peer writes to
 * {@code OUT/<table>/dt=X}. Prints one line with the wall time and the verdict, and each difference under it;
 * exits 0 when the marts are equal, 1 when they differ, 2 on a wrong command line. The comparison is
 * {@link MartComparison}: EXCEPT ALL both ways, in DuckDB, after the peer has finished.
 */
public final class PeerCheck {
  /** The setting: 2 threads, the cores of the machines bin/bench runs on. */
  public static final int DEFAULT_THREADS = 2;

  /** The day a peer is asked to compute. */
  public record Day(Path root, LocalDate date, int lateDays, int threads, Path out) {
  }

  /** A peer's run of one day: the rows it wrote per mart. */
  @FunctionalInterface
  public interface Peer {
    Map<String, Long> run(Day day) throws Exception;
  }

  private PeerCheck() {
  }

  /**
   * Runs {@code peer} as the command {@code check} (its name in the usage and the report) with {@code args};
   * {@code threads} says what its threads are.
   */
  public static void main(String check, String threads, String[] args, Peer peer) throws Exception {
    String synopsis = check + " --root ROOT --date X --out OUT [--late-days N] [--threads N]";
    JobOptions options = new JobOptions(check, synopsis)
        .option("root", "ROOT", "warehouse root (a local directory) with raw/ and our marts/")
        .option("date", "X", "event date")
        .option("out", "OUT", "where the peer writes its marts")
        .option("late-days", "N", "default " + Dataset.DEFAULT_LATE_DAYS)
        .option("threads", "N", threads + ", default " + DEFAULT_THREADS);
    Day day;
    try {
      JobOptions.Parsed parsed = options.parse(args);
      day = new Day(Path.of(parsed.required("root")), Dates.parseOption("date", parsed.required("date")),
          parsed.intValue("late-days", Dataset.DEFAULT_LATE_DAYS, 0), parsed.intValue("threads", DEFAULT_THREADS, 1),
          Path.of(parsed.required("out")));
    } catch (UsageException e) {
      System.err.println(e.getMessage());
      System.err.println("Usage: " + synopsis);
      System.exit(2);
      return;
    }

    long started = System.nanoTime();
    Map<String, Long> rows = peer.run(day);
    double seconds = (System.nanoTime() - started) / 1e9;
    List<MartDifference> differences = new MartComparison().differences(day.root().resolve(Zone.MARTS.dir()),
        day.out(), day.date());

    String run = String.format("%s dt=%s, %d threads", check, day.date(), day.threads());
    if (differences.isEmpty()) {
      System.out.printf("%s: %.1f s, marts equal to ours (rows %s)%n", run, seconds, rows);
      // A peer may leave non-daemon threads behind (Spark does): the verdict is the exit code.
      System.exit(0);
      return;
    }
    System.out.println(run + ": marts differ from ours, so no time is reported");
    differences.forEach(difference -> System.out.println(difference.describe()));
    System.exit(1);
  }
}
