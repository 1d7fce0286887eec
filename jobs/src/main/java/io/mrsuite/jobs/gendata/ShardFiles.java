package io.mrsuite.jobs.gendata;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Opens the files one shard writes and closes them all at the end. A name ending in {@code .gz} is
 * gzip-compressed with the JDK's {@link GZIPOutputStream} rather than Hadoop's GzipCodec: its header carries no
 * timestamp and its output does not depend on whether Hadoop's native zlib happens to be loaded, so a rerun on
 * the same JDK gives the same compressed bytes. (Another zlib build may compress differently; the text inside
 * is the same everywhere.)
 */
final class ShardFiles implements Closeable {
  private static final int BUFFER_BYTES = 64 * 1024;

  private final FileSystem fs;
  private final ShardReporter reporter;
  private final List<OutputStream> open = new ArrayList<>();

  ShardFiles(FileSystem fs, ShardReporter reporter) {
    this.fs = fs;
    this.reporter = reporter;
  }

  OutputStream create(Path path) throws IOException {
    OutputStream raw = fs.create(path, false);
    OutputStream out;
    try {
      out = new BufferedOutputStream(path.getName().endsWith(".gz") ? new GZIPOutputStream(raw, BUFFER_BYTES) : raw,
          BUFFER_BYTES);
    } catch (IOException e) {
      raw.close();
      throw e;
    }
    open.add(out);
    reporter.count(GenDataCounters.FILES, 1);
    return out;
  }

  @Override
  public void close() throws IOException {
    IOException failure = null;
    for (OutputStream out : open) {
      try {
        out.close();
      } catch (IOException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    open.clear();
    if (failure != null) {
      throw failure;
    }
  }
}
