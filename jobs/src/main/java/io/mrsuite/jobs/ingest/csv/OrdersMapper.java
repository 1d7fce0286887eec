package io.mrsuite.jobs.ingest.csv;

import io.mrsuite.formats.avro.Order;
import io.mrsuite.formats.commerce.CommerceRules;
import io.mrsuite.formats.csv.CsvRecord;
import io.mrsuite.formats.quarantine.Rejection;
import io.mrsuite.jobs.warehouse.Dataset;
import java.time.LocalDate;

/** Validates order rows, keyed by order_id; they reach the reducer before the order's lines. */
public class OrdersMapper extends CsvIngestMapper<Order> {
  /** Orders sort before their lines within an order_id. */
  static final int KIND = 0;

  @Override
  protected String dataset() {
    return Dataset.RAW_ORDERS.dir();
  }

  @Override
  protected Order validate(CsvRecord csv, LocalDate exportDate) throws Rejection {
    Order order = CommerceRules.order(csv.fields());
    order.setExportDate(exportDate);
    order.setSourceFile(csv.sourceFile());
    order.setSourceOffset(csv.offset());
    return order;
  }

  @Override
  protected String key(Order order) {
    return order.getOrderId();
  }

  @Override
  protected int kind() {
    return KIND;
  }
}
