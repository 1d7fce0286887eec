package io.mrsuite.jobs.gendata;

import java.util.List;

/**
 * An order as the shop's order system exports it. Amounts are in the currency's minor units and
 * {@code total == subtotal + shipping + tax} holds by construction.
 *
 * @param orderTime ISO-8601 text, as exported
 * @param shippingCountry empty when the visitor's country is unknown
 * @param notes free text, empty when none
 */
record Order(String id, String userId, String orderTime, String status, CurrencyCode currency, long subtotal,
    long shipping, long tax, String shippingCountry, String notes, List<OrderLine> lines) {

  long total() {
    return subtotal + shipping + tax;
  }

  Order withStatus(String newStatus) {
    return new Order(id, userId, orderTime, newStatus, currency, subtotal, shipping, tax, shippingCountry, notes,
        lines);
  }

  /** The orders CSV fields, in header order. */
  String[] fields() {
    return new String[] {id, userId, orderTime, status, currency.name(), Money.format(subtotal, currency),
        Money.format(shipping, currency), Money.format(tax, currency), Money.format(total(), currency),
        shippingCountry, notes};
  }
}
