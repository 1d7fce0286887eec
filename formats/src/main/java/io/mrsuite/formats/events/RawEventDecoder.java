package io.mrsuite.formats.events;

import io.mrsuite.formats.avro.Event;
import io.mrsuite.formats.json.JsonObjectParser;
import io.mrsuite.formats.quarantine.QuarantineReason;
import io.mrsuite.formats.quarantine.Rejection;
import io.mrsuite.formats.text.RawLine;
import java.time.LocalDate;

/**
 * Turns one raw JSON Lines line into a curated {@link Event} or a {@link Rejection}.
 *
 * <p>Checks run in the contract's order: TRUNCATED_INPUT, INVALID_ENCODING, RECORD_TOO_LARGE, MALFORMED_JSON,
 * then the field rules of {@link EventValidator}. Empty lines are not records: callers test
 * {@link #isSkipped} first.
 */
public final class RawEventDecoder {
  private final JsonObjectParser parser = new JsonObjectParser();
  private final EventValidator validator;

  public RawEventDecoder(LocalDate arrivalDate, int lateDays) {
    this.validator = new EventValidator(arrivalDate, lateDays);
  }

  /** An empty line (nothing before its terminator) is counted as skipped, not quarantined. */
  public static boolean isSkipped(RawLine line) {
    return line.kind() == RawLine.Kind.LINE && line.length() == 0;
  }

  public Event decode(RawLine line) throws Rejection {
    if (line.kind() == RawLine.Kind.TRUNCATED) {
      throw new Rejection(QuarantineReason.TRUNCATED_INPUT, "compressed stream ends early at decompressed offset "
          + line.offset() + " (line " + line.lineNumber() + "): " + line.breakDetail()
          + "; this record stands for the rest of the file");
    }
    if (!line.isValidUtf8()) {
      throw new Rejection(QuarantineReason.INVALID_ENCODING,
          "not UTF-8: bad byte at offset " + line.firstInvalidUtf8() + " of the line");
    }
    if (line.kind() == RawLine.Kind.TOO_LARGE) {
      throw new Rejection(QuarantineReason.RECORD_TOO_LARGE, "line is " + line.fullLength() + " bytes, over the limit");
    }
    Event event = validator.validate(parser.parse(line.bytes(), 0, line.length()));
    event.setSourceFile(line.sourceFile());
    event.setSourceOffset(line.offset());
    event.setSourceLine(line.lineNumber());
    return event;
  }
}
