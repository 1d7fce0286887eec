package io.mrsuite.jobs.compact;

/**
 * What compact counts besides {@link io.mrsuite.jobs.run.RecordCounters}.
 *
 * <p>These are the checksum of the records the compaction read, and the count and checksum of the records the
 * verification read back from the staged output. A checksum counter holds the sum (mod 2^64, Java's long
 * overflow) of {@link RecordFingerprint}s, so the sum over tasks is the checksum of the whole partition.
 */
public enum CompactCounters {
  /** Sum of the fingerprints of the records read from the partition's files. */
  CHECKSUM_READ,
  /** Records read back from the staged compacted files. */
  RECORDS_VERIFIED,
  /** Sum of the fingerprints of the records read back from the staged compacted files. */
  CHECKSUM_VERIFIED
}
