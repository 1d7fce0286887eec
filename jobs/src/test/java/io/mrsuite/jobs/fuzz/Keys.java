package io.mrsuite.jobs.fuzz;

/**
 * Business keys no single corrupted byte can turn into one another: any two differ in at least two
 * characters. So a record a byte flip changed may become invalid or keep its own key, but never take the key
 * of another record (which would make that one a DUPLICATE_KEY or give it a line it does not have).
 */
final class Keys {
  private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  private static final int BASE_DIGITS = 7;
  private static final int CURRENCIES = 26 * 26;

  private int nextId;
  private int nextCurrency;

  /** {@code prefix}, 7 base-36 digits of a counter and a check digit (their sum mod 36). */
  String id(char prefix) {
    int value = nextId++;
    char[] digits = new char[BASE_DIGITS];
    int sum = 0;
    for (int i = BASE_DIGITS - 1; i >= 0; i--) {
      int digit = value % ALPHABET.length();
      value /= ALPHABET.length();
      digits[i] = ALPHABET.charAt(digit);
      sum += digit;
    }
    return prefix + new String(digits) + ALPHABET.charAt(sum % ALPHABET.length());
  }

  /** Three upper-case letters, the third the sum of the first two mod 26; 676 in all. */
  String currency() {
    if (nextCurrency == CURRENCIES) {
      throw new IllegalStateException("all " + CURRENCIES + " currency codes are used: write fewer FX rate files");
    }
    int value = nextCurrency++;
    int first = value / 26;
    int second = value % 26;
    return new String(new char[] {(char) ('A' + first), (char) ('A' + second), (char) ('A' + (first + second) % 26)});
  }

  boolean currenciesLeft(int count) {
    return nextCurrency + count <= CURRENCIES;
  }
}
