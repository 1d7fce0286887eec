package io.mrsuite.jobs.fuzz;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * An instant written as producers write it: ISO-8601 with {@code Z} or an offset and 0 to 9 fraction digits,
 * and the instant a reader must make of that text (the fraction cut to milliseconds).
 */
final class TimeText {
  private static final int[] OFFSET_MINUTES = {0, 60, -300, 330, 840, -720, 345, -570};
  private static final int[] FRACTION_DIGITS = {0, 1, 2, 3, 3, 3, 6, 9};

  private final SplittableRandom random;

  TimeText(SplittableRandom random) {
    this.random = random;
  }

  /** A text and the instant it stands for. */
  record Rendered(String text, Instant instant) {
  }

  Rendered iso(long epochMillis) {
    int fractionDigits = FRACTION_DIGITS[random.nextInt(FRACTION_DIGITS.length)];
    boolean zulu = random.nextInt(3) == 0;
    int offsetMinutes = zulu ? 0 : OFFSET_MINUTES[random.nextInt(OFFSET_MINUTES.length)];
    LocalDateTime local = LocalDateTime.ofEpochSecond(Math.floorDiv(epochMillis, 1000), 0,
        ZoneOffset.ofTotalSeconds(offsetMinutes * 60));
    long nanosOfSecond = Math.floorMod(epochMillis, 1000) * 1_000_000L + random.nextInt(1_000_000);
    StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%04d-%02d-%02dT%02d:%02d:%02d", local.getYear(),
        local.getMonthValue(), local.getDayOfMonth(), local.getHour(), local.getMinute(), local.getSecond()));
    if (fractionDigits > 0) {
      text.append('.').append(String.format(Locale.ROOT, "%09d", nanosOfSecond), 0, fractionDigits);
    }
    text.append(zulu ? "Z" : offset(offsetMinutes));
    long keptNanos = fractionDigits == 0 ? 0 : nanosOfSecond - nanosOfSecond % pow10(9 - fractionDigits);
    long millis = Math.floorDiv(epochMillis, 1000) * 1000 + keptNanos / 1_000_000;
    return new Rendered(text.toString(), Instant.ofEpochMilli(millis));
  }

  private static String offset(int minutes) {
    int abs = Math.abs(minutes);
    return String.format(Locale.ROOT, "%s%02d:%02d", minutes < 0 ? "-" : "+", abs / 60, abs % 60);
  }

  private static long pow10(int exponent) {
    long value = 1;
    for (int i = 0; i < exponent; i++) {
      value *= 10;
    }
    return value;
  }
}
