package io.mrsuite.formats.records;

import java.io.IOException;
import java.util.List;
import org.apache.avro.mapred.AvroKey;
import org.apache.avro.mapreduce.AvroKeyInputFormat;
import org.apache.hadoop.io.NullWritable;
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
 * Avro container files packed into few splits, each file or chunk read by Avro's own {@link AvroKeyInputFormat}.
 *
 * <p>Hadoop's {@link CombineFileInputFormat} cuts large files into chunks of at most
 * {@code mapreduce.input.fileinputformat.split.maxsize} bytes ({@link #DEFAULT_MAX_SPLIT_BYTES} when the job sets
 * none) and packs chunks and small files into splits, closing a split once it reaches that size. A chunk is read
 * as AvroKeyInputFormat reads a split, from its first sync marker on, so every record is read once.
 *
 * <p>Over a split per file or block, this gives a partition of many small files fewer map tasks, and it spares
 * each record a walk over the filesystem's per-thread statistics: for a plain {@code FileSplit}, Hadoop's map
 * task sums the bytes read before and after every record over every thread that has read the filesystem and
 * not yet been garbage-collected. In local mode each job starts new task threads, and that walk was 6 % of the
 * 1 GB pipeline's CPU samples.
 */
public class CombinedAvroKeyInputFormat<T> extends CombineFileInputFormat<AvroKey<T>, NullWritable> {
  /** Split size when the job sets none: as ingest-events' and the CSV ingests'. */
  public static final long DEFAULT_MAX_SPLIT_BYTES = 128L << 20;

  @Override
  public List<InputSplit> getSplits(JobContext job) throws IOException {
    if (job.getConfiguration().get(FileInputFormat.SPLIT_MAXSIZE) == null) {
      setMaxSplitSize(DEFAULT_MAX_SPLIT_BYTES);
    }
    return super.getSplits(job);
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public RecordReader<AvroKey<T>, NullWritable> createRecordReader(InputSplit split, TaskAttemptContext context)
      throws IOException {
    // A class literal has no type arguments; the reader's are this format's.
    Class<AvroFileInSplit<T>> reader = (Class) AvroFileInSplit.class;
    return new CombineFileRecordReader<>((CombineFileSplit) split, context, reader);
  }

  /** Reads file or chunk {@code index} of a combined split. Its constructor is what CombineFileRecordReader calls. */
  public static final class AvroFileInSplit<T> extends CombineFileRecordReaderWrapper<AvroKey<T>, NullWritable> {
    private final long bytes;

    public AvroFileInSplit(CombineFileSplit split, TaskAttemptContext context, Integer index)
        throws IOException, InterruptedException {
      super(new AvroKeyInputFormat<>(), split, context, index);
      bytes = split.getLength(index);
    }

    @Override
    public void initialize(InputSplit split, TaskAttemptContext context) throws IOException, InterruptedException {
      super.initialize(split, context);
      ChunkBytes.count(context, bytes);
    }
  }
}
