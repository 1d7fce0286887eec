package io.mrsuite.jobs.compact;

import java.util.Locale;

/** Byte sizes as operators write them: {@code 268435456}, {@code 512k}, {@code 256m}, {@code 1g} (powers of 1024). */
public final class ByteSize {
  private ByteSize() {
  }

  /** The number of bytes {@code text} names; IllegalArgumentException when it names none or not a positive one. */
  public static long parse(String text) {
    String value = text.trim().toLowerCase(Locale.ROOT);
    int shift = switch (value.isEmpty() ? ' ' : value.charAt(value.length() - 1)) {
      case 'k' -> 10;
      case 'm' -> 20;
      case 'g' -> 30;
      case 't' -> 40;
      default -> 0;
    };
    String digits = shift == 0 ? value : value.substring(0, value.length() - 1);
    if (digits.isEmpty() || !digits.chars().allMatch(Character::isDigit)) {
      throw new IllegalArgumentException("not a size (bytes, or a number with k, m, g or t): " + text);
    }
    long number;
    try {
      number = Long.parseLong(digits);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("size too large: " + text, e);
    }
    if (number <= 0 || number > (Long.MAX_VALUE >> shift)) {
      throw new IllegalArgumentException("size out of range: " + text);
    }
    return number << shift;
  }

  /** The size in the largest unit that divides it, for messages: {@code 256m}. */
  public static String format(long bytes) {
    String[] units = {"", "k", "m", "g", "t"};
    int unit = 0;
    long value = bytes;
    while (unit < units.length - 1 && value != 0 && value % 1024 == 0) {
      value /= 1024;
      unit++;
    }
    return value + units[unit];
  }
}
