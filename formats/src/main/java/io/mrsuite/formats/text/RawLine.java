package io.mrsuite.formats.text;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.io.Writable;
import org.apache.hadoop.io.WritableUtils;

/**
 * One line read from a text file, with where it came from. The reader reuses one instance per split, as
 * Hadoop readers reuse their Text values: copy what you keep.
 *
 * <p>Only the first {@link #length()} bytes of {@link #bytes()} are the line; for {@link Kind#TOO_LARGE}
 * and {@link Kind#TRUNCATED} they are a prefix of it and {@link #fullLength()} tells how long it was.
 */
public final class RawLine implements Writable {

  /** What the reader found. */
  public enum Kind {
    /** A whole line within the size limit, terminator removed. */
    LINE,
    /** A line longer than the limit; only a prefix is held. */
    TOO_LARGE,
    /** The stream broke here: this record stands for the rest of the file. */
    TRUNCATED
  }

  private String sourceFile = "";
  private long lineNumber;
  private long offset;
  private byte[] bytes = new byte[0];
  private int length;
  private long fullLength;
  private long firstInvalidUtf8 = -1;
  private Kind kind = Kind.LINE;
  private String breakDetail = "";

  void set(String sourceFile, long lineNumber, long offset, byte[] bytes, int length, long fullLength,
      long firstInvalidUtf8, Kind kind, String breakDetail) {
    this.sourceFile = sourceFile;
    this.lineNumber = lineNumber;
    this.offset = offset;
    this.bytes = bytes;
    this.length = length;
    this.fullLength = fullLength;
    this.firstInvalidUtf8 = firstInvalidUtf8;
    this.kind = kind;
    this.breakDetail = breakDetail;
  }

  public String sourceFile() {
    return sourceFile;
  }

  /** 1-based line number in the (decompressed) file. */
  public long lineNumber() {
    return lineNumber;
  }

  /** Byte offset of the line's first byte in the (decompressed) file. */
  public long offset() {
    return offset;
  }

  public byte[] bytes() {
    return bytes;
  }

  /** How many bytes of {@link #bytes()} are held. */
  public int length() {
    return length;
  }

  /** Length of the whole line in bytes, terminator excluded; for TRUNCATED, the bytes read before the break. */
  public long fullLength() {
    return fullLength;
  }

  /** Offset within the line of the first byte that breaks UTF-8, or -1 when the whole line is valid UTF-8. */
  public long firstInvalidUtf8() {
    return firstInvalidUtf8;
  }

  public boolean isValidUtf8() {
    return firstInvalidUtf8 < 0;
  }

  public Kind kind() {
    return kind;
  }

  /** For TRUNCATED: what the decompressor reported. */
  public String breakDetail() {
    return breakDetail;
  }

  /** The held bytes as text; only meaningful when {@link #isValidUtf8()}. */
  public String text() {
    return new String(bytes, 0, length, StandardCharsets.UTF_8);
  }

  @Override
  public void write(DataOutput out) throws IOException {
    Text.writeString(out, sourceFile);
    WritableUtils.writeVLong(out, lineNumber);
    WritableUtils.writeVLong(out, offset);
    WritableUtils.writeVInt(out, length);
    out.write(bytes, 0, length);
    WritableUtils.writeVLong(out, fullLength);
    WritableUtils.writeVLong(out, firstInvalidUtf8);
    WritableUtils.writeEnum(out, kind);
    Text.writeString(out, breakDetail);
  }

  @Override
  public void readFields(DataInput in) throws IOException {
    sourceFile = Text.readString(in);
    lineNumber = WritableUtils.readVLong(in);
    offset = WritableUtils.readVLong(in);
    length = WritableUtils.readVInt(in);
    bytes = new byte[length];
    in.readFully(bytes);
    fullLength = WritableUtils.readVLong(in);
    firstInvalidUtf8 = WritableUtils.readVLong(in);
    kind = WritableUtils.readEnum(in, Kind.class);
    breakDetail = Text.readString(in);
  }
}
