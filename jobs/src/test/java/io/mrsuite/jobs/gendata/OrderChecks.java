package io.mrsuite.jobs.gendata;

import io.mrsuite.formats.quarantine.QuarantineReason;
import io.mrsuite.formats.rules.Decimals;
import io.mrsuite.formats.rules.Codes;
import io.mrsuite.formats.rules.Timestamps;
import io.mrsuite.jobs.gendata.CsvReader.CsvRecord;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The rules of DATA-CONTRACT.md section 3 for orders and order lines, written out independently of the
 * generator, in the contract's order: the first rule a record breaks names its reason; null means valid.
 */
final class OrderChecks {
  static final int ORDER_FIELDS = 11;
  static final int LINE_FIELDS = 5;
  private static final Set<String> STATUSES = Set.of("placed", "paid", "shipped", "delivered", "cancelled",
      "refunded");

  private final Set<String> validOrderIds = new HashSet<>();

  /** Checks the next order record of an export; remembers the valid ones for duplicates and lines. */
  QuarantineReason order(CsvRecord record) {
    QuarantineReason reason = orderReason(record);
    if (reason == null && !validOrderIds.add(record.field(0))) {
      return QuarantineReason.DUPLICATE_KEY;
    }
    return reason;
  }

  private static QuarantineReason orderReason(CsvRecord record) {
    List<String> f = record.fields();
    if (record.malformed() || f.size() != ORDER_FIELDS) {
      return QuarantineReason.MALFORMED_CSV;
    }
    for (int i = 0; i <= 8; i++) {
      if (f.get(i).isEmpty()) {
        return QuarantineReason.MISSING_FIELD;
      }
    }
    BigDecimal[] amounts = new BigDecimal[4];
    try {
      Timestamps.parseIsoMillis(f.get(2));
      for (int i = 0; i < 4; i++) {
        amounts[i] = Decimals.MONEY.parsePlain(f.get(5 + i));
      }
    } catch (IllegalArgumentException e) {
      return QuarantineReason.INVALID_VALUE;
    }
    if (!STATUSES.contains(f.get(3)) || !Codes.isCurrency(f.get(4))
        || (!f.get(9).isEmpty() && !Codes.isCountry(f.get(9)))) {
      return QuarantineReason.INVALID_VALUE;
    }
    if (amounts[0].add(amounts[1]).add(amounts[2]).compareTo(amounts[3]) != 0) {
      return QuarantineReason.INCONSISTENT_TOTAL;
    }
    return null;
  }

  /** Checks an order line against the export's valid orders (check every order first). */
  QuarantineReason line(CsvRecord record) {
    List<String> f = record.fields();
    if (record.malformed() || f.size() != LINE_FIELDS) {
      return QuarantineReason.MALFORMED_CSV;
    }
    for (String field : f) {
      if (field.isEmpty()) {
        return QuarantineReason.MISSING_FIELD;
      }
    }
    try {
      Decimals.MONEY.parsePlain(f.get(4));
    } catch (IllegalArgumentException e) {
      return QuarantineReason.INVALID_VALUE;
    }
    if (integer(f.get(1), 1, Integer.MAX_VALUE) < 0 || integer(f.get(3), 1, 10_000) < 0) {
      return QuarantineReason.INVALID_VALUE;
    }
    return validOrderIds.contains(f.get(0)) ? null : QuarantineReason.ORPHAN_LINE;
  }

  /** The value, or -1 when the text is not a plain integer within [min, max]. */
  private static long integer(String text, long min, long max) {
    if (text.isEmpty() || text.length() > 10 || !text.chars().allMatch(Character::isDigit)) {
      return -1;
    }
    long value = Long.parseLong(text);
    return value >= min && value <= max ? value : -1;
  }
}
