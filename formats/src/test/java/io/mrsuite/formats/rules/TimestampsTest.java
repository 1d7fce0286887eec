package io.mrsuite.formats.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampsTest {
  private static final String SHAPE = "not YYYY-MM-DDTHH:MM:SS[.fraction](Z|+HH:MM|-HH:MM)";
  private static final String ZONE = "the time zone must be Z, +HH:MM or -HH:MM";

  private static String rejected(String text) {
    return assertThrows(IllegalArgumentException.class, () -> Timestamps.parseIsoMillis(text), text).getMessage();
  }

  @ParameterizedTest
  @CsvSource({
      "2026-11-20T13:05:07.123+01:00, 2026-11-20T12:05:07.123Z",
      "2026-11-20T13:05:07Z, 2026-11-20T13:05:07Z",
      "2026-11-20T13:05:07.1Z, 2026-11-20T13:05:07.100Z",
      "2026-11-20T13:05:07.12Z, 2026-11-20T13:05:07.120Z",
      "2026-11-20T13:05:07.000Z, 2026-11-20T13:05:07Z",
      "2026-11-20T13:05:07.123456789Z, 2026-11-20T13:05:07.123Z",
      "2026-11-20T13:05:07.9999999999999999999999Z, 2026-11-20T13:05:07.999Z",
      "2026-11-20T23:59:59.999-00:00, 2026-11-20T23:59:59.999Z",
      "2026-11-20T00:00:00+18:00, 2026-11-19T06:00:00Z",
      "2026-11-20T00:00:00-18:00, 2026-11-20T18:00:00Z",
      "2026-11-20T00:00:00+05:45, 2026-11-19T18:15:00Z",
      "2026-11-20T00:00:00-09:30, 2026-11-20T09:30:00Z",
      "2024-02-29T12:00:00Z, 2024-02-29T12:00:00Z",
      "1970-01-01T00:00:00Z, 1970-01-01T00:00:00Z",
      "1969-12-31T23:59:59.999Z, 1969-12-31T23:59:59.999Z",
      "1969-12-31T23:59:59.9999Z, 1969-12-31T23:59:59.999Z",
      "9999-12-31T23:59:59.999Z, 9999-12-31T23:59:59.999Z"})
  void validTextGivesUtcMillisWithTheFractionCutNotRounded(String text, String utc) {
    assertEquals(Instant.parse(utc).toEpochMilli(), Timestamps.parseIsoMillis(text));
  }

  @Test
  void beforeTheEpochTheFractionIsAddedToTheWholeSecond() {
    assertEquals(-1, Timestamps.parseIsoMillis("1969-12-31T23:59:59.999Z"));
    assertEquals(-1000, Timestamps.parseIsoMillis("1969-12-31T23:59:59Z"));
    assertEquals(0, Timestamps.parseIsoMillis("1970-01-01T01:00:00+01:00"));
  }

  @Test
  void yearZeroIsAValidYear() {
    assertEquals(OffsetDateTime.parse("0000-01-01T00:00:00Z").toInstant().toEpochMilli(),
        Timestamps.parseIsoMillis("0000-01-01T00:00:00Z"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "2026", "2026-11-20", "2026-11-20T13:05Z", "2026-11-20T13:05:07", "2026-11-20 13:05:07Z",
      "2026-11-20t13:05:07Z", "2026/11/20T13:05:07Z", "26-11-20T13:05:07Z", "2026-1-20T13:05:07Z",
      "2026-11-20T1:05:07Z", "+2026-11-20T13:05:07Z", " 2026-11-20T13:05:07Z", "２026-11-20T13:05:07Z",
      "1795176307123", "20261120T130507Z", "2026-11-20T13-05-07Z", "2026-11-20T13:05:0xZ"})
  void textOfAnotherShapeIsRejected(String text) {
    assertEquals(SHAPE, rejected(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-11-20T13:05:07z", "2026-11-20T13:05:07+0100", "2026-11-20T13:05:07+01",
      "2026-11-20T13:05:07+1:00", "2026-11-20T13:05:07 Z", "2026-11-20T13:05:07Z ", "2026-11-20T13:05:07ZZ",
      "2026-11-20T13:05:07.123", "2026-11-20T13:05:07,123Z", "2026-11-20T13:05:07+01:00:00",
      "2026-11-20T13:05:07.123+01:00 ", "2026-11-20T13:05:07UTC", "2026-11-20T13:05:07+01;00",
      "2026-11-20T13:05:07.1.2Z", "2026-11-20T13:05:07−01:00"})
  void zoneOtherThanZOrSignedHoursAndMinutesIsRejected(String text) {
    assertEquals(ZONE, rejected(text));
  }

  @Test
  void decimalPointNeedsDigits() {
    assertEquals("no digits after the decimal point", rejected("2026-11-20T13:05:07.Z"));
    assertEquals("no digits after the decimal point", rejected("2026-11-20T13:05:07.+01:00"));
    assertEquals("no digits after the decimal point", rejected("2026-11-20T13:05:07."));
  }

  @ParameterizedTest
  @ValueSource(strings = {"+18:01", "-18:01", "+19:00", "+05:60", "-00:99", "+99:00"})
  void offsetOutsidePlusMinus18HoursIsRejected(String offset) {
    assertEquals("offset out of range -18:00..+18:00", rejected("2026-11-20T13:05:07" + offset));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "2026-02-29T00:00:00Z|Invalid date 'February 29' as '2026' is not a leap year",
      "2026-02-30T00:00:00Z|Invalid date 'FEBRUARY 30'",
      "2026-04-31T00:00:00Z|Invalid date 'APRIL 31'",
      "2026-13-01T00:00:00Z|Invalid value for MonthOfYear (valid values 1 - 12): 13",
      "2026-00-01T00:00:00Z|Invalid value for MonthOfYear (valid values 1 - 12): 0",
      "2026-11-00T00:00:00Z|Invalid value for DayOfMonth (valid values 1 - 28/31): 0",
      "2026-11-20T24:00:00Z|Invalid value for HourOfDay (valid values 0 - 23): 24",
      "2026-11-20T13:60:00Z|Invalid value for MinuteOfHour (valid values 0 - 59): 60",
      "2026-12-31T23:59:60Z|Invalid value for SecondOfMinute (valid values 0 - 59): 60"})
  void impossibleDateOrTimeIsRejected(String text, String reason) {
    String message = rejected(text);
    assertEquals("no such date or time: " + reason, message);
  }

  @Test
  void impossibleDateCarriesItsCause() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Timestamps.parseIsoMillis("2026-02-30T00:00:00Z"));
    assertTrue(e.getCause() instanceof java.time.DateTimeException);
  }
}
