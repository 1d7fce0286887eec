package io.mrsuite.jobs.run;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.lib.output.FileOutputCommitter;

/** The files of a report partition ({@code reports/<report>/dt=D}), staged and published whole with _SUCCESS. */
public final class ReportFiles {
  private ReportFiles() {
  }

  /**
   * Publishes {@code files} (name to content) as {@code output}, replacing an earlier report of the day.
   *
   * @param runId names the staging or run directory
   * @return the directory that holds them (a run directory on an object store)
   */
  public static Path publish(FileSystem fs, Configuration conf, Path output, String runId, Map<String, byte[]> files)
      throws IOException {
    PartitionPublisher publisher = new PartitionPublisher(fs, runId, PublishMode.of(fs, conf));
    Path staged = publisher.stagingFor(output);
    try {
      fs.mkdirs(staged);
      for (Map.Entry<String, byte[]> file : files.entrySet()) {
        try (OutputStream out = fs.create(new Path(staged, file.getKey()), true)) {
          out.write(file.getValue());
        }
      }
      fs.create(new Path(staged, FileOutputCommitter.SUCCEEDED_FILE_NAME), true).close();
      publisher.publish(staged, output);
      return PartitionPointer.dataDir(fs, output);
    } finally {
      if (fs.exists(staged)) {
        publisher.discard(staged);
      }
    }
  }
}
