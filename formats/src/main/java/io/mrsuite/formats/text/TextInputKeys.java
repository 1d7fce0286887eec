package io.mrsuite.formats.text;

import org.apache.hadoop.conf.Configuration;

/** Configuration keys of the text input formats, each with its default. Only these methods touch the key strings. */
public final class TextInputKeys {
  /** Longest record accepted, in bytes, line terminator excluded; longer ones are quarantined as RECORD_TOO_LARGE. */
  public static final String MAX_RECORD_BYTES = "mrsuite.input.max-record-bytes";
  public static final int DEFAULT_MAX_RECORD_BYTES = 1024 * 1024;

  private TextInputKeys() {
  }

  public static int maxRecordBytes(Configuration conf) {
    int value = conf.getInt(MAX_RECORD_BYTES, DEFAULT_MAX_RECORD_BYTES);
    if (value < 1 || value == Integer.MAX_VALUE) {
      throw new IllegalArgumentException(MAX_RECORD_BYTES + " must be between 1 and " + (Integer.MAX_VALUE - 1) + ": " + value);
    }
    return value;
  }

  public static void setMaxRecordBytes(Configuration conf, int bytes) {
    conf.setInt(MAX_RECORD_BYTES, bytes);
  }
}
