package io.mrsuite.formats.text;

import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.JobContext;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;

/** One split per file, read whole by {@link FileLineRecordReader}: exact line numbers, any codec. */
public class WholeFileLineInputFormat extends FileInputFormat<LongWritable, RawLine> {

  @Override
  protected boolean isSplitable(JobContext context, Path file) {
    return false;
  }

  @Override
  public RecordReader<LongWritable, RawLine> createRecordReader(InputSplit split, TaskAttemptContext context) {
    return new FileLineRecordReader();
  }
}
