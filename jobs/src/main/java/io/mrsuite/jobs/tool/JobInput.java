package io.mrsuite.jobs.tool;

import io.mrsuite.jobs.warehouse.Dataset;
/**
 * One input of a {@link DatasetJob}, naming the dataset it reads and which of its date partitions.
 *
 * <p>The dataset is a warehouse dataset read under {@code --root}. The option names its paths in the explicit
 * form ({@code --input}, {@code --products}).
 */
public record JobInput(String option, Dataset dataset, Span span, boolean severalPaths) {

  /** Which partitions of the dataset a run of date D reads. */
  public enum Span {
    /** The partition of D, which must hold {@code _SUCCESS}. */
    DAY,
    /** The partitions D .. D + late days (arrivals of D's records), each complete unless --allow-missing. */
    LATE_DAYS,
    /** The raw partition of D as it landed; in the explicit form, files, directories or globs. */
    LANDED
  }

  public static JobInput day(String option, Dataset dataset) {
    return new JobInput(option, dataset, Span.DAY, false);
  }

  public static JobInput lateDays(String option, Dataset dataset) {
    return new JobInput(option, dataset, Span.LATE_DAYS, true);
  }

  public static JobInput landed(String option, Dataset dataset) {
    return new JobInput(option, dataset, Span.LANDED, true);
  }

  /** The same input, taking several comma-separated paths in the explicit form. */
  public JobInput orSeveral() {
    return new JobInput(option, dataset, span, true);
  }

  /** Whether the explicit form takes several comma-separated paths. */
  boolean takesList() {
    return severalPaths;
  }

  /** The argument in the usage text. */
  String argName() {
    return takesList() ? "PATH[,PATH...]" : "PATH";
  }

  /** What the root form reads, e.g. {@code curated/events/dt=D..D+N}. */
  String rootReads() {
    return dataset.label() + switch (span) {
      case DAY -> "/dt=D";
      case LATE_DAYS -> "/dt=D..D+N";
      case LANDED -> dataset.hourPartitioned() ? "/dt=D/hr=*" : "/dt=D";
    };
  }
}
