package io.mrsuite.formats.commerce;

import io.mrsuite.formats.avro.FxRate;
import io.mrsuite.formats.avro.Order;
import io.mrsuite.formats.avro.OrderLine;
import io.mrsuite.formats.avro.OrderStatus;
import io.mrsuite.formats.avro.Product;
import io.mrsuite.formats.quarantine.QuarantineReason;
import io.mrsuite.formats.quarantine.Rejection;
import io.mrsuite.formats.rules.Decimals;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Applies the field rules of the CSV exports to a well-formed record.
 *
 * <p>The rules are those of DATA-CONTRACT.md section 3, checked in the contract's order: every MISSING_FIELD
 * check, then INVALID_VALUE in column order, then INCONSISTENT_TOTAL. Records come back without their source
 * position, which the caller knows. Duplicate keys and orphan lines need the whole export and are decided by
 * the jobs.
 */
public final class CommerceRules {
  private static final long MILLIS_PER_DAY = 86_400_000L;
  private static final int MAX_QUANTITY = 10_000;
  private static final List<String> ORDER_OPTIONAL = List.of("shipping_country", "notes");
  private static final List<String> PRODUCT_OPTIONAL = List.of("title", "category", "brand");

  private CommerceRules() {
  }

  /** An order without its lines (they are joined in later). */
  public static Order order(List<String> values) throws Rejection {
    CsvFields f = new CsvFields(CommerceColumns.ORDERS, values);
    f.requireAll(ORDER_OPTIONAL);
    Order order = new Order();
    order.setOrderId(f.text("order_id"));
    order.setUserId(f.text("user_id"));
    long millis = f.isoMillis("order_time");
    order.setOrderTime(Instant.ofEpochMilli(millis));
    order.setOrderDate(LocalDate.ofEpochDay(Math.floorDiv(millis, MILLIS_PER_DAY)));
    order.setStatus(f.symbol("status", OrderStatus.class));
    order.setCurrency(f.currency("currency"));
    order.setSubtotal(f.decimal("subtotal", Decimals.MONEY));
    order.setShipping(f.decimal("shipping", Decimals.MONEY));
    order.setTax(f.decimal("tax", Decimals.MONEY));
    order.setTotal(f.decimal("total", Decimals.MONEY));
    order.setShippingCountry(f.optionalCountry("shipping_country"));
    order.setNotes(f.optionalText("notes"));
    order.setLines(List.of());
    BigDecimal sum = order.getSubtotal().add(order.getShipping()).add(order.getTax());
    if (sum.compareTo(order.getTotal()) != 0) {
      throw new Rejection(QuarantineReason.INCONSISTENT_TOTAL, "total " + order.getTotal() + " != subtotal "
          + order.getSubtotal() + " + shipping " + order.getShipping() + " + tax " + order.getTax() + " = " + sum);
    }
    return order;
  }

  /** An order line and the order it belongs to. */
  public record LineOfOrder(String orderId, OrderLine line) {
  }

  public static LineOfOrder orderLine(List<String> values) throws Rejection {
    CsvFields f = new CsvFields(CommerceColumns.ORDER_LINES, values);
    f.requireAll(List.of());
    OrderLine line = new OrderLine();
    line.setLineNo(f.integer("line_no", 1, Integer.MAX_VALUE));
    line.setProductId(f.text("product_id"));
    line.setQuantity(f.integer("quantity", 1, MAX_QUANTITY));
    line.setUnitPrice(f.decimal("unit_price", Decimals.MONEY));
    return new LineOfOrder(f.text("order_id"), line);
  }

  public static Product product(List<String> values) throws Rejection {
    CsvFields f = new CsvFields(CommerceColumns.PRODUCTS, values);
    f.requireAll(PRODUCT_OPTIONAL);
    Product product = new Product();
    product.setProductId(f.text("product_id"));
    product.setTitle(f.optionalText("title"));
    product.setCategory(f.optionalText("category"));
    product.setBrand(f.optionalText("brand"));
    product.setListPrice(f.decimal("list_price", Decimals.MONEY));
    product.setCurrency(f.currency("currency"));
    product.setActive(f.bool("active"));
    return product;
  }

  public static FxRate fxRate(List<String> values) throws Rejection {
    CsvFields f = new CsvFields(CommerceColumns.FX_RATES, values);
    f.requireAll(List.of());
    FxRate rate = new FxRate();
    rate.setCurrency(f.currency("currency"));
    rate.setUsdPerUnit(f.decimal("usd_per_unit", Decimals.FX_RATE));
    return rate;
  }
}
