package io.mrsuite.formats.records;

import java.io.IOException;
import java.util.List;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.mapred.AvroValue;
import org.apache.hadoop.io.Text;
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
 * Reads the Avro and Parquet files of warehouse partitions as generic records keyed by dataset label.
 *
 * <p>The label, such as {@code curated/events} or {@code marts/product_daily}, is taken from the file's path.
 * Files and chunks of them are packed into few splits as {@link CombinedAvroKeyInputFormat} packs them (of
 * about {@code mapreduce.input.fileinputformat.split.maxsize} bytes, {@link #DEFAULT_MAX_SPLIT_BYTES} when the
 * job sets none), so one split may hold several datasets. Avro readers start at the first sync marker in their
 * chunk, Parquet readers take the row groups whose middle lies in theirs, so each record is read once.
 */
public class DatasetFileInputFormat extends CombineFileInputFormat<Text, AvroValue<GenericRecord>> {
  /** Files named so are read as Parquet, every other file as Avro. */
  public static final String PARQUET_SUFFIX = ".parquet";
  /** Split size when the job sets none. */
  public static final long DEFAULT_MAX_SPLIT_BYTES = CombinedAvroKeyInputFormat.DEFAULT_MAX_SPLIT_BYTES;

  @Override
  public List<InputSplit> getSplits(JobContext job) throws IOException {
    if (job.getConfiguration().get(FileInputFormat.SPLIT_MAXSIZE) == null) {
      setMaxSplitSize(DEFAULT_MAX_SPLIT_BYTES);
    }
    return super.getSplits(job);
  }

  @Override
  public RecordReader<Text, AvroValue<GenericRecord>> createRecordReader(InputSplit split,
      TaskAttemptContext context) throws IOException {
    return new CombineFileRecordReader<>((CombineFileSplit) split, context, FileInSplit.class);
  }

  /** Reads file or chunk {@code index} of a combined split. Its constructor is what CombineFileRecordReader calls. */
  public static final class FileInSplit extends CombineFileRecordReaderWrapper<Text, AvroValue<GenericRecord>> {
    private final long bytes;

    public FileInSplit(CombineFileSplit split, TaskAttemptContext context, Integer index)
        throws IOException, InterruptedException {
      super(new OneFile(), split, context, index);
      bytes = split.getLength(index);
    }

    @Override
    public void initialize(InputSplit split, TaskAttemptContext context) throws IOException, InterruptedException {
      super.initialize(split, context);
      ChunkBytes.count(context, bytes);
    }
  }

  /** One file or chunk, read by {@link DatasetRecordReader}. */
  private static final class OneFile extends FileInputFormat<Text, AvroValue<GenericRecord>> {
    @Override
    public RecordReader<Text, AvroValue<GenericRecord>> createRecordReader(InputSplit split,
        TaskAttemptContext context) {
      return new DatasetRecordReader();
    }
  }
}
