package io.mrsuite.formats.csv;

import java.util.List;
import org.apache.hadoop.conf.Configuration;

/** Configuration keys of {@link CsvInputFormat}, each with its default. Only these methods touch the key strings. */
public final class CsvInputKeys {
  /** Whether plain and bzip2 CSV files are split (true) or each read whole by one task. */
  public static final String SPLITTABLE = "mrsuite.csv.splittable";
  public static final boolean DEFAULT_SPLITTABLE = true;
  /**
   * How far before its start a split first looks for a record start that is sure whatever the quote state
   * there (compressed bytes for bzip2); the distance doubles until one is found.
   */
  public static final String SPECULATION_WINDOW_BYTES = "mrsuite.csv.speculation-window-bytes";
  public static final int DEFAULT_SPECULATION_WINDOW_BYTES = 64 * 1024;

  /** Comma-separated column names every file's header must equal; unset accepts any header. */
  public static final String EXPECTED_HEADER = "mrsuite.csv.expected-header";

  private CsvInputKeys() {
  }

  public static boolean splittable(Configuration conf) {
    return conf.getBoolean(SPLITTABLE, DEFAULT_SPLITTABLE);
  }

  public static void setSplittable(Configuration conf, boolean splittable) {
    conf.setBoolean(SPLITTABLE, splittable);
  }

  public static int speculationWindowBytes(Configuration conf) {
    int value = conf.getInt(SPECULATION_WINDOW_BYTES, DEFAULT_SPECULATION_WINDOW_BYTES);
    if (value < 1) {
      throw new IllegalArgumentException(SPECULATION_WINDOW_BYTES + " must be positive: " + value);
    }
    return value;
  }

  /** The header every file must have; empty when any header is accepted. */
  public static List<String> expectedHeader(Configuration conf) {
    String[] names = conf.getTrimmedStrings(EXPECTED_HEADER);
    return List.of(names);
  }

  public static void setExpectedHeader(Configuration conf, List<String> columns) {
    conf.setStrings(EXPECTED_HEADER, columns.toArray(new String[0]));
  }
}
