package io.mrsuite.jobs.compact;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;

/**
 * Measures how large the compacted files will be. Merging small files compresses better than the files
 * did (larger Avro blocks; one Parquet row group storing once the dictionaries, page headers and statistics
 * that every small file repeats), by a factor that depends on the data and that only writing tells. So the
 * driver rewrites a sample of the files, with the writer settings of the job, into one file that is counted
 * and not kept.
 *
 * <p>The gain grows with the size of the file written, so the sample must be about one compacted file; the
 * driver rewrites it alone, on one thread, so it is at most {@link #MAX_SAMPLE_BYTES}, and a larger target
 * gets the factor of a file of that size (docs/compact.md says what that costs and how far it can be off).
 * A first rewrite of one target's worth of input tells about how much input makes one target of output; a
 * second rewrite of that much input gives the factor. The sample takes files from
 * across the partition, every k-th in name order, so that it is not one hour of the day.
 */
final class OutputSizeSampler {
  /** Output bytes the sample is sized for, whatever the target. */
  static final long MAX_SAMPLE_BYTES = 8L << 20;
  /**
   * The first pass of the stride holds about this many times the sample's size in input data, enough for
   * inputs that shrink to a quarter when merged; further passes start one file later.
   */
  private static final int PAYLOAD_PER_SAMPLE_BYTE = 4;

  private OutputSizeSampler() {
  }

  static SampleSize measure(List<DataFile> files, Configuration jobConf, long targetBytes) throws IOException {
    long sampleBytes = Math.min(targetBytes, MAX_SAMPLE_BYTES);
    DataFormat format = files.get(0).format();
    List<DataFile> order = spread(files, sampleBytes);
    SampleSize first = format.rewriteSample(order.iterator(), jobConf, sampleBytes);
    long total = files.stream().mapToLong(DataFile::payloadBytes).sum();
    if (first.payloadBytes() >= total || first.outputBytes() >= sampleBytes) {
      return first;
    }
    return format.rewriteSample(order.iterator(), jobConf, (long) (sampleBytes / first.outputPerPayloadByte()));
  }

  /** Every file once: indexes 0, k, 2k, ..., then 1, 1 + k, ..., with k chosen from the files' data bytes. */
  static List<DataFile> spread(List<DataFile> files, long sampleBytes) {
    long total = files.stream().mapToLong(DataFile::payloadBytes).sum();
    int stride = (int) Math.max(1, Math.min(files.size(), total / (PAYLOAD_PER_SAMPLE_BYTE * sampleBytes)));
    List<DataFile> order = new ArrayList<>(files.size());
    for (int offset = 0; offset < stride; offset++) {
      for (int i = offset; i < files.size(); i += stride) {
        order.add(files.get(i));
      }
    }
    return order;
  }
}
