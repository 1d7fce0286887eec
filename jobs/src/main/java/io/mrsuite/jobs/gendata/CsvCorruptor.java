package io.mrsuite.jobs.gendata;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes an order or order line record with the one flaw of a bad kind. Broken CSV stays line-local: a
 * field too many or too few, a quote inside an unquoted field, text after a closing quote. An unbalanced
 * quote is never planted: a strict reader would swallow the rest of the file into that one field, and what
 * a reader does then is its own policy, not something a generator should decide for it.
 */
final class CsvCorruptor {
  /** Orders columns a MISSING_FIELD may empty: the required ones after the key (user_id .. total). */
  private static final int[] ORDER_REQUIRED = {1, 2, 3, 4, 5, 6, 7, 8};
  private static final int USER_ID = 1;
  private static final int ORDER_TIME = 2;
  private static final int STATUS = 3;
  private static final int CURRENCY = 4;
  private static final int SUBTOTAL = 5;
  private static final int TAX = 7;
  private static final int TOTAL = 8;
  private static final int SHIPPING_COUNTRY = 9;
  private static final int LINE_NO = 1;
  private static final int PRODUCT_ID = 2;
  private static final int QUANTITY = 3;
  private static final int UNIT_PRICE = 4;

  private final CsvStyle csv;
  private final SplittableRandom random;

  CsvCorruptor(CsvStyle csv, SplittableRandom random) {
    this.csv = csv;
    this.random = random;
  }

  /** For every kind but DUPLICATE_KEY, which is a second, valid-looking record the writer adds. */
  void order(ByteLine out, Order order, BadOrder kind) {
    String[] fields = order.fields();
    switch (kind) {
      case MALFORMED_CSV:
        malformed(out, fields, USER_ID);
        return;
      case MISSING_FIELD:
        fields[ORDER_REQUIRED[random.nextInt(ORDER_REQUIRED.length)]] = "";
        break;
      case INVALID_VALUE:
        invalidOrderValue(fields, order);
        break;
      case INCONSISTENT_TOTAL:
        // Tax left out of the total, or a rounding slip of one cent.
        long wrong = order.tax() > 0 && random.nextBoolean() ? order.total() - order.tax() : order.total() + 1;
        fields[TOTAL] = Money.format(wrong, order.currency());
        break;
      default:
        throw new IllegalArgumentException("not a flaw of one record: " + kind);
    }
    csv.record(out, fields);
  }

  private void invalidOrderValue(String[] fields, Order order) {
    switch (random.nextInt(7)) {
      case 0:
        fields[STATUS] = random.nextBoolean() ? "PAID" : "unknown";
        break;
      case 1:
        fields[CURRENCY] = fields[CURRENCY].toLowerCase(Locale.ROOT);
        break;
      case 2:
        fields[ORDER_TIME] = fields[ORDER_TIME].substring(8, 10) + "/" + fields[ORDER_TIME].substring(5, 7) + "/"
            + fields[ORDER_TIME].substring(0, 4) + " " + fields[ORDER_TIME].substring(11, 16);
        break;
      case 3:
        // Three fraction digits: more than the contract's two.
        fields[SUBTOTAL] = fields[SUBTOTAL] + (fields[SUBTOTAL].indexOf('.') < 0 ? ".125" : "5");
        break;
      case 4:
        fields[TOTAL] = "-" + fields[TOTAL];
        break;
      case 5:
        fields[TAX] = "n/a";
        break;
      default:
        fields[SHIPPING_COUNTRY] = "Germany";
        break;
    }
  }

  /** For every kind but ORPHAN_LINE, which is an extra record the writer adds. */
  void line(ByteLine out, String[] fields, BadOrderLine kind) {
    switch (kind) {
      case MALFORMED_CSV:
        malformed(out, fields, PRODUCT_ID);
        return;
      case MISSING_FIELD:
        fields[random.nextInt(fields.length)] = "";
        break;
      case INVALID_VALUE:
        String[][] choices = {{"0", "two", "10001"}, {"0", "1.0"}, {"9.999", "-1.00"}};
        int column = random.nextInt(3);
        String[] values = choices[column];
        fields[column == 0 ? QUANTITY : column == 1 ? LINE_NO : UNIT_PRICE] = values[random.nextInt(values.length)];
        break;
      default:
        throw new IllegalArgumentException("not a flaw of one record: " + kind);
    }
    csv.record(out, fields);
  }

  /** @param textColumn a column holding an id, where a stray quote goes */
  private void malformed(ByteLine out, String[] fields, int textColumn) {
    switch (random.nextInt(4)) {
      case 0:
        String[] more = Arrays.copyOf(fields, fields.length + 1);
        more[fields.length] = "extra";
        csv.record(out, more);
        return;
      case 1:
        csv.record(out, Arrays.copyOf(fields, fields.length - 1));
        return;
      case 2:
        String id = fields[textColumn];
        writeWith(out, fields, textColumn, id.substring(0, 3) + '"' + id.substring(3));
        return;
      default:
        String value = fields[textColumn];
        writeWith(out, fields, textColumn, '"' + value + "\"x");
        return;
    }
  }

  /** Writes the record with column {@code column} replaced by {@code raw}, written as is. */
  private void writeWith(ByteLine out, String[] fields, int column, String raw) {
    for (int i = 0; i < fields.length; i++) {
      if (i == column) {
        csv.raw(out, i, raw);
      } else {
        csv.field(out, i, fields[i]);
      }
    }
    csv.end(out);
  }
}
