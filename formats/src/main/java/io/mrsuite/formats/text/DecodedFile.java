package io.mrsuite.formats.text;

import java.io.Closeable;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.PositionedReadable;
import org.apache.hadoop.fs.Seekable;
import org.apache.hadoop.io.compress.BZip2Codec;
import org.apache.hadoop.io.compress.CodecPool;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.hadoop.io.compress.Decompressor;
import org.apache.hadoop.io.compress.SplitCompressionInputStream;
import org.apache.hadoop.io.compress.SplittableCompressionCodec;

/**
 * Opens a file as its decompressed bytes and says which read errors mean that its data ends early.
 *
 * <p>Any codec Hadoop knows by file extension is decompressed. A compressed file that ends early or is corrupt
 * makes the decompressor fail; {@link #breaks()} tells that (quarantine the rest of the file) from an error of
 * the file system itself (a datanode failing, say: fail the task so that it is retried).
 *
 * <p>Hadoop's pure-Java bzip2 stream (3.4) decodes the first block while it is being opened, and it ends
 * without a word when the file stops at or near a block boundary or inside the end-of-stream trailer. So a
 * decoder that fails while opening gives a stream that fails the same way at its first read, and a bzip2 file
 * whose last bytes are not an end-of-stream marker gives a stream that fails where it would end.
 */
public final class DecodedFile implements Closeable {
  /** A bzip2 end-of-stream marker, 48 bits. */
  private static final long BZIP2_END_OF_STREAM_MAGIC = 0x177245385090L;

  private final FSDataInputStream raw;
  private final long length;
  private Decompressor decompressor;
  private InputStream decoded;
  private SplitCompressionInputStream blocks;
  private StreamBreaks breaks = StreamBreaks.NONE;

  private DecodedFile(FSDataInputStream raw, long length) {
    this.raw = raw;
    this.length = length;
  }

  /** The whole file, plain or in any codec, from its start. */
  public static DecodedFile open(Configuration conf, Path path, long length) throws IOException {
    DecodedFile file = new DecodedFile(path.getFileSystem(conf).open(path), length);
    try {
      CompressionCodec codec = new CompressionCodecFactory(conf).getCodec(path);
      if (codec == null) {
        file.decoded = file.raw;
      } else {
        file.decompressor = CodecPool.getDecompressor(codec);
        file.decode(codec, source -> codec.createInputStream(source, file.decompressor));
      }
      return file;
    } catch (IOException | RuntimeException e) {
      file.close();
      throw e;
    }
  }

  /**
   * A file in a splittable codec (bzip2), decoded block by block from the first block that starts after
   * {@code start} (from the first block when {@code start} is 0) to the end of the data; {@link #blockPosition}
   * tells which block is being read.
   */
  public static DecodedFile openBlocks(Configuration conf, Path path, long length, long start, long end)
      throws IOException {
    CompressionCodec codec = new CompressionCodecFactory(conf).getCodec(path);
    if (!(codec instanceof SplittableCompressionCodec splittable)) {
      throw new IllegalArgumentException(path + ": not in a codec that can be read from a block");
    }
    DecodedFile file = new DecodedFile(path.getFileSystem(conf).open(path), length);
    try {
      file.decompressor = CodecPool.getDecompressor(codec);
      file.decode(codec, source -> {
        file.blocks = splittable.createInputStream(source, file.decompressor, start, end,
            SplittableCompressionCodec.READ_MODE.BYBLOCK);
        return file.blocks;
      });
      return file;
    } catch (IOException | RuntimeException e) {
      file.close();
      throw e;
    }
  }

  /** Opens the decoding stream over the compressed bytes. */
  @FunctionalInterface
  private interface Decoding {
    InputStream open(MarkedFailures source) throws IOException;
  }

  private void decode(CompressionCodec codec, Decoding decoding) throws IOException {
    breaks = DecodedFile::isDataBreak;
    boolean unfinishedBzip2 = codec instanceof BZip2Codec && !endsWithBzip2EndOfStream();
    InputStream stream;
    try {
      stream = decoding.open(new MarkedFailures(raw));
    } catch (IOException e) {
      if (!isDataBreak(e)) {
        throw e;
      }
      decoded = new FailingAtFirstRead(raw, e);
      return;
    } catch (RuntimeException e) {
      // Opening decodes the first block: corrupt data fails as in DecoderFailures.
      decoded = new FailingAtFirstRead(raw, DecoderFailures.corrupt(e));
      return;
    }
    decoded = new DecoderFailures(unfinishedBzip2 ? new EndOfStreamRequired(stream) : stream);
  }

  /** The decompressed bytes. */
  public InputStream stream() {
    return decoded;
  }

  /** Which errors of {@link #stream()} mean that the file's data ends early. */
  public StreamBreaks breaks() {
    return breaks;
  }

  /**
   * For {@link #openBlocks}: the compressed position the codec gives for the block being read, which moves
   * on with the first byte read of each new block; -1 when the decoder failed while opening.
   */
  public long blockPosition() throws IOException {
    return blocks == null ? -1 : blocks.getPos();
  }

  /** The compressed (or plain) bytes read so far, for progress. */
  public long rawPosition() throws IOException {
    return raw.getPos();
  }

