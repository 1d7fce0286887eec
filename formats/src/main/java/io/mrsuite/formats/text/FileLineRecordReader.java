package io.mrsuite.formats.text;

import java.io.IOException;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;

/**
 * Reads one whole file, plain or compressed, as {@link RawLine}s.
 *
 * <p>Any codec Hadoop knows by file extension is decompressed. The key is the line's byte offset in the
 * decompressed file. Files are never split, so every line number is exact.
 *
 * <p>A compressed file that ends early or is corrupt yields its readable lines and then one
 * {@link RawLine.Kind#TRUNCATED} line for the rest ({@link DecodedFile} tells such a break from an I/O
 * failure, bzip2 files without their end-of-stream marker included); other read errors fail the task, naming
 * file and offset.
 */
public class FileLineRecordReader extends RecordReader<LongWritable, RawLine> {
  private final LongWritable key = new LongWritable();
  private final RawLine value = new RawLine();
  private DecodedFile file;
  private LineScanner scanner;
  private long fileLength;
  private boolean started;
  private boolean done;

  @Override
  public void initialize(InputSplit genericSplit, TaskAttemptContext context) throws IOException {
    FileSplit split = (FileSplit) genericSplit;
    if (split.getStart() != 0) {
      throw new IOException(split.getPath() + ": this reader reads whole files, got a split starting at " + split.getStart());
    }
    int maxLineBytes = TextInputKeys.maxRecordBytes(context.getConfiguration());
    fileLength = split.getLength();
    file = DecodedFile.open(context.getConfiguration(), split.getPath(), fileLength);
    scanner = new LineScanner(file.stream(), split.getPath().toString(), maxLineBytes, file.breaks());
  }

  @Override
  public boolean nextKeyValue() throws IOException {
    if (done) {
      return false;
    }
    started = true;
    if (!scanner.next(value)) {
      done = true;
      return false;
    }
    key.set(value.offset());
    return true;
  }

  @Override
  public LongWritable getCurrentKey() {
    return key;
  }

  @Override
  public RawLine getCurrentValue() {
    return value;
  }

  @Override
  public float getProgress() throws IOException {
    // Before the first record: opening a bzip2 stream already decodes (and reads past) its first block.
    if (done || fileLength == 0 || !started) {
      return done ? 1f : 0f;
    }
    return Math.min(1f, file.rawPosition() / (float) fileLength);
  }

  @Override
  public void close() throws IOException {
    if (file != null) {
      try {
        file.close();
      } finally {
        file = null;
      }
    }
  }
}
