package io.mrsuite.jobs.productdaily;

import java.math.BigDecimal;

/** A running sum of ProductActivity records; it copies what it keeps, so the caller may reuse its records. */
final class ProductActivitySum {
  private String category;
  private String brand;
  private long views;
  private long addToCarts;
  private long purchases;
  private long unitsSold;
  private BigDecimal revenueUsd;
  private long unconvertedPurchases;

  void add(ProductActivity activity) {
    if (revenueUsd == null) {
      category = activity.getCategory();
      brand = activity.getBrand();
      revenueUsd = activity.getRevenueUsd();
    } else {
      revenueUsd = revenueUsd.add(activity.getRevenueUsd());
    }
    views += activity.getViews();
    addToCarts += activity.getAddToCarts();
    purchases += activity.getPurchases();
    unitsSold += activity.getUnitsSold();
    unconvertedPurchases += activity.getUnconvertedPurchases();
  }

  String category() {
    return category;
  }

  String brand() {
    return brand;
  }

  long views() {
    return views;
  }

  long addToCarts() {
    return addToCarts;
  }

  long purchases() {
    return purchases;
  }

  long unitsSold() {
    return unitsSold;
  }

  BigDecimal revenueUsd() {
    return revenueUsd;
  }

  long unconvertedPurchases() {
    return unconvertedPurchases;
  }

  /** The sum as one activity record of {@code viewer}. */
  ProductActivity toActivity(String viewer) {
    return new ProductActivity(viewer, category, brand, views, addToCarts, purchases, unitsSold, revenueUsd,
        unconvertedPurchases);
  }
}
