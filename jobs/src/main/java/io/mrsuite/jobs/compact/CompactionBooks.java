package io.mrsuite.jobs.compact;

import io.mrsuite.jobs.run.RecordCounters;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.mapreduce.Counters;
import org.apache.hadoop.mapreduce.TaskCounter;

/**
 * The record accounting of one compaction, from the counters of the compaction and verification jobs.
 *
 * <p>The books balance when every record read was written, the files read back hold as many records, and the
 * checksum of what was read back equals the checksum of what was read. For Parquet the footers' row counts
 * must also equal the records read, a check on the readers that does not depend on them.
 *
 * @param rowsFromMetadata the rows the input files' metadata promises, or -1 when it does not say (Avro)
 */
record CompactionBooks(long read, long written, long mapOutput, long checksumRead, long verified,
    long checksumVerified, long rowsFromMetadata) {

  static CompactionBooks from(Counters compaction, Counters verification, long rowsFromMetadata) {
    return new CompactionBooks(compaction.findCounter(RecordCounters.READ).getValue(),
        compaction.findCounter(RecordCounters.WRITTEN).getValue(),
        compaction.findCounter(TaskCounter.MAP_OUTPUT_RECORDS).getValue(),
        compaction.findCounter(CompactCounters.CHECKSUM_READ).getValue(),
        verification.findCounter(CompactCounters.RECORDS_VERIFIED).getValue(),
        verification.findCounter(CompactCounters.CHECKSUM_VERIFIED).getValue(), rowsFromMetadata);
  }

  /** Everything that does not add up, one line each; empty when the compacted files hold the same records. */
  List<String> problems() {
    List<String> problems = new ArrayList<>();
    if (rowsFromMetadata >= 0 && rowsFromMetadata != read) {
      problems.add("read " + read + " records, but the input files' metadata counts " + rowsFromMetadata);
    }
    if (written != read) {
      problems.add("read " + read + " records but wrote " + written);
    }
    if (mapOutput != written) {
      problems.add("counted written " + written + " != records the output format was given " + mapOutput);
    }
    if (verified != read) {
      problems.add("read " + read + " records but the compacted files hold " + verified);
    }
    if (checksumVerified != checksumRead) {
      problems.add("checksum of the records read " + hex(checksumRead) + " != checksum of the compacted files "
          + hex(checksumVerified));
    }
    return problems;
  }

  static String hex(long checksum) {
    return String.format("%016x", checksum);
  }
}
