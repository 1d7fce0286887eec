package io.mrsuite.formats.text;

import java.io.IOException;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.JobContext;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.lib.input.CombineFileInputFormat;
import org.apache.hadoop.mapreduce.lib.input.CombineFileRecordReader;
import org.apache.hadoop.mapreduce.lib.input.CombineFileRecordReaderWrapper;
import org.apache.hadoop.mapreduce.lib.input.CombineFileSplit;

/**
 * Packs many small text files into few splits, so thousands of small files do not mean thousands of map tasks.
 *
 * <p>Files may be plain or compressed, and each is read whole. A split holds at most
 * {@code mapreduce.input.fileinputformat.split.maxsize} bytes, grouped by node and rack for locality. Each
 * line is a {@link RawLine} naming its file, line number and offset.
 *
 * <p>Set the maximum split size: without it Hadoop packs a whole node's files into one split.
 */
public class CombinedLineInputFormat extends CombineFileInputFormat<LongWritable, RawLine> {

  @Override
  protected boolean isSplitable(JobContext context, Path file) {
    // Whole files keep line numbers exact and compressed files readable; splitting large plain
    // files is the job of the splittable formats.
    return false;
  }

  @Override
  public RecordReader<LongWritable, RawLine> createRecordReader(InputSplit split, TaskAttemptContext context)
      throws IOException {
    return new CombineFileRecordReader<>((CombineFileSplit) split, context, FileInSplit.class);
  }

  /** Reads file {@code index} of a combined split. The constructor's shape is what CombineFileRecordReader calls. */
  public static final class FileInSplit extends CombineFileRecordReaderWrapper<LongWritable, RawLine> {
    public FileInSplit(CombineFileSplit split, TaskAttemptContext context, Integer index)
        throws IOException, InterruptedException {
      super(new WholeFileLineInputFormat(), split, context, index);
    }
  }
}
