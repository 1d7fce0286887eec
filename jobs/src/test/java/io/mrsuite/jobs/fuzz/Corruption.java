package io.mrsuite.jobs.fuzz;

import java.util.List;

/** What the generator does to one raw file; each file gets exactly one. */
enum Corruption {
  /** Valid records only, in every layout a producer may use: the control group. */
  NONE("valid records only (BOM, CRLF, blank lines, no final line break, multi-member gzip/bzip2)"),
  /** One byte of 1-3 records replaced by another (in CSV never to or from a quote, which moves record ends). */
  BYTE_FLIPS("bytes of records replaced"),
  /** The decompressed content cut at a boundary of a chosen kind, then written (and compressed) whole. */
  TRUNCATED("content cut: in the byte-order mark, header, a record, a character, a quoted line break, before LF"),
  /** The compressed bytes cut: in the stream header, in the data, at a bzip2 block boundary, in the trailer. */
  COMPRESSED_CUT("compressed stream cut in its header, data, at a bzip2 block boundary or in its trailer"),
  /** One byte of the compressed bytes replaced. */
  COMPRESSED_FLIP("a byte of the compressed stream replaced"),
  /** Plain text in a file named {@code .gz} or {@code .bz2}. */
  NOT_COMPRESSED("plain text named .gz/.bz2"),
  /** gzip or bzip2 bytes in a file named as plain text. */
  COMPRESSED_UNNAMED("gzip/bzip2 bytes named as plain text"),
  /** A file of zero bytes, whatever its name. */
  EMPTY_FILE("zero bytes"),
  /** A record one byte to a few KiB over the 1 MiB limit, and a valid one of exactly the limit. */
  HUGE_RECORD("a record over the 1 MiB limit and one of exactly 1 MiB"),
  /** Bytes that are not UTF-8 inside a text value. */
  INVALID_UTF8("bytes that are not UTF-8 in a value"),
  /** NUL bytes inside a value, and a run of NULs ending the file (what a crash leaves in a preallocated file). */
  NUL_BYTES("NUL bytes in a value and a NUL tail"),
  /** Objects and arrays nested 1,000 levels (valid), 1,001 and 100,000 levels. */
  DEEP_NESTING("JSON nested 1,000 / 1,001 / 100,000 levels"),
  /** A key twice in an object, at the top, nested, or equal only after unescaping. */
  DUPLICATE_KEYS("duplicate JSON keys"),
  /** A quote inside a value: a JSON string broken, or a CSV quote in an unquoted field or after a closing quote. */
  STRAY_QUOTE("a quote where none may be"),
  /** A CSV quote that opens a field and is never closed. */
  UNBALANCED_QUOTE("a CSV quote never closed"),
  /** Empty lines (skipped), whitespace-only lines, and a byte-order mark starting a later line. */
  BLANK_LINES("empty and whitespace-only lines, a BOM mid-file"),
  /** A CSV header that is not the contract's: every record of the file is malformed. */
  BAD_HEADER("a CSV header that is not the contract's");

  private final String description;

  Corruption(String description) {
    this.description = description;
  }

  String description() {
    return description;
  }

  /**
   * The codecs a file with this corruption may be named with (its bytes' codec for COMPRESSED_UNNAMED): the
   * stream corruptions need a codec.
   */
  List<Compression> codecs() {
    switch (this) {
      case COMPRESSED_CUT:
      case COMPRESSED_FLIP:
      case NOT_COMPRESSED:
      case COMPRESSED_UNNAMED:
        return List.of(Compression.GZIP, Compression.BZIP2);
      default:
        return List.of(Compression.values());
    }
  }

  boolean appliesTo(RawDataset dataset) {
    switch (this) {
      case DEEP_NESTING:
      case DUPLICATE_KEYS:
        return !dataset.isCsv();
      case UNBALANCED_QUOTE:
      case BAD_HEADER:
        return dataset.isCsv();
      default:
        return true;
    }
  }
}
