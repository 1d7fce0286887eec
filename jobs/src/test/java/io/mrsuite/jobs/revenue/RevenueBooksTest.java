package io.mrsuite.jobs.revenue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mrsuite.jobs.run.RecordCounters;
import java.util.List;
import org.apache.hadoop.mapreduce.Counters;
import org.apache.hadoop.mapreduce.TaskCounter;
import org.junit.jupiter.api.Test;

/** The cross-checks of revenue-daily's books: silent when the paths and the stages agree, exact when not. */
class RevenueBooksTest {

  @Test
  void balancedJoinAndRowsHaveNoProblems() {
    assertEquals(List.of(), RevenueBooks.problems(join(), 2, rows(3, 2, 1)));
  }

  @Test
  void everyDisagreementIsNamedWithItsCounts() {
    Counters join = join();
    join.findCounter(RecordCounters.READ).increment(1);
    join.findCounter(RevenueCounters.MATCHED_PURCHASES).increment(1);

    assertEquals(List.of("READ 13 != ORDERS_READ 5 + EVENTS_READ 7 (= 12)",
        "SKIPPED 7 != OTHER_DATE_ORDERS 1 + UNCOUNTED_STATUS_ORDERS 1 + NOT_PURCHASES 4 + MATCHED_PURCHASES 2 (= 8)",
        "orphan purchases 2 != orphan_purchases in the rows 1"), RevenueBooks.problems(join, 2, rows(3, 1, 1)));
  }

  @Test
  void partialsInTheFilesMustBeThePartialsTheRowsRead() {
    assertEquals(List.of("partials in the join's files 3 != partials the rows read 2"),
        RevenueBooks.problems(join(), 3, rows(3, 2, 1)));
  }

  /**
   * A join that balances: 5 orders (3 counted, 1 of them unconverted; 1 of another date, 1 placed) and 7 events
   * (2 orphan purchases, 1 matched purchase, 4 other events).
   */
  private static Counters join() {
    Counters counters = new Counters();
    set(counters, RecordCounters.READ, 12);
    set(counters, RevenueCounters.ORDERS_READ, 5);
    set(counters, RevenueCounters.EVENTS_READ, 7);
    set(counters, RecordCounters.WRITTEN, 5);
    set(counters, RevenueCounters.COUNTED_ORDERS, 3);
    set(counters, RevenueCounters.UNCONVERTED_ORDERS, 1);
    set(counters, RevenueCounters.ORPHAN_PURCHASES, 2);
    set(counters, RecordCounters.SKIPPED, 7);
    set(counters, RevenueCounters.OTHER_DATE_ORDERS, 1);
    set(counters, RevenueCounters.UNCOUNTED_STATUS_ORDERS, 1);
    set(counters, RevenueCounters.NOT_PURCHASES, 4);
    set(counters, RevenueCounters.MATCHED_PURCHASES, 1);
    return counters;
  }

  private static Counters rows(long orders, long orphans, long unconverted) {
    Counters counters = new Counters();
    set(counters, TaskCounter.MAP_INPUT_RECORDS, 2);
    set(counters, RevenueCounters.ROW_ORDERS, orders);
    set(counters, RevenueCounters.ROW_ORPHAN_PURCHASES, orphans);
    set(counters, RevenueCounters.ROW_UNCONVERTED_ORDERS, unconverted);
    return counters;
  }

  private static void set(Counters counters, Enum<?> counter, long value) {
    counters.findCounter(counter).setValue(value);
  }
}
