package io.mrsuite.jobs.gendata;

import java.nio.charset.StandardCharsets;

/**
 * How one exporter writes RFC 4180 CSV. Two styles occur, as with real exporters: quote only where needed
 * with {@code \n} line ends, or quote every field ({@code ""} for an empty one) with {@code \r\n} line ends,
 * as RFC 4180 itself writes. Quoted fields may hold commas, doubled quotes and newlines either way.
 */
final class CsvStyle {
  static final CsvStyle MINIMAL = new CsvStyle(false, "\n");
  static final CsvStyle QUOTE_ALL_CRLF = new CsvStyle(true, "\r\n");

  private final boolean quoteAll;
  private final byte[] terminator;

  private CsvStyle(boolean quoteAll, String terminator) {
    this.quoteAll = quoteAll;
    this.terminator = terminator.getBytes(StandardCharsets.US_ASCII);
  }

  /** Writes a whole record. */
  ByteLine record(ByteLine out, String... fields) {
    for (int i = 0; i < fields.length; i++) {
      field(out, i, fields[i]);
    }
    return end(out);
  }

  /** Writes field {@code index} of a record, with the separator before it. */
  ByteLine field(ByteLine out, int index, String value) {
    if (index > 0) {
      out.append(',');
    }
    if (!quoteAll && !needsQuotes(value)) {
      return out.appendText(value);
    }
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      int quote = value.indexOf('"', i);
      if (quote < 0) {
        out.appendText(value.substring(i));
        break;
      }
      out.appendText(value.substring(i, quote + 1)).append('"');
      i = quote;
    }
    return out.append('"');
  }

  /** Writes field {@code index} exactly as given, quotes and all: for records that are meant to be broken. */
  ByteLine raw(ByteLine out, int index, String text) {
    if (index > 0) {
      out.append(',');
    }
    return out.appendText(text);
  }

  ByteLine end(ByteLine out) {
    return out.append(terminator);
  }

  private static boolean needsQuotes(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == ',' || c == '"' || c == '\n' || c == '\r') {
        return true;
      }
    }
    return false;
  }
}