  /** For a plain file: moves its stream to {@code position}. */
  public void seek(long position) throws IOException {
    if (decoded != raw) {
      throw new IllegalStateException("only a plain file can be read from any byte");
    }
    raw.seek(position);
  }

  /**
   * A whole bzip2 file ends with the 48-bit end-of-stream magic, the 32-bit stream CRC and 0 to 7 padding
   * bits; the marker is not byte-aligned, so each of the 8 possible positions is tried.
   */
  private boolean endsWithBzip2EndOfStream() throws IOException {
    byte[] tail = new byte[(int) Math.min(length, 11)];
    if (tail.length < 10) {
      return false;
    }
    raw.readFully(length - tail.length, tail);
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
      if (value == BZIP2_END_OF_STREAM_MAGIC) {
        return true;
      }
    }
    return false;
  }

  /**
   * The data of a compressed file ends early or is corrupt when the decompressor fails on it; an error the
   * file itself raised arrives wrapped in {@link FileReadFailure} by {@link MarkedFailures}.
   */
  private static boolean isDataBreak(IOException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof FileReadFailure) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void close() throws IOException {
    try {
      if (decoded != null) {
        decoded.close();
      }
    } finally {
      try {
        raw.close();
      } finally {
        if (decompressor != null) {
          CodecPool.returnDecompressor(decompressor);
          decompressor = null;
        }
      }
    }
  }

  /** An error raised by the file system while reading the raw file, as opposed to by the decompressor. */
  private static final class FileReadFailure extends IOException {
    private static final long serialVersionUID = 1L;

    FileReadFailure(IOException cause) {
      super(cause.getMessage(), cause);
    }
  }

  /**
   * The compressed bytes as the decompressor reads them, with the file's own errors marked. It is seekable,
   * as Hadoop's block-by-block bzip2 reading needs.
   */
  private static final class MarkedFailures extends FilterInputStream implements Seekable, PositionedReadable {
    private final FSDataInputStream file;

    MarkedFailures(FSDataInputStream file) {
      super(file);
      this.file = file;
    }

    @Override
    public int read() throws IOException {
      try {
        return file.read();
      } catch (IOException e) {
        throw new FileReadFailure(e);
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        return file.read(b, off, len);
      } catch (IOException e) {
        throw new FileReadFailure(e);
      }
    }

    @Override
    public long skip(long n) throws IOException {
      try {
        return file.skip(n);
      } catch (IOException e) {
        throw new FileReadFailure(e);
      }
    }

    @Override
    public void seek(long pos) throws IOException {
      try {
        file.seek(pos);
      } catch (IOException e) {
        throw new FileReadFailure(e);
      }
    }

    @Override
    public long getPos() throws IOException {
      return file.getPos();
    }

    @Override
    public boolean seekToNewSource(long targetPos) throws IOException {
      return file.seekToNewSource(targetPos);
    }

    @Override
    public int read(long position, byte[] buffer, int offset, int length) throws IOException {
      try {
        return file.read(position, buffer, offset, length);
      } catch (IOException e) {
        throw new FileReadFailure(e);
      }
    }

    @Override
    public void readFully(long position, byte[] buffer, int offset, int length) throws IOException {
      try {
        file.readFully(position, buffer, offset, length);
      } catch (IOException e) {
        throw new FileReadFailure(e);
      }
    }

    @Override
    public void readFully(long position, byte[] buffer) throws IOException {
      readFully(position, buffer, 0, buffer.length);
    }
  }

  /** What is left of a stream whose decoder failed while opening: every read fails the same way. */
  private static final class FailingAtFirstRead extends FilterInputStream {
    private final IOException failure;

    FailingAtFirstRead(InputStream file, IOException failure) {
      super(file);
      this.failure = failure;
    }

    @Override
    public int read() throws IOException {
      throw failure;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      throw failure;
    }
  }

  /**
   * A decoder that fails on corrupt data with a runtime exception (Hadoop's bzip2 decoder throws
   * ArrayIndexOutOfBoundsException on some corrupt blocks) fails here with an IOException, which is a data
   * break: the rest of the file is quarantined instead of the task failing.
   */
  private static final class DecoderFailures extends FilterInputStream {
    DecoderFailures(InputStream decoded) {
      super(decoded);
    }

    @Override
    public int read() throws IOException {
      try {
        return super.read();
      } catch (RuntimeException e) {
        throw corrupt(e);
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        return super.read(b, off, len);
      } catch (RuntimeException e) {
        throw corrupt(e);
      }
    }

    private static IOException corrupt(RuntimeException e) {
      return new IOException("corrupt compressed data: the decoder failed with " + e, e);
    }
  }

  /** A bzip2 stream of a file without an end-of-stream marker: where it would end, the data ends early. */
  private static final class EndOfStreamRequired extends FilterInputStream {
    EndOfStreamRequired(InputStream decoded) {
      super(decoded);
    }

    @Override
    public int read() throws IOException {
      return endChecked(super.read());
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      return endChecked(super.read(b, off, len));
    }

    private static int endChecked(int n) throws EOFException {
      if (n < 0) {
        throw new EOFException("bzip2 data ends without an end-of-stream marker: the file ends early");
      }
      return n;
    }
  }
}
