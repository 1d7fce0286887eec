package io.mrsuite.jobs.compact;

import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;

/**
 * A Parquet {@link OutputFile} that keeps nothing and counts the bytes written to it.
 *
 * <p>It measures the size a file would have without storing it.
 */
final class CountingOutputFile implements OutputFile {
  private final CountingStream stream = new CountingStream();

  @Override
  public PositionOutputStream create(long blockSizeHint) {
    return stream;
  }

  @Override
  public PositionOutputStream createOrOverwrite(long blockSizeHint) {
    return stream;
  }

  @Override
  public boolean supportsBlockSize() {
    return false;
  }

  @Override
  public long defaultBlockSize() {
    return 0;
  }

  long bytes() {
    return stream.getPos();
  }
}
