package io.mrsuite.formats.csv;

import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.hadoop.io.compress.SplittableCompressionCodec;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.JobContext;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;

/**
 * RFC 4180 CSV with a header line, split like any text file although quoted fields may hold line breaks.
 *
 * <p>Each split finds, before its start, a record start that is sure whatever the quote state there, and
 * reads on from it to its own first record (see {@link CsvRecordReader}): every record is read exactly once,
 * by the split in which it starts. bzip2 files are split at bzip2 blocks the same way; gzip files are read
 * whole by one task. The key is the record's byte offset; the value a {@link CsvRecord}, malformed records
 * and the rest of a compressed file that ends early included, so the mapper can quarantine them.
 */
public class CsvInputFormat extends FileInputFormat<LongWritable, CsvRecord> {

  @Override
  protected boolean isSplitable(JobContext context, Path file) {
    return splittable(context.getConfiguration(), file);
  }

  /** A CSV file may be split unless splitting is off or its codec cannot split (gzip). */
  static boolean splittable(Configuration conf, Path file) {
    CompressionCodec codec = new CompressionCodecFactory(conf).getCodec(file);
    return CsvInputKeys.splittable(conf) && (codec == null || codec instanceof SplittableCompressionCodec);
  }

  @Override
  public RecordReader<LongWritable, CsvRecord> createRecordReader(InputSplit split, TaskAttemptContext context) {
    return new CsvRecordReader(expectedHeader(context.getConfiguration()));
  }

  /**
   * The header every file must have, or an empty list to accept any header. Defaults to
   * {@link CsvInputKeys#EXPECTED_HEADER}; a format for one dataset overrides it with its columns.
   */
  protected List<String> expectedHeader(Configuration conf) {
    return CsvInputKeys.expectedHeader(conf);
  }
}
