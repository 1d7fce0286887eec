package io.mrsuite.deploy;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** What a deploy did to each path under the apps directory, in the order it did it. */
final class DeployReport {
  /** What the deploy did to one path. */
  enum Outcome {
    /** New at its destination. */
    UPLOADED("uploaded"),
    /** Its content differed: replaced in place. */
    REPLACED("replaced"),
    /** Same bytes already there: not written. */
    UNCHANGED("unchanged"),
    /** In an app's folder but no longer in the source (an old jar in lib/, say), or a stale staging folder. */
    REMOVED("removed"),
    /** Beside the apps and not in the source (a retired app, another team's file): left in place. */
    KEPT("kept");

    final String label;

    Outcome(String label) {
      this.label = label;
    }
  }

  /**
   * One path and what the deploy did to it.
   *
   * @param path relative to the apps directory; a directory ends with '/'
   */
  record Line(Outcome outcome, String path) {
  }

  private final List<Line> lines = new ArrayList<>();

  void add(Outcome outcome, String path) {
    lines.add(new Line(outcome, path));
  }

  long count(Outcome outcome) {
    return lines.stream().filter(line -> line.outcome() == outcome).count();
  }

  void print(PrintStream out, String appsDir) {
    for (Line line : lines) {
      out.printf("  %-9s  %s%n", line.outcome().label, line.path());
    }
    StringBuilder summary = new StringBuilder("mrsuite-deploy: ").append(appsDir).append(':');
    String separator = " ";
    for (Outcome outcome : Outcome.values()) {
      if (outcome != Outcome.KEPT || count(outcome) > 0) {
        summary.append(separator).append(count(outcome)).append(' ').append(outcome.label);
        separator = ", ";
      }
    }
    if (count(Outcome.KEPT) > 0) {
      summary.append(" (not in the source: remove by hand once nothing runs from them)");
    }
    out.println(summary);
  }
}
