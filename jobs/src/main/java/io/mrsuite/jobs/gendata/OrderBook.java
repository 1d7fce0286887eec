package io.mrsuite.jobs.gendata;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The orders placed in one shard's sessions, kept until they are exported as that day's orders file.
 *
 * <p>The export comes after the shard's events are written. Order ids name the export date and the shard, so
 * they are unique across the warehouse without any coordination between tasks.
 */
final class OrderBook {
  private static final String[] STATUSES = {"paid", "shipped", "delivered", "placed", "cancelled", "refunded"};
  private static final int[] STATUS_WEIGHTS = {35, 30, 20, 7, 5, 3};
  /** Share of orders with delivery notes. */
  private static final int NOTES_PERCENT = 15;
  /** Share of orders whose time the order system writes in the customer's offset rather than in UTC. */
  private static final int LOCAL_TIME_PERCENT = 30;
  private static final byte[] UTC = {'Z'};

  private final String idPrefix;
  private final SplittableRandom random;
  private final List<Order> orders = new ArrayList<>();

  OrderBook(LocalDate exportDate, int shard, SplittableRandom random) {
    this.idPrefix = "ORD-" + exportDate.toString().replace("-", "") + "-"
        + new ByteLine(8).appendPadded(shard, 4) + "-";
    this.random = random;
  }

  List<Order> orders() {
    return orders;
  }

  Order place(Visitor visitor, long timeMillis, List<OrderLine> cart) {
    List<OrderLine> lines = new ArrayList<>(cart.size());
    long subtotal = 0;
    for (OrderLine item : cart) {
      lines.add(new OrderLine(lines.size() + 1, item.product(), item.quantity(), item.unitPriceMinor()));
      subtotal += item.quantity() * item.unitPriceMinor();
    }
    CurrencyCode currency = visitor.currency();
    Country country = visitor.country();
    long tax = Money.percentOf(subtotal, country == null ? 0 : country.taxBasisPoints());
    ByteLine time = new ByteLine(32);
    if (random.nextInt(100) < LOCAL_TIME_PERCENT) {
      TimeText.appendIso(time, timeMillis, visitor.offsetMinutes(), visitor.offsetText(), 0, 0);
    } else {
      TimeText.appendIso(time, timeMillis, 0, UTC, 3, 0);
    }
    String userId = visitor.userId() != null ? visitor.userId() : "guest-" + visitor.anonymousId();
    String notes = random.nextInt(100) < NOTES_PERCENT
        ? Vocabulary.NOTES.get(random.nextInt(Vocabulary.NOTES.size())) : "";
    Order order = new Order(id(orders.size() + 1), userId, time.toString(), status(), currency, subtotal,
        currency.shippingFor(subtotal), tax, country == null ? "" : country.code(), notes, List.copyOf(lines));
    orders.add(order);
    return order;
  }

  /** An order id this shard never issues: for order lines that belong to no order. */
  String unissuedId(int n) {
    return id(orders.size() + 1 + n);
  }

  private String id(int sequence) {
    return idPrefix + new ByteLine(8).appendPadded(sequence, 6);
  }

  private String status() {
    int pick = random.nextInt(100);
    for (int i = 0; i < STATUSES.length; i++) {
      pick -= STATUS_WEIGHTS[i];
      if (pick < 0) {
        return STATUSES[i];
      }
    }
    return STATUSES[0];
  }
}
