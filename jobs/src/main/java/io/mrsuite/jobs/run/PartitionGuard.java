package io.mrsuite.jobs.run;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * What a run does before it writes a partition, and undoes when it ends: the partition's lock, and recovery.
 *
 * <p>Holding the lock, the run finishes a publish that an earlier run of the partition left unfinished
 * ({@link PublishJournal}), then deletes what killed runs left beside the partition and its quarantine: staging,
 * set-aside and intermediate directories ({@code _<what>.<name>.<run>}). Each thing found is reported on stdout.
 */
public final class PartitionGuard implements AutoCloseable {
  private final PartitionLock lock;

  private PartitionGuard(PartitionLock lock) {
    this.lock = lock;
  }

  /** Takes the lock of the run's output partition, recovers it, and sweeps what earlier runs left. */
  public static PartitionGuard enter(String job, String runId, Path output, Optional<Path> quarantine,
      Configuration conf) throws IOException {
    PrintStream out = System.out;
    Consumer<String> found = finding -> out.println(job + " " + output.getName() + ": " + finding);
    LocalStaging.sweepAndIsolate(conf, found);
    PartitionLock lock = PartitionLock.acquire(job, runId, output, conf, found);
    try {
      FileSystem fs = output.getFileSystem(conf);
      Optional<PublishJournal> unfinished = PublishJournal.read(fs, output);
      if (unfinished.isPresent()) {
        PartitionPublisher.finish(fs, unfinished.get());
        found.accept("finished the publish of run " + unfinished.get().runId() + " that a killed run left ("
            + unfinished.get().path() + ")");
      }
      List<Path> leftovers = new ArrayList<>(leftovers(fs, output));
      if (quarantine.isPresent()) {
        leftovers.addAll(leftovers(fs, quarantine.get()));
      }
      for (Path leftover : leftovers) {
        if (fs.delete(leftover, true)) {
          found.accept("deleted " + leftover + ", left by a killed run");
        }
      }
      return new PartitionGuard(lock);
    } catch (IOException | RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  /** The hidden siblings of a partition that runs of it create: {@code _<what>.<name>.<anything>}. */
  static List<Path> leftovers(FileSystem fs, Path partition) throws IOException {
    if (!fs.exists(partition.getParent())) {
      return List.of();
    }
    String infix = "." + partition.getName() + ".";
    List<Path> found = new ArrayList<>();
    for (FileStatus sibling : fs.listStatus(partition.getParent())) {
      String name = sibling.getPath().getName();
      if (name.startsWith("_") && name.contains(infix)
          && !name.equals(PublishJournal.pathFor(partition).getName())) {
        found.add(sibling.getPath());
      }
    }
    return found;
  }

  @Override
  public void close() throws IOException {
    lock.close();
  }
}
