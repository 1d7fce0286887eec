package io.mrsuite.jobs.compact;

/**
 * What a sample of a partition's files became when rewritten as one compacted file.
 *
 * @param payloadBytes the record data of the files read (without their headers or footers)
 * @param outputBytes the size of the file written from them, header or footer included
 */
record SampleSize(long payloadBytes, long outputBytes) {

  /**
   * Bytes of compacted file per byte of input record data; 1 when the sample held no data, which leaves a
   * plan by input bytes as it is.
   */
  double outputPerPayloadByte() {
    return payloadBytes == 0 || outputBytes == 0 ? 1.0 : (double) outputBytes / payloadBytes;
  }
}
