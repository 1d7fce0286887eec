package io.mrsuite.formats.commerce;

import java.util.List;

/** The header of each CSV export (DATA-CONTRACT.md section 3), in order. */
public final class CommerceColumns {
  public static final List<String> ORDERS = List.of("order_id", "user_id", "order_time", "status", "currency",
      "subtotal", "shipping", "tax", "total", "shipping_country", "notes");
  public static final List<String> ORDER_LINES = List.of("order_id", "line_no", "product_id", "quantity",
      "unit_price");
  public static final List<String> PRODUCTS = List.of("product_id", "title", "category", "brand", "list_price",
      "currency", "active");
  public static final List<String> FX_RATES = List.of("currency", "usd_per_unit");

  private CommerceColumns() {
  }
}
