package io.mrsuite.jobs.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.Optional;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.lib.output.FileOutputCommitter;

/**
 * What a reader checks before it trusts a published partition.
 *
 * <p>A partition is complete when it holds {@code _SUCCESS} and no publish of it is pending
 * ({@link PublishJournal}). A curated partition and its quarantine are one run's output when their manifests
 * name the same {@code run_id}; otherwise a publish was cut between them and the day must be written again.
 */
public final class PublishedPartition {
  private static final ObjectMapper JSON = new ObjectMapper();

  private PublishedPartition() {
  }

  public static boolean complete(FileSystem fs, Path partition) throws IOException {
    return fs.exists(new Path(partition, FileOutputCommitter.SUCCEEDED_FILE_NAME))
        && !PublishJournal.pending(fs, partition);
  }

  /** Whether {@code curated} and {@code quarantine} both exist and come from the same run. */
  public static boolean sameRun(FileSystem fs, Path curated, Path quarantine) throws IOException {
    Optional<String> curatedRun = runId(fs, curated);
    return curatedRun.isPresent() && Objects.equals(curatedRun, runId(fs, quarantine));
  }

  /** The run that wrote a partition, from its manifest; empty without one. */
  public static Optional<String> runId(FileSystem fs, Path partition) throws IOException {
    Path manifest = new Path(PartitionPointer.dataDir(fs, partition), RunManifest.FILE_NAME);
    if (!fs.exists(manifest)) {
      return Optional.empty();
    }
    try (InputStream in = fs.open(manifest)) {
      return Optional.ofNullable(JSON.readTree(in).path("run_id").textValue());
    }
  }
}
