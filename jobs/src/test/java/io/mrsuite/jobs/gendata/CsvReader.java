package io.mrsuite.jobs.gendata;

import java.util.ArrayList;
import java.util.List;

/**
 * A strict RFC 4180 reader for the tests: a record may span lines inside quotes; {@code \r\n} and {@code \n}
 * end records. A quote inside an unquoted field or text after a closing quote marks the record malformed and
 * reading goes on at the next record end. (gen-data never writes unbalanced quotes.)
 */
final class CsvReader {
  record CsvRecord(List<String> fields, boolean malformed) {
    String field(int index) {
      return fields.get(index);
    }
  }

  private CsvReader() {
  }

  /** Every record of the text, the header included. */
  static List<CsvRecord> read(String text) {
    List<CsvRecord> records = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean inQuotes = false;
    boolean quoted = false;
    boolean afterQuote = false;
    boolean malformed = false;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (inQuotes) {
        if (c != '"') {
          field.append(c);
        } else if (i + 1 < n && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else {
          inQuotes = false;
          afterQuote = true;
        }
      } else if (c == ',' || c == '\n' || (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n')) {
        fields.add(field.toString());
        field.setLength(0);
        quoted = false;
        afterQuote = false;
        if (c == '\r') {
          i++;
        }
        if (c != ',') {
          records.add(new CsvRecord(List.copyOf(fields), malformed));
          fields.clear();
          malformed = false;
        }
      } else if (c == '"' && field.length() == 0 && !quoted) {
        inQuotes = true;
        quoted = true;
      } else {
        if (c == '"' || afterQuote) {
          malformed = true;
        }
        field.append(c);
      }
    }
    if (inQuotes) {
      throw new IllegalArgumentException("unbalanced quote at the end of the text");
    }
    if (!fields.isEmpty() || field.length() > 0) {
      fields.add(field.toString());
      records.add(new CsvRecord(List.copyOf(fields), malformed));
    }
    return records;
  }
}
