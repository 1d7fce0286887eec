package io.mrsuite.jobs.retention;

import io.mrsuite.jobs.MrSuiteDriver;
import io.mrsuite.jobs.tool.DatasetJob;
import io.mrsuite.jobs.tool.JobInput;
import io.mrsuite.jobs.tool.MrSuiteTool;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which partitions are built from which: read from the inputs every job of the driver declares, so that a new job
 * or input is covered without a list kept here.
 *
 * <p>A job writing dataset V on date X from input U reads U's partition X ({@code DAY}, and a raw partition as
 * landed) or U's partitions X .. X + late days ({@code LATE_DAYS}). So U's partition D is needed by V's partitions
 * D, or D - late days .. D.
 */
public final class Lineage {
  /** One edge: {@code downstream} is written from {@code upstream} over {@code span}. */
  private record Edge(RetainedDataset upstream, JobInput.Span span, RetainedDataset downstream) {
  }

  private final List<Edge> edges;
  private final int lateDays;

  private Lineage(List<Edge> edges, int lateDays) {
    this.edges = edges;
    this.lateDays = lateDays;
  }

  /** The lineage of the driver's jobs, with the late days their runs read. */
  public static Lineage ofDriver(int lateDays) {
    List<Edge> edges = new ArrayList<>();
    for (String name : MrSuiteDriver.jobs().keySet()) {
      Optional<MrSuiteTool> tool = MrSuiteDriver.tool(name);
      if (tool.isPresent() && tool.get() instanceof DatasetJob job) {
        for (JobInput input : job.inputs()) {
          edges.add(new Edge(RetainedDataset.of(input.dataset()), input.span(), RetainedDataset.of(job.output())));
        }
      }
    }
    return new Lineage(edges, lateDays);
  }

  /** A partition another is built from. */
  public record Partition(RetainedDataset dataset, LocalDate date) {
    @Override
    public String toString() {
      return dataset.label() + "/dt=" + date;
    }
  }

  /** The partitions built from {@code upstream}'s partition of {@code date}. */
  public List<Partition> builtFrom(RetainedDataset upstream, LocalDate date) {
    List<Partition> built = new ArrayList<>();
    for (Edge edge : edges) {
      if (!edge.upstream().equals(upstream)) {
        continue;
      }
      int earliest = edge.span() == JobInput.Span.LATE_DAYS ? lateDays : 0;
      for (int back = earliest; back >= 0; back--) {
        built.add(new Partition(edge.downstream(), date.minusDays(back)));
      }
    }
    return built;
  }
}
