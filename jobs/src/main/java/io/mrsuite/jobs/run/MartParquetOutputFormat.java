package io.mrsuite.jobs.run;

import java.io.IOException;
import org.apache.hadoop.mapreduce.RecordWriter;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.parquet.avro.AvroParquetOutputFormat;

/**
 * Writes a mart's rows as Parquet through parquet-avro's {@link AvroParquetOutputFormat}, failing the attempts a
 * test names ({@link TaskFaults}).
 *
 * <p>The files are parquet-avro's own: only the writer is watched, and only when the test hook is set.
 */
public class MartParquetOutputFormat<T> extends AvroParquetOutputFormat<T> {
  @Override
  public RecordWriter<Void, T> getRecordWriter(TaskAttemptContext context) throws IOException, InterruptedException {
    return TaskFaults.watch(super.getRecordWriter(context), context);
  }
}
