package io.mrsuite.jobs.fuzz;

import io.mrsuite.formats.avro.QuarantineRecord;
import io.mrsuite.formats.quarantine.QuarantineReason;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A raw file's records with what must become of each once the run's stream breaks are known: in a cut
 * compressed file, the records a reader decoded before its TRUNCATED_INPUT record are read as planted, the
 * ones after it are in no output.
 */
final class ResolvedFile {
  /** Lost with the rest of a cut stream: in no output, the TRUNCATED_INPUT record stands for it. */
  record Gone() implements ExpectationOrGone {
  }

  /** A planted expectation, or gone. */
  sealed interface ExpectationOrGone permits Gone, Planted {
  }

  /** The generator's expectation, still in force. */
  record Planted(Expectation expectation) implements ExpectationOrGone {
  }

  private final RawFile file;
  private final Map<Long, PlantedRecord> byOffset = new HashMap<>();
  private final Map<Long, ExpectationOrGone> fates = new HashMap<>();
  private final long truncatedAt;

  private ResolvedFile(RawFile file, long truncatedAt) {
    this.file = file;
    this.truncatedAt = truncatedAt;
    for (PlantedRecord record : file.records()) {
      byOffset.put(record.offset(), record);
      fates.put(record.offset(), record.offset() >= truncatedAt ? new Gone() : new Planted(record.expectation()));
    }
  }

  /**
   * Checks the file's TRUNCATED_INPUT records against what its bytes allow and resolves its records.
   *
   * @param truncations the run's TRUNCATED_INPUT records naming this file
   */
  static ResolvedFile resolve(String job, RawFile file, List<QuarantineRecord> truncations, Findings findings) {
    boolean breakable = file.readability() != RawFile.Readability.EXACT
        && file.readability() != RawFile.Readability.GARBAGE;
    if (truncations.size() > (breakable ? 1 : 0)) {
      findings.problem(job, file, truncations.size() + " TRUNCATED_INPUT records, at most " + (breakable ? 1 : 0)
          + " expected: " + truncations.stream().map(q -> "byte " + q.getByteOffset() + " " + q.getDetail()).toList());
    }
    long truncatedAt = truncations.isEmpty() ? Long.MAX_VALUE : truncations.get(0).getByteOffset();
    if (file.readability() == RawFile.Readability.CUT_STREAM) {
      checkBreak(job, file, truncatedAt, findings);
    }
    return new ResolvedFile(file, file.readability() == RawFile.Readability.CUT_STREAM ? truncatedAt
        : Long.MAX_VALUE);
  }

  /**
   * A reader must stop at a record start, and only after every line the stream decodes to a line break
   * (an independent decoder says how far that is).
   */
  private static void checkBreak(String job, RawFile file, long truncatedAt, Findings findings) {
    for (PlantedRecord record : file.records()) {
      if (record.offset() < truncatedAt && truncatedAt < record.end()) {
        findings.problem(job, file, "TRUNCATED_INPUT at byte " + truncatedAt + " is inside the " + record);
      }
      if (record.offset() >= truncatedAt && record.isTerminated() && record.end() <= file.decodablePrefix()) {
        findings.problem(job, file, "the " + record + " decodes whole (the stream holds " + file.decodablePrefix()
            + " bytes) but is lost in TRUNCATED_INPUT at byte " + truncatedAt);
      }
    }
  }

  RawFile file() {
    return file;
  }

  List<PlantedRecord> records() {
    return file.records();
  }

  /** The record that starts at {@code offset}, or null. */
  PlantedRecord recordAt(long offset) {
    return byOffset.get(offset);
  }

  ExpectationOrGone fateOf(PlantedRecord record) {
    return fates.get(record.offset());
  }

  /** Whether a record starting at {@code offset} may come out of the corrupted bytes around it. */
  boolean isInUnpredictedBytes(long offset) {
    if (file.readability() == RawFile.Readability.CORRUPT_STREAM
        || file.readability() == RawFile.Readability.GARBAGE) {
      return true;
    }
    if (file.readability() == RawFile.Readability.UNDECODABLE) {
      return false;
    }
    for (PlantedRecord record : file.records()) {
      if (record.contains(offset) && record.expectation() instanceof Expectation.Unknown
          && offset < truncatedAt) {
        return true;
      }
    }
    return false;
  }

  /** Whether a curated record may come from this file at all. */
  boolean mayWrite() {
    return file.readability() != RawFile.Readability.UNDECODABLE
        && file.readability() != RawFile.Readability.GARBAGE;
  }

  /** Whether {@code reason} may be given to a record of this file (a TRUNCATED_INPUT only where a stream may break). */
  boolean allows(QuarantineReason reason) {
    return reason != QuarantineReason.TRUNCATED_INPUT || (file.readability() != RawFile.Readability.EXACT
        && file.readability() != RawFile.Readability.GARBAGE);
  }
}
