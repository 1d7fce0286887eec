package io.mrsuite.jobs.storage;

/**
 * What one partition takes on storage: its data files (hidden ones and the run's manifest aside) and their bytes;
 * of the files that could be read through, their bytes and the bytes their data takes before compression; and how
 * many could not (a compressed upload cut short, say).
 */
record PartitionStorage(long files, long bytes, long readBytes, long uncompressedBytes, long unreadableFiles) {
  static final PartitionStorage NONE = new PartitionStorage(0, 0, 0, 0, 0);

  long averageFileBytes() {
    return files == 0 ? 0 : bytes / files;
  }

  /** Uncompressed over stored bytes, of the files read through; 0 when none was. */
  double compressionRatio() {
    return readBytes == 0 ? 0 : (double) uncompressedBytes / readBytes;
  }

  PartitionStorage plus(PartitionStorage other) {
    return new PartitionStorage(files + other.files, bytes + other.bytes, readBytes + other.readBytes,
        uncompressedBytes + other.uncompressedBytes, unreadableFiles + other.unreadableFiles);
  }
}
