package io.mrsuite.jobs.run;

import io.mrsuite.formats.quarantine.QuarantineReason;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.mapreduce.Counters;

/** A finished job's record accounting, read from its counters, and the check that the books balance. */
public final class RecordBooks {
  private final long read;
  private final long written;
  private final long quarantined;
  private final long skipped;
  private final long duplicatesRemoved;
  private final Map<QuarantineReason, Long> byReason;

  private RecordBooks(long read, long written, long quarantined, long skipped, long duplicatesRemoved,
      Map<QuarantineReason, Long> byReason) {
    this.read = read;
    this.written = written;
    this.quarantined = quarantined;
    this.skipped = skipped;
    this.duplicatesRemoved = duplicatesRemoved;
    this.byReason = byReason;
  }

  public static RecordBooks from(Counters counters) {
    Map<QuarantineReason, Long> byReason = new EnumMap<>(QuarantineReason.class);
    for (QuarantineReason reason : QuarantineReason.values()) {
      long count = counters.findCounter(reason).getValue();
      if (count != 0) {
        byReason.put(reason, count);
      }
    }
    return new RecordBooks(value(counters, RecordCounters.READ), value(counters, RecordCounters.WRITTEN),
        value(counters, RecordCounters.QUARANTINED), value(counters, RecordCounters.SKIPPED),
        value(counters, RecordCounters.DUPLICATES_REMOVED), byReason);
  }

  private static long value(Counters counters, RecordCounters counter) {
    return counters.findCounter(counter).getValue();
  }

  /**
   * Everything that does not add up, one line each; empty when the books balance.
   *
   * @param quarantinedByOutput records the quarantine output says it wrote
   */
  public List<String> imbalances(long quarantinedByOutput) {
    List<String> problems = new ArrayList<>();
    long accounted = written + quarantined + skipped + duplicatesRemoved;
    if (read != accounted) {
      problems.add("read " + read + " != written " + written + " + quarantined " + quarantined + " + skipped "
          + skipped + " + duplicates removed " + duplicatesRemoved + " (= " + accounted + ")");
    }
    long reasons = byReason.values().stream().mapToLong(Long::longValue).sum();
    if (reasons != quarantined) {
      problems.add("quarantined " + quarantined + " != sum over reasons " + reasons + " " + byReason);
    }
    if (quarantinedByOutput != quarantined) {
      problems.add("counted quarantined " + quarantined + " != records the quarantine output wrote "
          + quarantinedByOutput);
    }
    return problems;
  }

  public long read() {
    return read;
  }

  public long written() {
    return written;
  }

  public long quarantined() {
    return quarantined;
  }

  public long skipped() {
    return skipped;
  }

  public long duplicatesRemoved() {
    return duplicatesRemoved;
  }

  public Map<QuarantineReason, Long> byReason() {
    return byReason;
  }
}
