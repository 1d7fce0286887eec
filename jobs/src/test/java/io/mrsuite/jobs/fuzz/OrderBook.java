package io.mrsuite.jobs.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The orders of one export day and their lines, which the day's order_lines files write in any order and
 * spread over several files. Some lines name an order that no file holds: ORPHAN_LINE.
 */
final class OrderBook {
  private record PendingLine(String orderId, int lineNo) {
  }

  private final SplittableRandom random;
  private final Keys keys;
  private final CsvRows rows;
  private final List<PendingLine> pending = new ArrayList<>();

  OrderBook(SplittableRandom random, Keys keys, CsvRows rows) {
    this.random = random;
    this.keys = keys;
    this.rows = rows;
  }

  /** A new order, whose 0 to 4 lines the next order_lines files will write. */
  CsvRows.Row order(boolean plain) {
    String id = keys.id('O');
    int lines = random.nextInt(5);
    for (int lineNo = 1; lineNo <= lines; lineNo++) {
      pending.add(new PendingLine(id, lineNo));
    }
    return rows.order(id, plain);
  }

  /** A line not written yet, or one of an order no export holds when none is left or now and then. */
  CsvRows.Row line(boolean plain) {
    if (pending.isEmpty() || random.nextInt(8) == 0) {
      return rows.orderLine(keys.id('O'), 1 + random.nextInt(3), plain);
    }
    PendingLine line = pending.remove(random.nextInt(pending.size()));
    return rows.orderLine(line.orderId(), line.lineNo(), plain);
  }
}
