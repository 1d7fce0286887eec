package io.mrsuite.jobs.dq;

import java.io.IOException;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Reducer;

/** Merges the partial stats of one (dataset, column) into one, so that the shuffle moves one per column. */
public class ColumnStatsCombiner extends Reducer<Text, ColumnStats, Text, ColumnStats> {
  @Override
  protected void reduce(Text key, Iterable<ColumnStats> values, Context context)
      throws IOException, InterruptedException {
    context.write(key, ColumnStatsMerge.of(values));
  }
}
