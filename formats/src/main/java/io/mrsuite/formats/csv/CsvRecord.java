package io.mrsuite.formats.csv;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.io.Writable;
import org.apache.hadoop.io.WritableUtils;

/**
 * One CSV record as read, however many physical lines it spans, with where it came from. Readers reuse
 * one instance: copy what you keep.
 */
public final class CsvRecord implements Writable {
  /** Raw bytes kept for quarantine: at most this many. */
  public static final int MAX_RAW_BYTES = 64 * 1024;

  /** What the reader found. */
  public enum Kind {
    /** A well-formed record with as many fields as the header. */
    RECORD,
    /** An empty line: not a record, counted as skipped. */
    EMPTY,
    /** Unbalanced quotes, text after a closing quote, a quote in an unquoted field, wrong field count, too long. */
    MALFORMED,
    /** Well-formed CSV but not valid UTF-8. */
    INVALID_ENCODING,
    /** The compressed data broke off inside this record: it stands for the rest of the file. */
    TRUNCATED
  }

  private String sourceFile = "";
  private long offset;
  private long lineNumber;
  private List<String> fields = new ArrayList<>();
  private Kind kind = Kind.RECORD;
  private String detail = "";
  private byte[] raw = new byte[0];
  private long rawLength;

  void set(String sourceFile, long offset, long lineNumber, List<String> fields, Kind kind, String detail,
      byte[] rawBytes, int rawHeld, long rawLength) {
    this.sourceFile = sourceFile;
    this.offset = offset;
    this.lineNumber = lineNumber;
    this.fields = fields;
    this.kind = kind;
    this.detail = detail;
    this.raw = Arrays.copyOf(rawBytes, Math.min(rawHeld, MAX_RAW_BYTES));
    this.rawLength = rawLength;
  }

  /** Gives the record its offset in the file, for a reader whose positions do not start at the file's start. */
  void relocate(long fileOffset) {
    offset = fileOffset;
  }

  public String sourceFile() {
    return sourceFile;
  }

  /** Byte offset of the record's first byte in the (decompressed) file. */
  public long offset() {
    return offset;
  }

  /**
   * 1-based number of the record's first physical line, or 0 when unknown: a split that starts inside a
   * file does not know how many lines came before it (its byte offset is exact).
   */
  public long lineNumber() {
    return lineNumber;
  }

  /** The field values, unquoted and unescaped; meaningful for {@link Kind#RECORD}. */
  public List<String> fields() {
    return fields;
  }

  public Kind kind() {
    return kind;
  }

  /** For the kinds other than RECORD and EMPTY: what is wrong and where. */
  public String detail() {
    return detail;
  }

  /** The record's bytes, terminator excluded, cut at {@value #MAX_RAW_BYTES}. */
  public byte[] raw() {
    return raw;
  }

  /** The whole record's length in bytes, terminator excluded; for TRUNCATED, the bytes decoded before the break. */
  public long rawLength() {
    return rawLength;
  }

  /** The raw bytes as text; bytes that are not UTF-8 become U+FFFD. */
  public String rawText() {
    return new String(raw, StandardCharsets.UTF_8);
  }

  @Override
  public void write(DataOutput out) throws IOException {
    Text.writeString(out, sourceFile);
    WritableUtils.writeVLong(out, offset);
    WritableUtils.writeVLong(out, lineNumber);
    WritableUtils.writeVInt(out, fields.size());
    for (String field : fields) {
      Text.writeString(out, field);
    }
    WritableUtils.writeEnum(out, kind);
    Text.writeString(out, detail);
    WritableUtils.writeVInt(out, raw.length);
    out.write(raw);
    WritableUtils.writeVLong(out, rawLength);
  }

  @Override
  public void readFields(DataInput in) throws IOException {
    sourceFile = Text.readString(in);
    offset = WritableUtils.readVLong(in);
    lineNumber = WritableUtils.readVLong(in);
    int count = WritableUtils.readVInt(in);
    fields = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      fields.add(Text.readString(in));
    }
    kind = WritableUtils.readEnum(in, Kind.class);
    detail = Text.readString(in);
    raw = new byte[WritableUtils.readVInt(in)];
    in.readFully(raw);
    rawLength = WritableUtils.readVLong(in);
  }

  @Override
  public String toString() {
    return sourceFile + "@" + offset + " " + kind + (kind == Kind.RECORD ? " " + fields : " " + detail);
  }
}
