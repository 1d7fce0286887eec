package io.mrsuite.formats.commerce;

import io.mrsuite.formats.quarantine.QuarantineReason;
import io.mrsuite.formats.quarantine.Rejection;
import io.mrsuite.formats.rules.Codes;
import io.mrsuite.formats.rules.Decimals;
import io.mrsuite.formats.rules.Timestamps;
import java.math.BigDecimal;
import java.util.List;

/**
 * The fields of one CSV record by column, and the contract's field rules on them (DATA-CONTRACT.md
 * section 3). An empty field is missing: {@link #requireAll} rejects the record as MISSING_FIELD naming the
 * first empty required column, and the typed getters reject a present value that breaks its rule as
 * INVALID_VALUE.
 */
final class CsvFields {
  private final List<String> columns;
  private final List<String> values;

  CsvFields(List<String> columns, List<String> values) {
    if (columns.size() != values.size()) {
      throw new IllegalArgumentException("expected " + columns.size() + " fields, got " + values.size());
    }
    this.columns = columns;
    this.values = values;
  }

  /** Rejects the record when any column but the optional ones is empty, naming the first in column order. */
  void requireAll(List<String> optional) throws Rejection {
    for (int i = 0; i < columns.size(); i++) {
      if (values.get(i).isEmpty() && !optional.contains(columns.get(i))) {
        throw new Rejection(QuarantineReason.MISSING_FIELD, columns.get(i) + " is empty");
      }
    }
  }

  String text(String column) {
    return values.get(index(column));
  }

  /** An optional column: empty means null. */
  String optionalText(String column) {
    String value = text(column);
    return value.isEmpty() ? null : value;
  }

  long isoMillis(String column) throws Rejection {
    String value = text(column);
    try {
      return Timestamps.parseIsoMillis(value);
    } catch (IllegalArgumentException e) {
      throw invalid(column, value, e.getMessage());
    }
  }

  BigDecimal decimal(String column, Decimals rule) throws Rejection {
    String value = text(column);
    try {
      return rule.parsePlain(value);
    } catch (IllegalArgumentException e) {
      throw invalid(column, value, e.getMessage());
    }
  }

  /** A plain decimal integer (digits only) within [min, max]. */
  int integer(String column, int min, int max) throws Rejection {
    String value = text(column);
    boolean digits = !value.isEmpty() && value.length() <= 10 && value.chars().allMatch(c -> c >= '0' && c <= '9');
    long parsed = digits ? Long.parseLong(value) : -1;
    if (!digits || parsed < min || parsed > max) {
      throw invalid(column, value, "not an integer in " + min + ".." + max);
    }
    return (int) parsed;
  }

  String currency(String column) throws Rejection {
    String value = text(column);
    if (!Codes.isCurrency(value)) {
      throw invalid(column, value, "not 3 upper-case letters");
    }
    return value;
  }

  /** An optional country: empty means null, otherwise 2 upper-case letters. */
  String optionalCountry(String column) throws Rejection {
    String value = optionalText(column);
    if (value != null && !Codes.isCountry(value)) {
      throw invalid(column, value, "not 2 upper-case letters");
    }
    return value;
  }

  boolean bool(String column) throws Rejection {
    String value = text(column);
    if (value.equals("true")) {
      return true;
    }
    if (value.equals("false")) {
      return false;
    }
    throw invalid(column, value, "not true or false");
  }

  <E extends Enum<E>> E symbol(String column, Class<E> type) throws Rejection {
    String value = text(column);
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(value)) {
        return constant;
      }
    }
    throw invalid(column, value, "not one of " + List.of(type.getEnumConstants()));
  }

  static Rejection invalid(String column, String value, String why) {
    String shown = value.length() > 80 ? value.substring(0, 80) + "..." : value;
    return new Rejection(QuarantineReason.INVALID_VALUE, column + " \"" + shown + "\": " + why);
  }

  private int index(String column) {
    int index = columns.indexOf(column);
    if (index < 0) {
      throw new IllegalArgumentException("no column " + column);
    }
    return index;
  }
}
