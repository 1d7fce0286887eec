package io.mrsuite.jobs.fuzz;

import java.util.List;

/**
 * One raw file the generator wrote: its bytes on disk, every record it planted in them, and how a reader
 * can decode it.
 *
 * @param relativePath the path under the warehouse root
 * @param detail what was done to it, for failure messages (e.g. {@code COMPRESSED_CUT gzip IN_TRAILER ...})
 * @param decodablePrefix for {@link Readability#CUT_STREAM}: the decompressed bytes an independent decoder
 *     reads before the stream breaks
 */
record RawFile(RawDataset dataset, String relativePath, Corruption corruption, String detail, byte[] bytes,
    List<PlantedRecord> records, Readability readability, long decodablePrefix) {

  /** What a reader can get out of the file. */
  enum Readability {
    /** Plain, or a whole compressed stream: every record is read as planted. */
    EXACT,
    /**
     * A compressed stream cut short: the records it decodes are read as planted, then at most one
     * TRUNCATED_INPUT record stands for the rest.
     */
    CUT_STREAM,
    /** A compressed stream with a corrupt byte: anything may come of its records, and one TRUNCATED_INPUT. */
    CORRUPT_STREAM,
    /** Named compressed but not a stream at all: nothing written, at most one TRUNCATED_INPUT. */
    UNDECODABLE,
    /** Compressed bytes read as text: nothing written, every line quarantined. */
    GARBAGE
  }

  @Override
  public String toString() {
    return relativePath + " [" + detail + "]";
  }
}
