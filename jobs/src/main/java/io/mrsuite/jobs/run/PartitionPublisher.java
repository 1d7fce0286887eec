package io.mrsuite.jobs.run;

import java.io.IOException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a staged output directory as a partition, replacing any earlier one whole.
 *
 * <p>Jobs write into a hidden sibling ({@code _staging.<name>.<run>}), which no {@code dt=*} glob or
 * FileInputFormat reads. Publishing renames the old partition aside, the staged one in, then deletes the
 * old one; if the second rename fails the old one is put back. A reader sees old or new, never a mix.
 */
public final class PartitionPublisher {
  private static final Logger LOG = LoggerFactory.getLogger(PartitionPublisher.class);

  private final FileSystem fs;
  private final String runId;

  /** @param runId unique per run; names the staging and set-aside directories */
  public PartitionPublisher(FileSystem fs, String runId) {
    this.fs = fs;
    this.runId = runId;
  }

  /** Where to stage output that will become {@code target}: a hidden sibling on the same filesystem. */
  public Path stagingFor(Path target) {
    return new Path(target.getParent(), "_staging." + target.getName() + "." + runId);
  }

  /** Moves {@code staged} to {@code target}, replacing what is there. */
  public void publish(Path staged, Path target) throws IOException {
    fs.mkdirs(target.getParent());
    if (!fs.exists(target)) {
      rename(staged, target);
      return;
    }
    Path aside = new Path(target.getParent(), "_replaced." + target.getName() + "." + runId);
    rename(target, aside);
    try {
      rename(staged, target);
    } catch (IOException e) {
      if (!fs.rename(aside, target)) {
        throw new IOException("could not publish " + staged + " to " + target + ", and could not restore the"
            + " previous partition from " + aside + ": move it back by hand", e);
      }
      throw e;
    }
    if (!fs.delete(aside, true)) {
      LOG.warn("Published {} but could not delete the replaced partition at {}", target, aside);
    }
  }

  /** Deletes a staging directory after a failed run; never throws, so the original failure stays visible. */
  public void discard(Path staged) {
    try {
      fs.delete(staged, true);
    } catch (IOException e) {
      LOG.warn("Could not delete staging directory {}: {}", staged, e.toString());
    }
  }

  private void rename(Path from, Path to) throws IOException {
    if (!fs.rename(from, to)) {
      throw new IOException("could not rename " + from + " to " + to);
    }
  }
}
