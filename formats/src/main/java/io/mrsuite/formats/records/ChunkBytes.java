package io.mrsuite.formats.records;

import org.apache.hadoop.mapreduce.Counter;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormatCounter;

/**
 * Counts a combined split's file or chunk in the task's "File Input Format Counters: Bytes Read", which Hadoop's
 * map task fills only for a {@code FileSplit}: the bytes the chunk covers, as a FileSplit's reader would be
 * charged for its split.
 */
final class ChunkBytes {
  private ChunkBytes() {
  }

  static void count(TaskAttemptContext context, long bytes) {
    Counter bytesRead = context.getCounter(FileInputFormatCounter.BYTES_READ);
    // A context outside a task (a unit test's) may count nothing.
    if (bytesRead != null) {
      bytesRead.increment(bytes);
    }
  }
}
