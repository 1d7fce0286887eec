package io.mrsuite.jobs.run;

import java.io.IOException;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.lib.output.FileOutputCommitterFactory;
import org.apache.hadoop.mapreduce.lib.output.PathOutputCommitter;
import org.apache.hadoop.mapreduce.lib.output.PathOutputCommitterFactory;

/**
 * Commits job output on an object store with Hadoop's S3A "magic" committer, unless the user chose another.
 *
 * <p>On {@code s3a://} a rename is a copy of every object, and not atomic. Hadoop's classic
 * {@code FileOutputCommitter} renames each task's files into place, and with algorithm 1 again at job commit.
 * The magic committer uploads each task's files to their final names as multipart uploads, completed only at
 * job commit: no rename, no copy, and nothing visible of a failed attempt (docs/object-store.md).
 * {@code FileOutputFormat} asks {@link PathOutputCommitterFactory} by the output's scheme; for {@code s3a} the
 * factory reads {@value #S3A_COMMITTER_NAME} from the job's configuration, where Hadoop's default is
 * {@code file}, the classic committer. The key means nothing to other filesystems.
 */
public final class ObjectStoreCommitter {
  /** Which S3A committer writes output on {@code s3a://}: {@code magic} unless set. */
  public static final String S3A_COMMITTER_NAME = "fs.s3a.committer.name";
  static final String MAGIC = "magic";

  private ObjectStoreCommitter() {
  }

  public static void configure(Configuration conf) {
    if (!UserSettings.isSet(conf, S3A_COMMITTER_NAME)) {
      conf.set(S3A_COMMITTER_NAME, MAGIC);
    }
  }

  /**
   * The committer Hadoop's factory gives {@code output}, for an output format that always picks its own (parquet's
   * {@code ParquetOutputCommitter} is a {@code FileOutputCommitter} on any filesystem); empty where the factory
   * would give the classic committer, so such a format keeps its own there.
   */
  public static Optional<PathOutputCommitter> forOutput(Path output, TaskAttemptContext context) throws IOException {
    PathOutputCommitterFactory factory = PathOutputCommitterFactory.getCommitterFactory(output,
        context.getConfiguration());
    if (factory instanceof FileOutputCommitterFactory) {
      return Optional.empty();
    }
    return Optional.of(factory.createOutputCommitter(output, context));
  }
}
