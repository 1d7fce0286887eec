package io.mrsuite.formats.text;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.compress.CodecPool;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.hadoop.io.compress.Decompressor;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;

/**
 * Reads one whole file (plain, or compressed with any codec Hadoop knows by extension) as {@link RawLine}s;
 * the key is the line's byte offset in the decompressed file. Files are never split, so every line number
 * is exact.
 *
 * <p>A compressed file that ends early or is corrupt yields its readable lines and then one
 * {@link RawLine.Kind#TRUNCATED} line for the rest; other read errors fail the task, naming file and offset.
 */
public class FileLineRecordReader extends RecordReader<LongWritable, RawLine> {
  private final LongWritable key = new LongWritable();
  private final RawLine value = new RawLine();
  private FSDataInputStream fileIn;
  private InputStream in;
  private Decompressor decompressor;
  private LineScanner scanner;
  private long fileLength;
  private boolean done;

  @Override
  public void initialize(InputSplit genericSplit, TaskAttemptContext context) throws IOException {
    FileSplit split = (FileSplit) genericSplit;
    if (split.getStart() != 0) {
      throw new IOException(split.getPath() + ": this reader reads whole files, got a split starting at " + split.getStart());
    }
    Configuration conf = context.getConfiguration();
    Path path = split.getPath();
    FileSystem fs = path.getFileSystem(conf);
    fileLength = split.getLength();
    fileIn = fs.open(path);
    try {
      CompressionCodec codec = new CompressionCodecFactory(conf).getCodec(path);
      StreamBreaks breaks;
      if (codec == null) {
        in = fileIn;
        breaks = StreamBreaks.NONE;
      } else {
        decompressor = CodecPool.getDecompressor(codec);
        in = codec.createInputStream(fileIn, decompressor);
        breaks = this::isCompressedStreamBreak;
      }
      scanner = new LineScanner(in, path.toString(), TextInputKeys.maxRecordBytes(conf), breaks);
    } catch (IOException | RuntimeException e) {
      close();
      throw e;
    }
  }

  /**
   * The data of a compressed file ends early or is corrupt when the decompressor says so (EOF, a zip
   * format error) or when anything fails after the whole compressed file has been read. Anything else is
   * an I/O failure to retry, not a reason to quarantine data.
   */
  private boolean isCompressedStreamBreak(IOException e) {
    if (e instanceof EOFException || e instanceof ZipException) {
      return true;
    }
    try {
      return fileIn.getPos() >= fileLength;
    } catch (IOException positionUnknown) {
      return false;
    }
  }

  @Override
  public boolean nextKeyValue() throws IOException {
    if (done) {
      return false;
    }
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
    if (done || fileLength == 0) {
      return done ? 1f : 0f;
    }
    return Math.min(1f, fileIn.getPos() / (float) fileLength);
  }

  @Override
  public void close() throws IOException {
    try {
      if (in != null) {
        in.close();
      } else if (fileIn != null) {
        fileIn.close();
      }
    } finally {
      if (decompressor != null) {
        CodecPool.returnDecompressor(decompressor);
        decompressor = null;
      }
      in = null;
      fileIn = null;
    }
  }
}
