package io.mrsuite.jobs.fuzz;

import java.util.SplittableRandom;

/**
 * Free-text values of the kinds producers send: plain words, accents, CJK, emoji, U+2028, commas, quotes,
 * backslashes, tabs and line breaks. Line breaks are always followed by a letter, so a quoted CSV value never
 * has a quote right after one (see {@link CsvRecordWriter}).
 */
final class FreeText {
  private static final String[] WORDS = {"blue", "Cotton", "shirt", "size M", "gift", "Express", "42", "x"};
  private static final String[] UNICODE = {"Café", "crème brûlée", "€", "日本語", "😀", "naïve", "Zürich", "ß"};
  private static final String[] PUNCTUATION = {", ", "\"quoted\"", "\\", "\t", "'", ";", "/", "\u2028"};
  private static final String[] LINE_BREAKS = {"\nand", "\r\nthen"};

  private final SplittableRandom random;

  FreeText(SplittableRandom random) {
    this.random = random;
  }

  /**
   * @param lineBreaks whether the text may hold line breaks
   * @param csvSpecial whether it may hold commas, quotes and line breaks (false for values that must stay
   *     unquoted)
   */
  String next(boolean lineBreaks, boolean csvSpecial) {
    StringBuilder text = new StringBuilder(pick(WORDS));
    int parts = random.nextInt(5);
    for (int i = 0; i < parts; i++) {
      int kind = random.nextInt(10);
      if (kind < 4) {
        text.append(' ').append(pick(WORDS));
      } else if (kind < 7) {
        text.append(' ').append(pick(UNICODE));
      } else if (kind < 9 && csvSpecial) {
        text.append(pick(PUNCTUATION));
      } else if (lineBreaks && csvSpecial) {
        text.append(pick(LINE_BREAKS));
      } else {
        text.append('-').append(pick(WORDS));
      }
    }
    return text.toString();
  }

  /** A text holding at least one character that UTF-8 writes as several bytes. */
  String withMultiByteCharacter() {
    return pick(WORDS) + " " + pick(UNICODE) + " " + pick(WORDS);
  }

  private String pick(String[] choices) {
    return choices[random.nextInt(choices.length)];
  }
}
