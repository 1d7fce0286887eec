package io.mrsuite.jobs.run;

import java.io.IOException;
import java.util.Optional;
import org.apache.hadoop.mapreduce.OutputCommitter;
import org.apache.hadoop.mapreduce.RecordWriter;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.lib.output.PathOutputCommitter;
import org.apache.parquet.avro.AvroParquetOutputFormat;

/**
 * Writes a mart's rows as Parquet through parquet-avro's {@link AvroParquetOutputFormat}, failing the attempts a
 * test names ({@link TaskFaults}), and committing through the object store's committer where there is one.
 *
 * <p>The files are parquet-avro's own: only the writer is watched, and only when the test hook is set. Parquet's
 * own committer renames on every filesystem; on {@code s3a://} the output goes through
 * {@link ObjectStoreCommitter} instead, and the writer's work file follows the committer's work path.
 */
public class MartParquetOutputFormat<T> extends AvroParquetOutputFormat<T> {
  private Optional<PathOutputCommitter> objectStoreCommitter;

  @Override
  public RecordWriter<Void, T> getRecordWriter(TaskAttemptContext context) throws IOException, InterruptedException {
    return TaskFaults.watch(super.getRecordWriter(context), context);
  }

  @Override
  public synchronized OutputCommitter getOutputCommitter(TaskAttemptContext context) throws IOException {
    if (objectStoreCommitter == null) {
      objectStoreCommitter = ObjectStoreCommitter.forOutput(getOutputPath(context), context);
    }
    return objectStoreCommitter.isPresent() ? objectStoreCommitter.get() : super.getOutputCommitter(context);
  }
}
