package io.mrsuite.jobs.fuzz;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The decompressed bytes of one raw file as the generator lays them out, with every record it planted in
 * them. Corruptions change the bytes and say, record by record, what they did.
 */
final class RawContent {
  static final byte[] BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final List<PlantedRecord> records = new ArrayList<>();
  private byte[] bytes;
  /** Where the first record may start: after the byte-order mark and the CSV header. */
  private int bodyStart;
  private int lastByte = '\n';

  void byteOrderMark() {
    write(BYTE_ORDER_MARK);
    bodyStart = out.size();
  }

  /** A CSV header line, terminator included. */
  void header(byte[] line) {
    write(line);
    bodyStart = out.size();
  }

  void record(Entry entry, byte[] terminator) {
    records.add(new PlantedRecord(out.size(), entry.content().length, terminator.length, entry.expectation(),
        entry.key(), entry.malformedIfCutBefore()));
    write(entry.content());
    write(terminator);
  }

  /** Whether the bytes so far end with a line feed (or are empty): the next bytes start a line. */
  boolean atLineStart() {
    return lastByte == '\n';
  }

  private void write(byte[] part) {
    out.writeBytes(part);
    if (part.length > 0) {
      lastByte = part[part.length - 1];
    }
  }

  /** Ends the layout: from here on corruptions change the bytes. */
  RawContent laidOut() {
    bytes = out.toByteArray();
    return this;
  }

  byte[] bytes() {
    return bytes;
  }

  int bodyStart() {
    return bodyStart;
  }

  boolean hasByteOrderMark() {
    return bytes.length >= 3 && bytes[0] == BYTE_ORDER_MARK[0] && bytes[1] == BYTE_ORDER_MARK[1]
        && bytes[2] == BYTE_ORDER_MARK[2];
  }

  List<PlantedRecord> records() {
    return Collections.unmodifiableList(records);
  }

  /** The record whose bytes (terminator included) hold {@code position}, or null. */
  PlantedRecord recordAt(long position) {
    for (PlantedRecord record : records) {
      if (record.contains(position)) {
        return record;
      }
    }
    return null;
  }

  PlantedRecord recordAfter(PlantedRecord record) {
    int index = records.indexOf(record);
    return index + 1 < records.size() ? records.get(index + 1) : null;
  }

  void replaceByte(int position, byte value) {
    bytes[position] = value;
  }

  /** Keeps the first {@code length} bytes; records past them are gone, the one they cut is replaced. */
  void cut(int length, Expectation ofTheCutRecord) {
    byte[] kept = new byte[length];
    System.arraycopy(bytes, 0, kept, 0, length);
    bytes = kept;
    List<PlantedRecord> remaining = new ArrayList<>();
    for (PlantedRecord record : records) {
      if (record.end() <= length) {
        remaining.add(record);
      } else if (record.offset() < length) {
        remaining.add(record.cutAt((int) (length - record.offset()), ofTheCutRecord));
      }
    }
    records.clear();
    records.addAll(remaining);
  }

  /** Adds a record that only a cut made: bytes that were part of no record before (a cut byte-order mark). */
  void plantAfterCut(long offset, int length, Expectation expectation) {
    records.add(new PlantedRecord(offset, length, 0, expectation, null, 0));
  }

  /** Numbers every record's first physical line from the final bytes, as a reader counts them. */
  void numberLines() {
    long line = 1;
    int position = 0;
    for (PlantedRecord record : records) {
      for (; position < record.offset(); position++) {
        if (bytes[position] == '\n') {
          line++;
        }
      }
      record.atLine(line);
    }
  }
}
