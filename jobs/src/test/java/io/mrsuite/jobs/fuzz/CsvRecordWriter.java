package io.mrsuite.jobs.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes CSV records in one exporter's style: every field quoted or only those that need it (a comma, quote
 * or line break), with LF or CRLF line ends. It remembers where each field starts, for planting flaws.
 */
final class CsvRecordWriter {
  private final boolean quoteAll;
  private final byte[] terminator;

  CsvRecordWriter(boolean quoteAll, boolean crlf) {
    this.quoteAll = quoteAll;
    this.terminator = (crlf ? "\r\n" : "\n").getBytes(StandardCharsets.US_ASCII);
  }

  /** A record's bytes without terminator, the offset each field starts at, and which fields are quoted. */
  record Line(byte[] content, int[] fieldStarts, boolean[] quoted) {
    int lastFieldStart() {
      return fieldStarts[fieldStarts.length - 1];
    }

    /** The offset of the record's first line feed, or its length when it has none. */
    int firstLineBreak() {
      for (int i = 0; i < content.length; i++) {
        if (content[i] == '\n') {
          return i;
        }
      }
      return content.length;
    }
  }

  boolean quotesAll() {
    return quoteAll;
  }

  byte[] terminator() {
    return terminator.clone();
  }

  Line write(List<String> values) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int[] starts = new int[values.size()];
    boolean[] quoted = new boolean[values.size()];
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      starts[i] = out.size();
      String value = values.get(i);
      quoted[i] = quoteAll || needsQuotes(value);
      byte[] bytes = (quoted[i] ? '"' + value.replace("\"", "\"\"") + '"' : value).getBytes(StandardCharsets.UTF_8);
      out.writeBytes(bytes);
    }
    return new Line(out.toByteArray(), starts, quoted);
  }

  /** The header line, terminator included, quoted like the records. */
  byte[] header(List<String> columns) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(write(columns).content());
    out.writeBytes(terminator);
    return out.toByteArray();
  }

  static boolean needsQuotes(String value) {
    return value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0;
  }
}
