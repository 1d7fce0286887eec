package io.mrsuite.bench;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The jobs the pipeline runs for event date X, each with the arguments its workflow action gives it, in the
 * order the pipeline runs them. Only the ingest of X is listed: the ingest of X + 1 is the same work again.
 */
public final class DayJobs {
  /** The late days the pipeline and every peer use: the contract's default. */
  public static final int LATE_DAYS = 1;

  private DayJobs() {
  }

  /** One job of the day: its name in the driver and its arguments. */
  public record DayJob(String name, List<String> args) {
  }

  public static List<DayJob> of(Path root, LocalDate day, Path dqThresholds) {
    String r = root.toString();
    String d = day.toString();
    String late = Integer.toString(LATE_DAYS);
    List<DayJob> jobs = new ArrayList<>();
    jobs.add(new DayJob("ingest-events", List.of("--root", r, "--date", d, "--late-days", late)));
    for (String ingest : List.of("ingest-orders", "ingest-products", "ingest-fx")) {
      jobs.add(new DayJob(ingest, List.of("--root", r, "--date", d)));
    }
    jobs.add(new DayJob("dedup-events", List.of("--root", r, "--date", d, "--late-days", late)));
    jobs.add(new DayJob("enrich-events", List.of("--root", r, "--date", d)));
    jobs.add(new DayJob("sessionize", List.of("--root", r, "--date", d)));
    jobs.add(new DayJob("dq-report", List.of("--root", r, "--date", d, "--thresholds", dqThresholds.toString(),
        "--on-fail", "report", "--before-marts")));
    for (String mart : List.of("product-daily", "top-products", "funnel-daily")) {
      jobs.add(new DayJob(mart, List.of("--root", r, "--date", d)));
    }
    jobs.add(new DayJob("revenue-daily", List.of("--root", r, "--date", d, "--late-days", late)));
    return jobs;
  }
}
