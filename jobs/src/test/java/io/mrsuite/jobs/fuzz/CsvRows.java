package io.mrsuite.jobs.fuzz;

import io.mrsuite.formats.avro.FxRate;
import io.mrsuite.formats.avro.Order;
import io.mrsuite.formats.avro.OrderLine;
import io.mrsuite.formats.avro.OrderStatus;
import io.mrsuite.formats.avro.Product;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Valid rows of the four CSV exports of one day, with the curated record the contract makes of each: amounts
 * as {@code 12}, {@code 12.5} or {@code 12.50}, times in every ISO form, empty optional fields, and free text
 * with commas, quotes and line breaks.
 */
final class CsvRows {
  private static final String[] CURRENCIES = {"EUR", "USD", "GBP", "CHF", "SEK"};
  private static final String[] COUNTRIES = {"DE", "FR", "US", "GB", "CH", "SE", "NL"};
  private static final String[] CATEGORIES = {"Shoes", "Home & Garden", "Toys, Games", "Bücher"};
  private static final long MILLIS_PER_DAY = 86_400_000L;

  private final SplittableRandom random;
  private final Keys keys;
  private final LocalDate day;
  private final TimeText times;
  private final FreeText text;

  CsvRows(SplittableRandom random, Keys keys, LocalDate day) {
    this.random = random;
    this.keys = keys;
    this.day = day;
    this.times = new TimeText(random);
    this.text = new FreeText(random);
  }

  /** A row's field values, the curated record it must become, and its business key. */
  record Row(List<String> values, Object expected, String key) {
  }

  /** @param plain no value needs quotes: for files where the only quote must be a planted one */
  Row order(String orderId, boolean plain) {
    long subtotal = cents(100_000);
    long shipping = random.nextInt(3) == 0 ? 0 : cents(2_000);
    long tax = cents(20_000);
    String currency = CURRENCIES[random.nextInt(CURRENCIES.length)];
    String country = random.nextInt(5) == 0 ? "" : COUNTRIES[random.nextInt(COUNTRIES.length)];
    String notes = random.nextInt(3) == 0 ? "" : text.next(!plain, !plain);
    OrderStatus status = OrderStatus.values()[random.nextInt(OrderStatus.values().length)];
    long millis = (day.toEpochDay() - 2) * MILLIS_PER_DAY + random.nextLong(3 * MILLIS_PER_DAY);
    TimeText.Rendered time = times.iso(millis);
    String userId = "u-" + random.nextInt(100_000);
    Order order = new Order();
    order.setOrderId(orderId);
    order.setUserId(userId);
    order.setOrderTime(time.instant());
    order.setOrderDate(LocalDate.ofEpochDay(Math.floorDiv(time.instant().toEpochMilli(), MILLIS_PER_DAY)));
    order.setStatus(status);
    order.setCurrency(currency);
    order.setSubtotal(money(subtotal));
    order.setShipping(money(shipping));
    order.setTax(money(tax));
    order.setTotal(money(subtotal + shipping + tax));
    order.setShippingCountry(country.isEmpty() ? null : country);
    order.setNotes(notes.isEmpty() ? null : notes);
    order.setLines(new ArrayList<>());
    order.setExportDate(day);
    return new Row(List.of(orderId, userId, time.text(), status.name(), currency, amount(subtotal), amount(shipping),
        amount(tax), amount(subtotal + shipping + tax), country, notes), order, orderId);
  }

  Row orderLine(String orderId, int lineNo, boolean plain) {
    String productId = plain || random.nextInt(4) != 0 ? "p-" + random.nextInt(5_000) : text.next(false, true);
    int quantity = random.nextInt(5) == 0 ? 10_000 : 1 + random.nextInt(9);
    long unitPrice = cents(50_000);
    OrderLine line = new OrderLine();
    line.setLineNo(lineNo);
    line.setProductId(productId);
    line.setQuantity(quantity);
    line.setUnitPrice(money(unitPrice));
    return new Row(List.of(orderId, Integer.toString(lineNo), productId, Integer.toString(quantity),
        amount(unitPrice)), line, orderId);
  }

  Row product(boolean plain) {
    String id = keys.id('P');
    String title = random.nextInt(6) == 0 ? "" : text.next(!plain, !plain);
    String category = random.nextInt(6) == 0 ? "" : plain ? "Shoes" : CATEGORIES[random.nextInt(CATEGORIES.length)];
    String brand = random.nextInt(6) == 0 ? "" : text.next(false, !plain);
    long price = cents(300_000);
    String currency = CURRENCIES[random.nextInt(CURRENCIES.length)];
    boolean active = random.nextBoolean();
    Product product = new Product();
    product.setProductId(id);
    product.setTitle(title.isEmpty() ? null : title);
    product.setCategory(category.isEmpty() ? null : category);
    product.setBrand(brand.isEmpty() ? null : brand);
    product.setListPrice(money(price));
    product.setCurrency(currency);
    product.setActive(active);
    product.setSnapshotDate(day);
    return new Row(List.of(id, title, category, brand, amount(price), currency, Boolean.toString(active)), product, id);
  }

  Row fxRate() {
    String currency = keys.currency();
    long units = 1 + random.nextLong(500_000_000_000L);
    String written = BigDecimal.valueOf(units, 8).stripTrailingZeros().toPlainString();
    FxRate rate = new FxRate();
    rate.setCurrency(currency);
    rate.setUsdPerUnit(BigDecimal.valueOf(units, 8));
    rate.setRateDate(day);
    return new Row(List.of(currency, written), rate, currency);
  }

  /** A row like {@code row} with one value replaced; the curated record is the caller's to fix. */
  static List<String> with(List<String> values, int column, String value) {
    List<String> changed = new ArrayList<>(values);
    changed.set(column, value);
    return changed;
  }

  private long cents(long max) {
    long cents = random.nextLong(max);
    switch (random.nextInt(3)) {
      case 0:
        return cents - cents % 100;
      case 1:
        return cents - cents % 10;
      default:
        return cents;
    }
  }

  /** {@code 12}, {@code 12.0}, {@code 12.5} or {@code 12.50}: any of the forms the contract allows for the amount. */
  private String amount(long cents) {
    BigDecimal exact = BigDecimal.valueOf(cents, 2);
    if (random.nextBoolean()) {
      return exact.toPlainString();
    }
    BigDecimal shortest = exact.stripTrailingZeros();
    return (shortest.scale() < 0 ? shortest.setScale(0) : shortest).toPlainString();
  }

  private static BigDecimal money(long cents) {
    return BigDecimal.valueOf(cents, 2);
  }
}
