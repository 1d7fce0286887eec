package io.mrsuite.jobs.fuzz;

import io.mrsuite.formats.quarantine.QuarantineReason;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * Corrupts the decompressed content of a file, before it is compressed: byte flips and cuts. Each says what
 * it did to the records it reached, so that the records it did not reach must still come out exactly.
 */
final class ContentCorruptor {
  /** Where a cut falls. */
  enum Cut {
    IN_BYTE_ORDER_MARK, IN_HEADER, AFTER_HEADER, MID_RECORD, MID_CHARACTER, RECORD_END, BEFORE_LINE_FEED,
    IN_QUOTED_LINE_BREAK
  }

  private final SplittableRandom random;
  private final boolean csv;

  ContentCorruptor(SplittableRandom random, boolean csv) {
    this.random = random;
    this.csv = csv;
  }

  /**
   * Replaces one byte in each of up to {@code records} records. In CSV a quote is neither made nor
   * removed, since that moves where records end far beyond the flipped one; every other byte, line feeds
   * included, only reaches the record it is in and, for its terminator, the next one.
   */
  String flipBytes(RawContent content, int records) {
    List<PlantedRecord> candidates = new ArrayList<>(content.records());
    List<String> done = new ArrayList<>();
    for (int i = 0; i < records && !candidates.isEmpty(); i++) {
      PlantedRecord record = candidates.remove(random.nextInt(candidates.size()));
      int position = (int) (record.offset() + random.nextLong(record.end() - record.offset()));
      byte old = content.bytes()[position];
      if (csv && old == '"') {
        continue;
      }
      byte replacement;
      do {
        replacement = (byte) random.nextInt(256);
      } while (replacement == old || (csv && replacement == '"'));
      content.replaceByte(position, replacement);
      record.expect(Expectation.UNKNOWN);
      PlantedRecord next = content.recordAfter(record);
      if (old == '\n' && position == record.end() - 1 && next != null) {
        next.expect(Expectation.UNKNOWN);
        candidates.remove(next);
      }
      done.add(String.format(Locale.ROOT, "byte %d 0x%02x->0x%02x", position, old & 0xFF, replacement & 0xFF));
    }
    return "flipped " + (done.isEmpty() ? "nothing" : String.join(", ", done));
  }

  /** The cuts that {@code content} offers; never empty (a cut at a record end or the body start always is). */
  List<Cut> possibleCuts(RawContent content) {
    List<Cut> cuts = new ArrayList<>();
    if (content.hasByteOrderMark()) {
      cuts.add(Cut.IN_BYTE_ORDER_MARK);
    }
    if (csv) {
      cuts.add(Cut.IN_HEADER);
      cuts.add(Cut.AFTER_HEADER);
    }
    cuts.add(Cut.RECORD_END);
    for (PlantedRecord record : content.records()) {
      if (record.malformedIfCutBefore() > 0) {
        addOnce(cuts, Cut.MID_RECORD);
      }
      if (multiByteCharacterIn(content, record) >= 0) {
        addOnce(cuts, Cut.MID_CHARACTER);
      }
      if (endsWithCarriageReturnLineFeed(content, record)) {
        addOnce(cuts, Cut.BEFORE_LINE_FEED);
      }
      if (csv && quotedLineBreakIn(content, record) >= 0) {
        addOnce(cuts, Cut.IN_QUOTED_LINE_BREAK);
      }
    }
    return cuts;
  }

