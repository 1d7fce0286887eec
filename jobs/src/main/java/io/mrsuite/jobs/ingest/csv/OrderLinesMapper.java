package io.mrsuite.jobs.ingest.csv;

import io.mrsuite.formats.commerce.CommerceRules.LineOfOrder;
import io.mrsuite.formats.commerce.CommerceRules;
import io.mrsuite.formats.csv.CsvRecord;
import io.mrsuite.formats.quarantine.Rejection;
import io.mrsuite.jobs.warehouse.Dataset;
import java.time.LocalDate;

/** Validates order line rows, keyed by their order_id and sorted by line_no after the order itself. */
public class OrderLinesMapper extends CsvIngestMapper<LineOfOrder> {
  static final int KIND = 1;

  @Override
  protected String dataset() {
    return Dataset.RAW_ORDER_LINES.dir();
  }

  @Override
  protected LineOfOrder validate(CsvRecord csv, LocalDate exportDate) throws Rejection {
    return CommerceRules.orderLine(csv.fields());
  }

  @Override
  protected String key(LineOfOrder line) {
    return line.orderId();
  }

  @Override
  protected int kind() {
    return KIND;
  }

  @Override
  protected int sequence(LineOfOrder line) {
    return line.line().getLineNo();
  }

  @Override
  protected Object payload(LineOfOrder line) {
    return new OrderLineEntry(line.orderId(), line.line());
  }
}
