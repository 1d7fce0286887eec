package io.mrsuite.formats.text;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A copy of everything a {@link RawLine} holds, for tests (the reader reuses its RawLine). */
record ScannedLine(String sourceFile, long lineNumber, long offset, byte[] bytes, long fullLength,
    long firstInvalidUtf8, RawLine.Kind kind, String breakDetail) {

  static ScannedLine of(RawLine line) {
    return new ScannedLine(line.sourceFile(), line.lineNumber(), line.offset(),
        Arrays.copyOf(line.bytes(), line.length()), line.fullLength(), line.firstInvalidUtf8(), line.kind(),
        line.breakDetail());
  }

  /** A whole valid line as the reader must give it. */
  static ScannedLine line(String file, long number, long offset, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return new ScannedLine(file, number, offset, bytes, bytes.length, -1, RawLine.Kind.LINE, "");
  }

  String text() {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ScannedLine that && sourceFile.equals(that.sourceFile) && lineNumber == that.lineNumber
        && offset == that.offset && Arrays.equals(bytes, that.bytes) && fullLength == that.fullLength
        && firstInvalidUtf8 == that.firstInvalidUtf8 && kind == that.kind && breakDetail.equals(that.breakDetail);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(offset) * 31 + Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return sourceFile + ":" + lineNumber + "@" + offset + " " + kind + " len=" + bytes.length + "/" + fullLength
        + " bad=" + firstInvalidUtf8 + " " + (bytes.length > 60 ? text().substring(0, 60) + "..." : text())
        + (breakDetail.isEmpty() ? "" : " [" + breakDetail + "]");
  }
}
