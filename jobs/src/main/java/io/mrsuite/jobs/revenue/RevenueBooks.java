package io.mrsuite.jobs.revenue;

import io.mrsuite.jobs.run.RecordCounters;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.mapreduce.Counters;
import org.apache.hadoop.mapreduce.TaskCounter;

/**
 * The checks that make revenue-daily's books mean what {@link RevenueCounters} says.
 *
 * <p>They go beyond read = written + skipped + duplicates removed, which MartRun checks on the join's
 * counters. Each book must be the sum of its paths, and the rows of the second stage must add up to what the
 * join counted.
 */
final class RevenueBooks {
  private RevenueBooks() {
  }

  /**
   * Every disagreement, one line each; empty when the join and the rows agree.
   *
   * @param partialsInFiles the partial sums in the join's output files, counted from their block headers
   */
  static List<String> problems(Counters join, long partialsInFiles, Counters rows) {
    List<String> problems = new ArrayList<>();
    sum(problems, join, RecordCounters.READ, RevenueCounters.ORDERS_READ, RevenueCounters.EVENTS_READ);
    sum(problems, join, RecordCounters.WRITTEN, RevenueCounters.COUNTED_ORDERS, RevenueCounters.ORPHAN_PURCHASES);
    sum(problems, join, RecordCounters.SKIPPED, RevenueCounters.OTHER_DATE_ORDERS,
        RevenueCounters.UNCOUNTED_STATUS_ORDERS, RevenueCounters.NOT_PURCHASES, RevenueCounters.MATCHED_PURCHASES);
    same(problems, "partials in the join's files", partialsInFiles,
        "partials the rows read", value(rows, TaskCounter.MAP_INPUT_RECORDS));
    same(problems, "counted orders", value(join, RevenueCounters.COUNTED_ORDERS),
        "orders in the rows", value(rows, RevenueCounters.ROW_ORDERS));
    same(problems, "unconverted orders", value(join, RevenueCounters.UNCONVERTED_ORDERS),
        "unconverted_orders in the rows", value(rows, RevenueCounters.ROW_UNCONVERTED_ORDERS));
    same(problems, "orphan purchases", value(join, RevenueCounters.ORPHAN_PURCHASES),
        "orphan_purchases in the rows", value(rows, RevenueCounters.ROW_ORPHAN_PURCHASES));
    return problems;
  }

  private static void sum(List<String> problems, Counters counters, Enum<?> total, Enum<?>... parts) {
    long sum = 0;
    StringBuilder terms = new StringBuilder();
    for (Enum<?> part : parts) {
      long count = value(counters, part);
      sum += count;
      terms.append(terms.length() == 0 ? "" : " + ").append(part.name()).append(' ').append(count);
    }
    long counted = value(counters, total);
    if (counted != sum) {
      problems.add(total.name() + " " + counted + " != " + terms + " (= " + sum + ")");
    }
  }

  private static void same(List<String> problems, String what, long count, String other, long otherCount) {
    if (count != otherCount) {
      problems.add(what + " " + count + " != " + other + " " + otherCount);
    }
  }

  private static long value(Counters counters, Enum<?> counter) {
    return counters.findCounter(counter).getValue();
  }
}
