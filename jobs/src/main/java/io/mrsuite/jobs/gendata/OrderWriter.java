package io.mrsuite.jobs.gendata;

import java.io.IOException;
import java.io.OutputStream;
import java.util.SplittableRandom;

/**
 * Exports a shard's orders and their lines as two CSV files, planting bad records at the bad rate.
 *
 * <p>The files follow contract section 3. Most kinds break an order or line in place. DUPLICATE_KEY exports
 * an order a second time with a later status, and ORPHAN_LINE adds a line for an order id that is in no
 * order.
 */
final class OrderWriter {
  static final String ORDERS_HEADER =
      "order_id,user_id,order_time,status,currency,subtotal,shipping,tax,total,shipping_country,notes";
  static final String LINES_HEADER = "order_id,line_no,product_id,quantity,unit_price";

  private final Catalog catalog;
  private final CsvStyle csv;
  private final CsvCorruptor corruptor;
  private final double badRate;
  private final SplittableRandom random;
  private final ShardReporter reporter;
  private final ByteLine record = new ByteLine(512);

  OrderWriter(Catalog catalog, CsvStyle csv, double badRate, SplittableRandom random, ShardReporter reporter) {
    this.catalog = catalog;
    this.csv = csv;
    this.corruptor = new CsvCorruptor(csv, random.split());
    this.badRate = badRate;
    this.random = random;
    this.reporter = reporter;
  }

  void write(OrderBook book, OutputStream ordersOut, OutputStream linesOut) throws IOException {
    int lineCount = 0;
    for (Order order : book.orders()) {
      lineCount += order.lines().size();
    }
    BadSlots<BadOrder> badOrders = new BadSlots<>(book.orders().size(), badRate, BadOrder.ROTATION, null,
        random.split());
    BadSlots<BadOrderLine> badLines = new BadSlots<>(lineCount, badRate, BadOrderLine.ROTATION, null,
        random.split());
    header(ordersOut, ORDERS_HEADER);
    header(linesOut, LINES_HEADER);
    int orphans = 0;
    for (Order order : book.orders()) {
      BadOrder kind = badOrders.next();
      writeOrder(order, kind, ordersOut);
      for (OrderLine line : order.lines()) {
        BadOrderLine lineKind = badLines.next();
        String[] fields = lineFields(order.id(), line, order.currency());
        record.clear();
        if (lineKind == null || lineKind == BadOrderLine.ORPHAN_LINE) {
          csv.record(record, fields);
        } else {
          corruptor.line(record, fields, lineKind);
        }
        if (lineKind == BadOrderLine.ORPHAN_LINE) {
          OrderLine orphan = new OrderLine(1, random.nextInt(catalog.size()), 1, line.unitPriceMinor());
          csv.record(record, lineFields(book.unissuedId(orphans++), orphan, order.currency()));
          reporter.count(GenDataCounters.ORDER_LINES, 1);
        }
        if (lineKind != null) {
          reporter.count(GenDataCounters.BAD_ORDER_LINES, 1);
          reporter.count(lineKind, 1);
        }
        boolean lineItselfGood = lineKind == null || lineKind == BadOrderLine.ORPHAN_LINE;
        if (lineItselfGood && kind != null && kind != BadOrder.DUPLICATE_KEY) {
          reporter.count(GenDataCounters.LINES_OF_BAD_ORDERS, 1);
        }
        record.writeTo(linesOut);
        reporter.count(GenDataCounters.ORDER_LINES, 1);
      }
    }
  }

  private void writeOrder(Order order, BadOrder kind, OutputStream out) throws IOException {
    record.clear();
    reporter.count(GenDataCounters.ORDERS, 1);
    if (kind == null || kind == BadOrder.DUPLICATE_KEY) {
      csv.record(record, order.fields());
    } else {
      corruptor.order(record, order, kind);
    }
    if (kind == BadOrder.DUPLICATE_KEY) {
      csv.record(record, order.withStatus(nextStatus(order.status())).fields());
      reporter.count(GenDataCounters.ORDERS, 1);
    }
    if (kind != null) {
      reporter.count(GenDataCounters.BAD_ORDERS, 1);
      reporter.count(kind, 1);
    }
    record.writeTo(out);
  }

  /** The status a later export shows for the same order. */
  private static String nextStatus(String status) {
    switch (status) {
      case "placed":
        return "paid";
      case "paid":
        return "shipped";
      case "shipped":
        return "delivered";
      default:
        return status;
    }
  }

  private String[] lineFields(String orderId, OrderLine line, CurrencyCode currency) {
    return new String[] {orderId, Integer.toString(line.lineNo()), catalog.product(line.product()).id(),
        Integer.toString(line.quantity()), Money.format(line.unitPriceMinor(), currency)};
  }

  private void header(OutputStream out, String header) throws IOException {
    record.clear();
    csv.end(record.appendText(header)).writeTo(out);
  }
}
