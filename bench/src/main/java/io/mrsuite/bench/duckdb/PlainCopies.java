package io.mrsuite.bench.duckdb;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;

/**
 * Writes decompressed copies of the raw files DuckDB cannot read itself, for it to read instead.
 *
 * <p>Two kinds: bzip2 files, for which DuckDB 2.0 has no codec (only the compression_fs community extension,
 * not installed here, adds one); and compressed files whose stream ends early, where DuckDB fails the whole
 * query instead of reading what is there. The copy holds what decodes, up to the stream's break: its complete,
 * newline-terminated lines, the records the contract keeps from a truncated file. Decoding uses Hadoop's
 * codecs, as our ingest does, so both peers see the same text. The time it takes is the peer's.
 */
final class PlainCopies {
  private static final int BUFFER_BYTES = 1 << 16;

  private final CompressionCodecFactory codecs = new CompressionCodecFactory(new Configuration());
  private final Path directory;
  private int written;

  /** @param directory where the copies go; it must exist */
  PlainCopies(Path directory) {
    this.directory = directory;
  }

  /** Whether DuckDB cannot read the file at all, so that it needs a copy from the start. */
  static boolean unreadable(Path file) {
    return file.getFileName().toString().endsWith(".bz2");
  }

  /** Decompresses {@code file} into a new plain file and returns it. */
  Path copy(Path file) throws IOException {
    CompressionCodec codec = codecs.getCodec(new org.apache.hadoop.fs.Path(file.toUri()));
    if (codec == null) {
      throw new IOException("no codec for " + file);
    }
    Path copy = directory.resolve(String.format("%05d-%s", written++,
        CompressionCodecFactory.removeSuffix(file.getFileName().toString(), codec.getDefaultExtension())));
    try (InputStream in = codec.createInputStream(Files.newInputStream(file));
        OutputStream out = Files.newOutputStream(copy)) {
      copyUntilBreak(in, out);
    }
    return copy;
  }

  /** Copies everything, or when the stream breaks, everything up to the last line break before it. */
  private static void copyUntilBreak(InputStream in, OutputStream out) throws IOException {
    byte[] buffer = new byte[BUFFER_BYTES];
    // The bytes after the last line break written, held back until the next line break proves them a line.
    ByteArrayOutputStream unfinished = new ByteArrayOutputStream();
    while (true) {
      int n;
      try {
        n = in.read(buffer);
      } catch (IOException streamBreaks) {
        return;
      }
      if (n < 0) {
        unfinished.writeTo(out);
        return;
      }
      int lastBreak = lastLineBreak(buffer, n);
      if (lastBreak >= 0) {
        unfinished.writeTo(out);
        unfinished.reset();
        out.write(buffer, 0, lastBreak + 1);
      }
      unfinished.write(buffer, lastBreak + 1, n - lastBreak - 1);
    }
  }

  private static int lastLineBreak(byte[] bytes, int length) {
    for (int i = length - 1; i >= 0; i--) {
      if (bytes[i] == '\n') {
        return i;
      }
    }
    return -1;
  }
}
