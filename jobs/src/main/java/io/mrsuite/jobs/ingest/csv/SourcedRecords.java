package io.mrsuite.jobs.ingest.csv;

import io.mrsuite.formats.avro.QuarantineRecord;
import io.mrsuite.formats.quarantine.QuarantineRecords;
import io.mrsuite.formats.quarantine.Rejection;

/** Quarantine records for validated records a reducer still rejects. */
public final class SourcedRecords {
  private SourcedRecords() {
  }

  public static QuarantineRecord quarantine(SourcedRecord record, Rejection rejection) {
    return QuarantineRecords.of(record.getDataset(), record.getSourceFile(), record.getLineNumber(),
        record.getSourceOffset(), record.getRawText(), record.getRawLength(), rejection);
  }

  /** "file at byte N": where a kept record came from, for the detail of the ones rejected after it. */
  public static String position(SourcedRecord record) {
    return record.getSourceFile() + " at byte " + record.getSourceOffset();
  }
}
