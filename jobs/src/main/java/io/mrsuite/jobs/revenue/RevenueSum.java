package io.mrsuite.jobs.revenue;

import io.mrsuite.formats.avro.RevenueDaily;
import io.mrsuite.jobs.measures.EventMeasures;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import org.apache.avro.mapred.AvroValue;

/** A running sum of one country's row; it copies what it adds, so the caller may reuse its records. */
final class RevenueSum {
  private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(EventMeasures.EXACT_USD_SCALE);

  private long orders;
  private BigDecimal revenueUsd = ZERO;
  private long unconvertedOrders;
  private long orphanPurchases;

  /** total x usd_per_unit, exact: a total's 2 places plus a rate's 8 are {@link EventMeasures#EXACT_USD_SCALE}. */
  static BigDecimal exactUsd(BigDecimal total, BigDecimal usdPerUnit) {
    return total.multiply(usdPerUnit).setScale(EventMeasures.EXACT_USD_SCALE, RoundingMode.UNNECESSARY);
  }

  /** A counted order worth {@code exactUsd}, or null when its currency has no rate. */
  void addOrder(BigDecimal exactUsd) {
    orders++;
    if (exactUsd == null) {
      unconvertedOrders++;
    } else {
      revenueUsd = revenueUsd.add(exactUsd);
    }
  }

  void addOrphanPurchase() {
    orphanPurchases++;
  }

  /** The sum of one country's partials. */
  static RevenueSum of(Iterable<AvroValue<RevenuePartial>> partials) {
    RevenueSum sum = new RevenueSum();
    for (AvroValue<RevenuePartial> partial : partials) {
      sum.add(partial.datum());
    }
    return sum;
  }

  void add(RevenuePartial partial) {
    orders += partial.getOrders();
    revenueUsd = revenueUsd.add(partial.getRevenueUsd());
    unconvertedOrders += partial.getUnconvertedOrders();
    orphanPurchases += partial.getOrphanPurchases();
  }

  long orders() {
    return orders;
  }

  long unconvertedOrders() {
    return unconvertedOrders;
  }

  long orphanPurchases() {
    return orphanPurchases;
  }

  /** The sum so far, exact, as a partial of {@code country}. */
  RevenuePartial toPartial(String country) {
    return new RevenuePartial(country, orders, revenueUsd, unconvertedOrders, orphanPurchases);
  }

  /** The sum as the country's row: revenue rounded half-even to cents, once. */
  RevenueDaily toRow(String country, LocalDate eventDate) {
    return new RevenueDaily(country, orders, EventMeasures.reportedUsd(revenueUsd), unconvertedOrders,
        orphanPurchases, eventDate);
  }
}
