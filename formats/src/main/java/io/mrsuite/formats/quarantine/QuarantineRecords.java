package io.mrsuite.formats.quarantine;

import io.mrsuite.formats.avro.QuarantineRecord;
import io.mrsuite.formats.csv.CsvRecord;
import io.mrsuite.formats.text.RawLine;
import java.nio.charset.StandardCharsets;

/** Builds quarantine records; the raw text is cut at {@value #MAX_RAW_BYTES} bytes, on a character boundary. */
public final class QuarantineRecords {
  public static final int MAX_RAW_BYTES = 64 * 1024;

  private QuarantineRecords() {
  }

  public static QuarantineRecord of(String dataset, RawLine line, Rejection rejection) {
    return of(dataset, line.sourceFile(), line.lineNumber(), line.offset(), rawText(line.bytes(), line.length()),
        line.fullLength(), rejection);
  }

  public static QuarantineRecord of(String dataset, CsvRecord csv, Rejection rejection) {
    return of(dataset, csv.sourceFile(), csv.lineNumber(), csv.offset(), rawText(csv.raw(), csv.raw().length),
        csv.rawLength(), rejection);
  }

  /** A record whose raw text was already cut (by {@link #rawText}). */
  public static QuarantineRecord of(String dataset, String sourceFile, long lineNumber, long offset, String rawText,
      long rawLength, Rejection rejection) {
    QuarantineRecord record = new QuarantineRecord();
    record.setDataset(dataset);
    record.setSourceFile(sourceFile);
    record.setLineNumber(lineNumber);
    record.setByteOffset(offset);
    record.setRawText(rawText);
    record.setRawLength(rawLength);
    record.setReason(rejection.reason().name());
    record.setDetail(rejection.detail());
    return record;
  }

  /** Decodes at most MAX_RAW_BYTES bytes, never splitting a UTF-8 sequence; invalid bytes become U+FFFD. */
  public static String rawText(byte[] bytes, int length) {
    int end = Math.min(length, MAX_RAW_BYTES);
    if (end < length) {
      // A byte 10xxxxxx continues a sequence that started before the cut: cut before that sequence.
      for (int i = 0; i < 3 && end > 0 && (bytes[end] & 0xC0) == 0x80; i++) {
        end--;
      }
    }
    return new String(bytes, 0, end, StandardCharsets.UTF_8);
  }
}
