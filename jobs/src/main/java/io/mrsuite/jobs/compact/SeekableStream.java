package io.mrsuite.jobs.compact;

import java.io.IOException;
import org.apache.avro.file.SeekableInput;
import org.apache.hadoop.fs.FSDataInputStream;

/** An open Hadoop stream as Avro's SeekableInput, so that one open of a file serves its magic, header and tail. */
final class SeekableStream implements SeekableInput {
  private final FSDataInputStream in;
  private final long length;

  SeekableStream(FSDataInputStream in, long length) {
    this.in = in;
    this.length = length;
  }

  @Override
  public void seek(long position) throws IOException {
    in.seek(position);
  }

  @Override
  public long tell() throws IOException {
    return in.getPos();
  }

  @Override
  public long length() {
    return length;
  }

  @Override
  public int read(byte[] buffer, int offset, int count) throws IOException {
    return in.read(buffer, offset, count);
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
