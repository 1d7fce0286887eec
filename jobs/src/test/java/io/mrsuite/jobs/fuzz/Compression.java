package io.mrsuite.jobs.fuzz;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;

/**
 * The codecs a raw file may be written with, by Java's and Commons Compress's own writers (not Hadoop's), and
 * read back by their readers: an independent opinion of what a file holds.
 */
enum Compression {
  NONE(""),
  GZIP(".gz"),
  BZIP2(".bz2");

  private final String suffix;

  Compression(String suffix) {
    this.suffix = suffix;
  }

  String suffix() {
    return suffix;
  }

  /**
   * Compresses {@code content}, as one stream or as two concatenated ones split at {@code secondStreamAt}
   * (0 for one stream), as tools that append to a file write it.
   *
   * @param bzip2BlockSize 1-9: bzip2 blocks of that many 100 kB
   */
  byte[] compress(byte[] content, int secondStreamAt, int bzip2BlockSize) {
    if (this == NONE) {
      return content;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (secondStreamAt > 0) {
      writeStream(out, content, 0, secondStreamAt, bzip2BlockSize);
      writeStream(out, content, secondStreamAt, content.length, bzip2BlockSize);
    } else {
      writeStream(out, content, 0, content.length, bzip2BlockSize);
    }
    return out.toByteArray();
  }

  private void writeStream(ByteArrayOutputStream out, byte[] content, int from, int to, int bzip2BlockSize) {
    try (OutputStream stream = this == GZIP ? new GZIPOutputStream(nonClosing(out))
        : new BZip2CompressorOutputStream(nonClosing(out), bzip2BlockSize)) {
      stream.write(content, from, to - from);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static OutputStream nonClosing(ByteArrayOutputStream out) {
    return new OutputStream() {
      @Override
      public void write(int b) {
        out.write(b);
      }

      @Override
      public void write(byte[] b, int off, int len) {
        out.write(b, off, len);
      }
    };
  }

  /**
   * How many decompressed bytes a reader gets from {@code compressed} before it ends or breaks: all of it for
   * a whole stream, less for one that is cut or corrupt.
   */
  long decodablePrefix(byte[] compressed) {
    if (this == NONE) {
      return compressed.length;
    }
    long n = 0;
    try (InputStream in = this == GZIP ? new GZIPInputStream(new ByteArrayInputStream(compressed))
        : new BZip2CompressorInputStream(new ByteArrayInputStream(compressed), true)) {
      byte[] buffer = new byte[8192];
      int read;
      while ((read = in.read(buffer)) >= 0) {
        n += read;
      }
    } catch (IOException broken) {
      // The stream ends early or is corrupt: what was read before is the prefix.
    }
    return n;
  }
}
