package io.mrsuite.jobs.gendata;

import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapreduce.InputFormat;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.JobContext;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptContext;

/**
 * Makes one synthetic split per (day, shard) of the plan, as TeraGen's RangeInputFormat makes row ranges.
 * The number of map tasks is therefore days x shards, and {@code mapreduce.job.maps} has no say: a shard is
 * the unit of the output, so the same plan always yields the same files however many tasks run at once.
 */
public final class ShardInputFormat extends InputFormat<Shard, NullWritable> {
  @Override
  public List<InputSplit> getSplits(JobContext context) {
    GenDataPlan plan = GenDataKeys.plan(context.getConfiguration());
    List<InputSplit> splits = new ArrayList<>(plan.days() * plan.shards());
    for (int day = 0; day < plan.days(); day++) {
      for (int shard = 0; shard < plan.shards(); shard++) {
        splits.add(new ShardSplit(new Shard(plan.date(day), shard)));
      }
    }
    return splits;
  }

  @Override
  public RecordReader<Shard, NullWritable> createRecordReader(InputSplit split, TaskAttemptContext context) {
    return new ShardRecordReader();
  }
}
