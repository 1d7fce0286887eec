package io.mrsuite.jobs.gendata;

import io.mrsuite.jobs.warehouse.Warehouse;
import java.io.IOException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapreduce.Mapper;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;

/**
 * Generates one shard. Its files are task side-effect files: written into the task attempt's work directory
 * ({@link FileOutputFormat#getWorkOutputPath}), which the FileOutputCommitter promotes into the job's staging
 * output when the attempt commits, and discards when it fails. That keeps the names of our choosing (no
 * {@code part-m-NNNNN} task numbers, so the layout does not depend on which task wrote what) while keeping the
 * commit protocol: a failed or speculative attempt leaves nothing behind.
 */
public class GenDataMapper extends Mapper<Shard, NullWritable, NullWritable, NullWritable> {
  private GenDataPlan plan;
  private Catalog catalog;

  @Override
  protected void setup(Context context) {
    plan = GenDataKeys.plan(context.getConfiguration());
    catalog = new Catalog(plan.seed());
  }

  @Override
  protected void map(Shard shard, NullWritable ignored, Context context) throws IOException, InterruptedException {
    Path work = FileOutputFormat.getWorkOutputPath(context);
    FileSystem fs = work.getFileSystem(context.getConfiguration());
    ShardReporter reporter = new ShardReporter() {
      @Override
      public void count(Enum<?> counter, long amount) {
        context.getCounter(counter).increment(amount);
      }

      @Override
      public void progress() {
        context.progress();
      }
    };
    context.setStatus("generating " + shard);
    try (ShardFiles files = new ShardFiles(fs, reporter)) {
      new ShardGenerator(plan, catalog, shard, new Warehouse(work), files, reporter).run();
    }
  }
}
