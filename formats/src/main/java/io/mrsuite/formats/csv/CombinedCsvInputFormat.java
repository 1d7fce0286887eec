package io.mrsuite.formats.csv;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.io.WritableUtils;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.JobContext;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.lib.input.CombineFileInputFormat;
import org.apache.hadoop.mapreduce.lib.input.CombineFileRecordReader;
import org.apache.hadoop.mapreduce.lib.input.CombineFileRecordReaderWrapper;
import org.apache.hadoop.mapreduce.lib.input.CombineFileSplit;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;

/**
 * CSV files packed into few splits, so that a day's export of many small files is not a map task per file.
 *
 * <p>Hadoop's {@link CombineFileInputFormat} groups whole small files, and chunks of large splittable ones, into
 * splits of at most {@code mapreduce.input.fileinputformat.split.maxsize} bytes ({@link #DEFAULT_MAX_SPLIT_BYTES}
 * when the job sets none: without a limit it packs a whole node's files into one split). Each file or chunk is
 * read exactly as {@link CsvInputFormat} reads a split of it, so records, offsets and quarantine are the same.
 */
public class CombinedCsvInputFormat extends CombineFileInputFormat<LongWritable, CsvRecord> {
  /** Split size when the job sets none: as ingest-events' event files. */
  public static final long DEFAULT_MAX_SPLIT_BYTES = 128L << 20;

  @Override
  protected boolean isSplitable(JobContext context, Path file) {
    return CsvInputFormat.splittable(context.getConfiguration(), file);
  }

  @Override
  public List<InputSplit> getSplits(JobContext job) throws IOException {
    Configuration conf = job.getConfiguration();
    if (conf.get(FileInputFormat.SPLIT_MAXSIZE) == null) {
      setMaxSplitSize(DEFAULT_MAX_SPLIT_BYTES);
    }
    List<String> header = expectedHeader(conf);
    List<InputSplit> splits = new ArrayList<>();
    for (InputSplit split : super.getSplits(job)) {
      splits.add(new CsvFilesSplit((CombineFileSplit) split, header));
    }
    return splits;
  }

  @Override
  public RecordReader<LongWritable, CsvRecord> createRecordReader(InputSplit split, TaskAttemptContext context)
      throws IOException {
    return new CombineFileRecordReader<>((CombineFileSplit) split, context, FileInSplit.class);
  }

  /** The header every file must have; as {@link CsvInputFormat#expectedHeader}, overridden per dataset. */
  protected List<String> expectedHeader(Configuration conf) {
    return CsvInputKeys.expectedHeader(conf);
  }

  /** A combined split that carries the header its files must have, for the reader of each file. */
  public static final class CsvFilesSplit extends CombineFileSplit {
    private List<String> header = List.of();

    /** For Hadoop, which makes a split and then reads it. */
    public CsvFilesSplit() {
    }

    CsvFilesSplit(CombineFileSplit files, List<String> header) throws IOException {
      super(files.getPaths(), files.getStartOffsets(), files.getLengths(), files.getLocations());
      this.header = List.copyOf(header);
    }

    List<String> header() {
      return header;
    }

    @Override
    public void write(DataOutput out) throws IOException {
      super.write(out);
      WritableUtils.writeVInt(out, header.size());
      for (String column : header) {
        Text.writeString(out, column);
      }
    }

    @Override
    public void readFields(DataInput in) throws IOException {
      super.readFields(in);
      int columns = WritableUtils.readVInt(in);
      List<String> read = new ArrayList<>(columns);
      for (int i = 0; i < columns; i++) {
        read.add(Text.readString(in));
      }
      header = List.copyOf(read);
    }
  }

  /** Reads file {@code index} of a combined split. The constructor's shape is what CombineFileRecordReader calls. */
  public static final class FileInSplit extends CombineFileRecordReaderWrapper<LongWritable, CsvRecord> {
    public FileInSplit(CombineFileSplit split, TaskAttemptContext context, Integer index)
        throws IOException, InterruptedException {
      super(oneFile(((CsvFilesSplit) split).header()), split, context, index);
    }

    private static FileInputFormat<LongWritable, CsvRecord> oneFile(List<String> header) {
      return new CsvInputFormat() {
        @Override
        protected List<String> expectedHeader(Configuration conf) {
          return header;
        }
      };
    }
  }
}