  /** Cuts the content at a boundary of the given kind; returns where, for the file's description. */
  String cut(RawContent content, Cut cut) {
    switch (cut) {
      case IN_BYTE_ORDER_MARK:
        int inMark = 1 + random.nextInt(2);
        content.cut(inMark, Expectation.UNKNOWN);
        if (!csv) {
          // The mark's first bytes are a line of their own, and not UTF-8.
          content.plantAfterCut(0, inMark, Expectation.quarantined(QuarantineReason.INVALID_ENCODING));
        }
        return cut + " at byte " + inMark;
      case IN_HEADER:
        int headerStart = content.hasByteOrderMark() ? 3 : 0;
        int inHeader = headerStart + 1 + random.nextInt(content.bodyStart() - headerStart - 1);
        content.cut(inHeader, Expectation.UNKNOWN);
        return cut + " at byte " + inHeader;
      case AFTER_HEADER:
        content.cut(content.bodyStart(), Expectation.UNKNOWN);
        return cut + " at byte " + content.bodyStart();
      case MID_RECORD:
        return midRecord(content);
      case MID_CHARACTER:
        return midCharacter(content);
      case BEFORE_LINE_FEED:
        PlantedRecord crlf = pick(content, r -> endsWithCarriageReturnLineFeed(content, r));
        content.cut((int) crlf.end() - 1, Expectation.UNKNOWN);
        return cut + " of the " + crlf;
      case IN_QUOTED_LINE_BREAK:
        PlantedRecord multiLine = pick(content, r -> quotedLineBreakIn(content, r) >= 0);
        content.cut((int) multiLine.offset() + quotedLineBreakIn(content, multiLine) + 1,
            Expectation.quarantined(QuarantineReason.MALFORMED_CSV));
        return cut + " of the " + multiLine;
      default:
        List<PlantedRecord> records = content.records();
        if (records.isEmpty()) {
          content.cut(content.bodyStart(), Expectation.UNKNOWN);
          return cut + " at the body start";
        }
        PlantedRecord last = records.get(random.nextInt(records.size()));
        content.cut((int) last.end(), Expectation.UNKNOWN);
        return cut + " after the " + last;
    }
  }

  /** Inside a record, before the point where what is left could still be well-formed. */
  private String midRecord(RawContent content) {
    PlantedRecord record = pick(content, r -> r.malformedIfCutBefore() > 0);
    int at;
    do {
      at = 1 + random.nextInt(record.malformedIfCutBefore());
    } while (isContinuationByte(content.bytes()[(int) record.offset() + at]));
    content.cut((int) record.offset() + at,
        Expectation.quarantined(csv ? QuarantineReason.MALFORMED_CSV : QuarantineReason.MALFORMED_JSON));
    return Cut.MID_RECORD + " " + at + " bytes into the " + record;
  }

  /** Between the bytes of one character: in JSON Lines the line is then not UTF-8. */
  private String midCharacter(RawContent content) {
    PlantedRecord record = pick(content, r -> multiByteCharacterIn(content, r) >= 0);
    int at = multiByteCharacterIn(content, record) + 1;
    Expectation rest;
    if (!csv) {
      rest = Expectation.quarantined(QuarantineReason.INVALID_ENCODING);
    } else if (at < record.malformedIfCutBefore()) {
      rest = Expectation.quarantined(QuarantineReason.MALFORMED_CSV);
    } else {
      rest = Expectation.UNKNOWN;
    }
    content.cut((int) record.offset() + at, rest);
    return Cut.MID_CHARACTER + " " + at + " bytes into the " + record;
  }

  private PlantedRecord pick(RawContent content, Predicate<PlantedRecord> fits) {
    List<PlantedRecord> fitting = content.records().stream().filter(fits).toList();
    return fitting.get(random.nextInt(fitting.size()));
  }

  /** The offset in the record of a lead byte of a multi-byte character, or -1; only valid records count. */
  private static int multiByteCharacterIn(RawContent content, PlantedRecord record) {
    if (!(record.expectation() instanceof Expectation.Written)) {
      return -1;
    }
    byte[] bytes = content.bytes();
    for (int i = 0; i < record.contentLength(); i++) {
      if ((bytes[(int) record.offset() + i] & 0xE0) == 0xC0 || (bytes[(int) record.offset() + i] & 0xF0) == 0xE0) {
        return i;
      }
    }
    return -1;
  }

  private static boolean endsWithCarriageReturnLineFeed(RawContent content, PlantedRecord record) {
    int end = (int) record.end();
    return record.end() - record.offset() - record.contentLength() == 2 && content.bytes()[end - 2] == '\r';
  }

  /** The offset in a valid record of its first line feed inside quotes, or -1. */
  private static int quotedLineBreakIn(RawContent content, PlantedRecord record) {
    if (!(record.expectation() instanceof Expectation.Written)) {
      return -1;
    }
    for (int i = 0; i < record.contentLength(); i++) {
      if (content.bytes()[(int) record.offset() + i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private static boolean isContinuationByte(byte b) {
    return (b & 0xC0) == 0x80;
  }

  private static void addOnce(List<Cut> cuts, Cut cut) {
    if (!cuts.contains(cut)) {
      cuts.add(cut);
    }
  }
}
