package io.mrsuite.formats.text;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.compress.BZip2Codec;
import org.apache.hadoop.io.compress.CodecPool;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.hadoop.io.compress.Decompressor;
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
 * {@link RawLine.Kind#TRUNCATED} line for the rest; other read errors fail the task, naming file and offset.
 *
 * <p>Hadoop's pure-Java bzip2 stream (3.4) decodes the first block while it is being opened, and it ends
 * without a word when the file stops at or near a block boundary or inside the end-of-stream trailer. So a
 * decoder that fails while opening becomes the TRUNCATED line, and a bzip2 file whose last bytes are not an
 * end-of-stream marker ends with one (see {@link #endsWithBzip2EndOfStream}).
 */
public class FileLineRecordReader extends RecordReader<LongWritable, RawLine> {
  private final LongWritable key = new LongWritable();
  private final RawLine value = new RawLine();
  private FSDataInputStream fileIn;
  private InputStream in;
  private Decompressor decompressor;
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
        in = openDecompressed(codec);
        breaks = FileLineRecordReader::isCompressedStreamBreak;
      }
      scanner = new LineScanner(in, path.toString(), TextInputKeys.maxRecordBytes(conf), breaks);
    } catch (IOException | RuntimeException e) {
      close();
      throw e;
    }
  }

  private InputStream openDecompressed(CompressionCodec codec) throws IOException {
    boolean unfinishedBzip2 = codec instanceof BZip2Codec && !endsWithBzip2EndOfStream();
    InputStream decompressed;
    try {
      decompressed = codec.createInputStream(source(), decompressor);
    } catch (IOException e) {
      if (!isCompressedStreamBreak(e)) {
        throw e;
      }
      return new FilterInputStream(fileIn) {
        @Override
        public int read() throws IOException {
          throw e;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
          throw e;
        }
      };
    }
    if (!unfinishedBzip2) {
      return decompressed;
    }
    return new FilterInputStream(decompressed) {
      @Override
      public int read() throws IOException {
        return endChecked(super.read());
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        return endChecked(super.read(b, off, len));
      }

      private int endChecked(int n) throws EOFException {
        if (n < 0) {
          throw new EOFException("bzip2 data ends without an end-of-stream marker: the file ends early");
        }
        return n;
      }
    };
  }

  /**
   * A whole bzip2 file ends with the 48-bit end-of-stream magic, the 32-bit stream CRC and 0 to 7 padding
   * bits; the marker is not byte-aligned, so each of the 8 possible positions is tried.
   */
  private boolean endsWithBzip2EndOfStream() throws IOException {
    final long endOfStreamMagic = 0x177245385090L;
    byte[] tail = new byte[(int) Math.min(fileLength, 11)];
    if (tail.length < 10) {
      return false;
    }
    fileIn.readFully(fileLength - tail.length, tail);
    int bits = tail.length * 8;
    for (int padding = 0; padding < 8; padding++) {
      int start = bits - 80 - padding;
      if (start < 0) {
        break;
      }
      long value = 0;
      for (int bit = start; bit < start + 48; bit++) {
        value = (value << 1) | ((tail[bit >> 3] >> (7 - (bit & 7))) & 1);
      }
      if (value == endOfStreamMagic) {
        return true;
      }
    }
    return false;
  }

  /**
   * The data of a compressed file ends early or is corrupt when the decompressor fails on it; an error
   * the file itself raised (a datanode failing, say) is an I/O failure to retry, not a reason to
   * quarantine data. The file's own errors arrive wrapped in {@link FileReadFailure} by {@link #source}.
   */
  private static boolean isCompressedStreamBreak(IOException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof FileReadFailure) {
        return false;
      }
    }
    return true;
  }

  /** The compressed bytes as the decompressor reads them, with the file's own errors marked. */
  private InputStream source() {
    return new FilterInputStream(fileIn) {
      @Override
      public int read() throws IOException {
        try {
          return super.read();
        } catch (IOException e) {
          throw new FileReadFailure(e);
        }
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        try {
          return super.read(b, off, len);
        } catch (IOException e) {
          throw new FileReadFailure(e);
        }
      }

      @Override
      public long skip(long n) throws IOException {
        try {
          return super.skip(n);
        } catch (IOException e) {
          throw new FileReadFailure(e);
        }
      }
    };
  }

  /** An error raised by the file system while reading the raw file, as opposed to by the decompressor. */
  private static final class FileReadFailure extends IOException {
    private static final long serialVersionUID = 1L;

    FileReadFailure(IOException cause) {
      super(cause.getMessage(), cause);
    }
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
