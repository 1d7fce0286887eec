package io.mrsuite.formats.rules;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Parses the contract's timestamp text and nothing looser.
 *
 * <p>The form is {@code YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)}: no lower-case T or Z, no missing seconds,
 * no offset without a colon. The fraction may have any number of digits and is cut, not rounded, to
 * milliseconds.
 */
public final class Timestamps {
  private static final int DATE_TIME_LENGTH = "YYYY-MM-DDTHH:MM:SS".length();

  private Timestamps() {
  }

  /**
   * @return epoch milliseconds (UTC)
   * @throws IllegalArgumentException naming what is wrong
   */
  public static long parseIsoMillis(String text) {
    int n = text.length();
    if (n < DATE_TIME_LENGTH + 1 || !digits(text, 0, 4) || text.charAt(4) != '-' || !digits(text, 5, 7)
        || text.charAt(7) != '-' || !digits(text, 8, 10) || text.charAt(10) != 'T' || !digits(text, 11, 13)
        || text.charAt(13) != ':' || !digits(text, 14, 16) || text.charAt(16) != ':' || !digits(text, 17, 19)) {
      throw new IllegalArgumentException("not YYYY-MM-DDTHH:MM:SS[.fraction](Z|+HH:MM|-HH:MM)");
    }
    int pos = DATE_TIME_LENGTH;
    int millis = 0;
    if (text.charAt(pos) == '.') {
      int fractionStart = ++pos;
      while (pos < n && isDigit(text.charAt(pos))) {
        if (pos - fractionStart < 3) {
          millis = millis * 10 + (text.charAt(pos) - '0');
        }
        pos++;
      }
      int fractionDigits = pos - fractionStart;
      if (fractionDigits == 0) {
        throw new IllegalArgumentException("no digits after the decimal point");
      }
      for (int i = fractionDigits; i < 3; i++) {
        millis *= 10;
      }
    }
    ZoneOffset offset = parseOffset(text, pos);
    try {
      LocalDateTime local = LocalDateTime.of(number(text, 0, 4), number(text, 5, 7), number(text, 8, 10),
          number(text, 11, 13), number(text, 14, 16), number(text, 17, 19));
      return local.toEpochSecond(offset) * 1000L + millis;
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("no such date or time: " + e.getMessage(), e);
    }
  }

  private static ZoneOffset parseOffset(String text, int pos) {
    int rest = text.length() - pos;
    if (rest == 1 && text.charAt(pos) == 'Z') {
      return ZoneOffset.UTC;
    }
    char sign = rest == 6 ? text.charAt(pos) : 0;
    if ((sign != '+' && sign != '-') || !digits(text, pos + 1, pos + 3) || text.charAt(pos + 3) != ':'
        || !digits(text, pos + 4, pos + 6)) {
      throw new IllegalArgumentException("the time zone must be Z, +HH:MM or -HH:MM");
    }
    int hours = number(text, pos + 1, pos + 3);
    int minutes = number(text, pos + 4, pos + 6);
    if (hours > 18 || minutes > 59 || (hours == 18 && minutes > 0)) {
      throw new IllegalArgumentException("offset out of range -18:00..+18:00");
    }
    int sign1 = sign == '-' ? -1 : 1;
    return ZoneOffset.ofHoursMinutes(sign1 * hours, sign1 * minutes);
  }

  private static boolean digits(String text, int from, int to) {
    if (to > text.length()) {
      return false;
    }
    for (int i = from; i < to; i++) {
      if (!isDigit(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static int number(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      value = value * 10 + (text.charAt(i) - '0');
    }
    return value;
  }
}
