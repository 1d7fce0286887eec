package io.mrsuite.formats.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DecimalsTest {
  private static final String NOT_PLAIN = "not a plain decimal like 12, 12.5 or 12.50";

  private static void assertAmount(String expected, BigDecimal actual) {
    // BigDecimal.equals compares the scale too: every amount comes back at scale 2.
    assertEquals(new BigDecimal(expected), actual);
    assertEquals(2, actual.scale());
  }

  @ParameterizedTest
  @CsvSource({"12, 12.00", "12.5, 12.50", "12.50, 12.50", "0, 0.00", "0.0, 0.00", "0.05, 0.05", "007, 7.00",
      "0000000000000000000001.5, 1.50", "9999999999999999, 9999999999999999.00",
      "9999999999999999.99, 9999999999999999.99"})
  void plainDecimalsAreParsedAtScaleTwo(String text, String expected) {
    assertAmount(expected, Decimals.MONEY.parsePlain(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", ".", "12.", ".5", "-1", "+1", "-0", "1e2", "1E2", " 12", "12 ", "1,5", "1.2.3", "12a",
      "a12", "0x10", "١٢", "１２", "NaN", "Infinity", "1_000"})
  void anythingButDigitsWithAnOptionalFractionIsNotPlain(String text) {
    assertEquals(NOT_PLAIN, assertThrows(IllegalArgumentException.class, () -> Decimals.MONEY.parsePlain(text)).getMessage());
  }

  @Test
  void plainDecimalWithMoreThanTwoFractionDigitsIsRejectedAsWritten() {
    assertEquals("more than 2 fraction digits",
        assertThrows(IllegalArgumentException.class, () -> Decimals.MONEY.parsePlain("12.500")).getMessage());
    assertEquals("more than 2 fraction digits",
        assertThrows(IllegalArgumentException.class, () -> Decimals.MONEY.parsePlain("0.000")).getMessage());
  }

  @Test
  void plainDecimalWithMoreThanSixteenIntegerDigitsIsRejected() {
    assertEquals("more than 16 integer digits",
        assertThrows(IllegalArgumentException.class, () -> Decimals.MONEY.parsePlain("10000000000000000")).getMessage());
    assertEquals("more than 16 integer digits",
        assertThrows(IllegalArgumentException.class, () -> Decimals.MONEY.parsePlain("12345678901234567.5")).getMessage());
  }

  @ParameterizedTest
  @CsvSource({"12, 12.00", "12.5, 12.50", "12.50, 12.50", "0, 0.00", "-0, 0.00", "-0.0, 0.00", "1.5e1, 15.00",
      "1E2, 100.00", "1e+2, 100.00", "1.234e2, 123.40", "0.001e1, 0.01", "1.5E-1, 0.15", "125e-2, 1.25",
      "9.99e15, 9990000000000000.00", "9999999999999999.99, 9999999999999999.99"})
  void jsonNumbersInAnyFormAreParsedAtScaleTwo(String text, String expected) {
    assertAmount(expected, Decimals.MONEY.parseJsonNumber(text));
  }

  @ParameterizedTest
  @CsvSource({"12.500, more than 2 fraction digits", "1e-3, more than 2 fraction digits",
      "0e-5, more than 2 fraction digits", "0.000, more than 2 fraction digits",
      "1e-999999999, more than 2 fraction digits", "-1, negative", "-0.01, negative", "-1e-9, negative",
      "1e16, more than 16 integer digits", "12345678901234567, more than 16 integer digits",
      "1e999999999, more than 16 integer digits", "10000000000000000.00, more than 16 integer digits"})
  void jsonNumbersOutsideTheRuleAreRejected(String text, String message) {
    assertEquals(message, assertThrows(IllegalArgumentException.class, () -> Decimals.MONEY.parseJsonNumber(text)).getMessage());
  }

  @Test
  void negativeIsCheckedBeforeScale() {
    assertEquals("negative",
        assertThrows(IllegalArgumentException.class, () -> Decimals.MONEY.parseJsonNumber("-12.345")).getMessage());
  }

  @Test
  void exponentBeyondBigDecimalIsAnIllegalArgument() {
    assertThrows(IllegalArgumentException.class, () -> Decimals.MONEY.parseJsonNumber("1e2147483648"));
  }

  @Test
  void constantsDescribeDecimal18Scale2() {
    assertEquals(2, Decimals.MONEY.scale());
    assertEquals(18, Decimals.MONEY.precision());
    assertEquals(16, Decimals.MONEY.maxIntegerDigits());
  }

  @Test
  void fxRatesTakeEightFractionDigits() {
    assertEquals(new BigDecimal("0.00012345"), Decimals.FX_RATE.parsePlain("0.00012345"));
    assertEquals(new BigDecimal("1.08000000"), Decimals.FX_RATE.parsePlain("1.08"));
    assertEquals("more than 8 fraction digits",
        assertThrows(IllegalArgumentException.class, () -> Decimals.FX_RATE.parsePlain("1.123456789")).getMessage());
    assertEquals(new BigDecimal("9999999999999999.00000000"), Decimals.FX_RATE.parsePlain("9999999999999999"));
    assertEquals("more than 16 integer digits",
        assertThrows(IllegalArgumentException.class, () -> Decimals.FX_RATE.parsePlain("10000000000000000")).getMessage());
  }
}
