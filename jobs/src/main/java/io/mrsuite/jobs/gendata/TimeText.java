package io.mrsuite.jobs.gendata;

/**
 * Writes instants as the contract's ISO-8601 text in a visitor's local offset.
 *
 * <p>It works by hand, without {@code java.time} objects per event, because it runs for every generated line.
 */
final class TimeText {
  static final long MILLIS_PER_DAY = 86_400_000L;
  static final long MILLIS_PER_HOUR = 3_600_000L;

  private TimeText() {
  }

  /**
   * @param utcMillis the instant
   * @param offsetMinutes the local offset the text is written in
   * @param offsetText {@code Z}, {@code +00:00}, {@code +05:30}, ... matching {@code offsetMinutes}
   * @param fractionDigits 0, 3 or 6; with 6 the last three digits are {@code micros}
   */
  static ByteLine appendIso(ByteLine out, long utcMillis, int offsetMinutes, byte[] offsetText, int fractionDigits,
      int micros) {
    long local = utcMillis + offsetMinutes * 60_000L;
    long day = Math.floorDiv(local, MILLIS_PER_DAY);
    long millisOfDay = Math.floorMod(local, MILLIS_PER_DAY);
    appendDate(out, day);
    long seconds = millisOfDay / 1000;
    out.append('T').appendPadded(seconds / 3600, 2).append(':').appendPadded(seconds / 60 % 60, 2).append(':')
        .appendPadded(seconds % 60, 2);
    if (fractionDigits >= 3) {
      out.append('.').appendPadded(millisOfDay % 1000, 3);
      if (fractionDigits == 6) {
        out.appendPadded(micros, 3);
      }
    }
    return out.append(offsetText);
  }

  /** {@code YYYY-MM-DD} of an epoch day (proleptic Gregorian, H. Hinnant's civil_from_days). */
  static ByteLine appendDate(ByteLine out, long epochDay) {
    long z = epochDay + 719_468;
    long era = Math.floorDiv(z, 146_097);
    long doe = z - era * 146_097;
    long yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long d = doy - (153 * mp + 2) / 5 + 1;
    long m = mp < 10 ? mp + 3 : mp - 9;
    long y = yoe + era * 400 + (m <= 2 ? 1 : 0);
    return out.appendPadded(y, 4).append('-').appendPadded(m, 2).append('-').appendPadded(d, 2);
  }

  /** The offset as ISO text: {@code +01:00}, {@code -05:00}, {@code +05:30}; {@code useZ} writes UTC as {@code Z}. */
  static byte[] offsetText(int offsetMinutes, boolean useZ) {
    if (offsetMinutes == 0 && useZ) {
      return new byte[] {'Z'};
    }
    int abs = Math.abs(offsetMinutes);
    ByteLine out = new ByteLine().append(offsetMinutes < 0 ? '-' : '+');
    return out.appendPadded(abs / 60, 2).append(':').appendPadded(abs % 60, 2).toByteArray();
  }
}
