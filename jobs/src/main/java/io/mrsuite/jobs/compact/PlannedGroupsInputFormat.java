package io.mrsuite.jobs.compact;

import io.mrsuite.formats.records.ParquetAvroKeyInputFormat;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.mapred.AvroKey;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapreduce.InputFormat;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.JobContext;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.lib.input.CombineFileRecordReader;
import org.apache.hadoop.mapreduce.lib.input.CombineFileRecordReaderWrapper;
import org.apache.hadoop.mapreduce.lib.input.CombineFileSplit;

/**
 * Gives the splits {@link CompactionPlan} made, one per compacted file.
 *
 * <p>Each is a {@link CombineFileSplit} of whole files read one after the other by the format's own input
 * format (Avro's AvroKeyInputFormat or parquet-avro's AvroParquetInputFormat). Planning happens in the
 * driver, which has read every file's header or footer anyway. The plan travels in the configuration
 * ({@link CompactKeys#SPLITS}).
 */
public class PlannedGroupsInputFormat extends InputFormat<AvroKey<GenericRecord>, NullWritable> {

  @Override
  public List<InputSplit> getSplits(JobContext context) throws IOException {
    return new ArrayList<>(CompactKeys.splits(context.getConfiguration()));
  }

  @Override
  public RecordReader<AvroKey<GenericRecord>, NullWritable> createRecordReader(InputSplit split,
      TaskAttemptContext context) throws IOException {
    return new CombineFileRecordReader<>((CombineFileSplit) split, context,
        CompactKeys.format(context.getConfiguration()).fileInSplit());
  }

  /** Reads file {@code index} of a combined split as Avro. Its constructor is what CombineFileRecordReader calls. */
  public static final class AvroFileInSplit extends CombineFileRecordReaderWrapper<AvroKey<GenericRecord>, NullWritable> {
    public AvroFileInSplit(CombineFileSplit split, TaskAttemptContext context, Integer index)
        throws IOException, InterruptedException {
      super(new DataFormat.AvroKeyFormat(), split, context, index);
    }
  }

  /** Reads file {@code index} of a combined split as Parquet. Its constructor is what CombineFileRecordReader calls. */
  public static final class ParquetFileInSplit
      extends CombineFileRecordReaderWrapper<AvroKey<GenericRecord>, NullWritable> {
    public ParquetFileInSplit(CombineFileSplit split, TaskAttemptContext context, Integer index)
        throws IOException, InterruptedException {
      super(new ParquetAvroKeyInputFormat(), split, context, index);
    }
  }
}
