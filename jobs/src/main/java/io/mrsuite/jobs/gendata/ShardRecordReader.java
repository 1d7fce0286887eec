package io.mrsuite.jobs.gendata;

import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptContext;

/** Hands the mapper its split's one {@link Shard}, once. */
public final class ShardRecordReader extends RecordReader<Shard, NullWritable> {
  private Shard shard;
  private boolean delivered;

  @Override
  public void initialize(InputSplit split, TaskAttemptContext context) {
    shard = ((ShardSplit) split).shard();
    delivered = false;
  }

  @Override
  public boolean nextKeyValue() {
    if (delivered) {
      return false;
    }
    delivered = true;
    return true;
  }

  @Override
  public Shard getCurrentKey() {
    return shard;
  }

  @Override
  public NullWritable getCurrentValue() {
    return NullWritable.get();
  }

  @Override
  public float getProgress() {
    return delivered ? 1f : 0f;
  }

  @Override
  public void close() {
  }
}
