package io.mrsuite.formats.rules;

/** Fixed-length upper-case codes: currencies (3 letters), countries (2 letters). */
public final class Codes {
  private Codes() {
  }

  public static boolean isCurrency(String text) {
    return isUpperLetters(text, 3);
  }

  public static boolean isCountry(String text) {
    return isUpperLetters(text, 2);
  }

  private static boolean isUpperLetters(String text, int length) {
    if (text.length() != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c < 'A' || c > 'Z') {
        return false;
      }
    }
    return true;
  }
}
