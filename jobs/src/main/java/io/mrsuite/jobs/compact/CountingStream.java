package io.mrsuite.jobs.compact;

import org.apache.parquet.io.PositionOutputStream;

/** An output stream that keeps nothing and counts the bytes written to it (a Parquet stream, usable by Avro too). */
final class CountingStream extends PositionOutputStream {
  private long bytes;

  @Override
  public long getPos() {
    return bytes;
  }

  @Override
  public void write(int b) {
    bytes++;
  }

  @Override
  public void write(byte[] b, int off, int len) {
    bytes += len;
  }
}
