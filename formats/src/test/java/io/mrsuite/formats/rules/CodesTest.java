package io.mrsuite.formats.rules;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CodesTest {
  @ParameterizedTest
  @ValueSource(strings = {"USD", "EUR", "AAA", "ZZZ", "XTS"})
  void threeUpperCaseAsciiLettersAreACurrency(String code) {
    assertTrue(Codes.isCurrency(code));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "US", "USDX", "usd", "Usd", "US1", "U$D", "ÜSD", "ＵＳＤ", " USD", "USD ", "U D", "@AB", "[AB"})
  void anythingElseIsNotACurrency(String code) {
    assertFalse(Codes.isCurrency(code));
  }

  @ParameterizedTest
  @ValueSource(strings = {"DE", "US", "AA", "ZZ"})
  void twoUpperCaseAsciiLettersAreACountry(String code) {
    assertTrue(Codes.isCountry(code));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "D", "DEU", "de", "De", "D1", "ÄB", "ＤＥ", " D", "D ", "@Z", "A["})
  void anythingElseIsNotACountry(String code) {
    assertFalse(Codes.isCountry(code));
  }
}
