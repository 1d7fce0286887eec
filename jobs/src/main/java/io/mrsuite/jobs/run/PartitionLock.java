package io.mrsuite.jobs.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One writer per partition: a lock file beside it, {@code _lock.<name>}, created exclusively.
 *
 * <p>The holder renews it (its modification time) while it runs. A lock is stale, and taken over, when its
 * holder ran on this host and its process is gone, or when it was not renewed within the lease
 * ({@value #LEASE_SECONDS}). The file is created with an exclusive create: {@code O_EXCL} on the local
 * filesystem, {@code create(overwrite=false)} on HDFS. On an object store ({@link PublishMode#POINTER}) S3A's
 * {@code setTimes} does nothing, so the holder renews by writing the file again, one PUT that replaces it
 * whole; there, before Hadoop 3.5's conditional create, the create is a check, then a write, not exclusive
 * (docs/object-store.md).
 */
public final class PartitionLock implements AutoCloseable {
  /** Seconds a lock stays held without renewal; after that another run may take it over. Default 600. */
  public static final String LEASE_SECONDS = "mrsuite.lock.lease-seconds";
  static final long DEFAULT_LEASE_SECONDS = 600;

  private static final Logger LOG = LoggerFactory.getLogger(PartitionLock.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final FileSystem fs;
  private final Path file;
  private final String runId;
  private final ScheduledExecutorService renewal;

  /** Who holds a lock, from its file. */
  public record Holder(String job, String runId, String host, long pid, String started, Instant renewed) {
    String describe() {
      return "run " + runId + " of " + job + " on " + host + " (pid " + pid + "), started " + started
          + ", renewed " + renewed;
    }
  }

  private PartitionLock(FileSystem fs, Path file, String runId, ScheduledExecutorService renewal) {
    this.fs = fs;
    this.file = file;
    this.runId = runId;
    this.renewal = renewal;
  }

  /** The lock file of {@code partition}. */
  public static Path pathFor(Path partition) {
    return new Path(partition.getParent(), "_lock." + partition.getName());
  }

  /**
   * Takes the lock of {@code partition} for this run, or fails naming the run that holds it.
   *
   * @param found where to say that a stale lock was taken over
   */
  public static PartitionLock acquire(String job, String runId, Path partition, Configuration conf,
      Consumer<String> found) throws IOException {
    FileSystem fs = partition.getFileSystem(conf);
    Path file = pathFor(partition);
    Duration lease = Duration.ofSeconds(conf.getLong(LEASE_SECONDS, DEFAULT_LEASE_SECONDS));
    fs.mkdirs(partition.getParent());
    byte[] content = content(job, runId);
    if (!createExclusively(fs, file, content)) {
      Optional<Holder> holder = holder(fs, file);
      if (holder.isPresent() && !stale(holder.get(), lease)) {
        throw new JobFailedException(job + ": " + partition + " is being written by " + holder.get().describe()
            + "; one writer per partition. If that run is dead, delete " + file + " or wait for its lease ("
            + lease.toSeconds() + " s, " + LEASE_SECONDS + ")");
      }
      takeOver(fs, file, holder, runId);
      if (!createExclusively(fs, file, content)) {
        throw new JobFailedException(job + ": " + partition + " was locked by another run while this one took"
            + " over a stale lock; one writer per partition");
      }
      found.accept("took over the stale lock " + file + holder.map(h -> " of " + h.describe()).orElse(""));
    }
    ScheduledExecutorService renewal = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "mrsuite-lock-renewal " + partition.getName());
      thread.setDaemon(true);
      return thread;
    });
    long period = Math.max(1, lease.toSeconds() / 4);
    Runnable renew = PublishMode.of(fs, conf) == PublishMode.POINTER ? () -> rewrite(fs, file, runId, content)
        : () -> touch(fs, file);
    renewal.scheduleAtFixedRate(renew, period, period, TimeUnit.SECONDS);
    return new PartitionLock(fs, file, runId, renewal);
  }

  /** Who holds the lock of {@code partition}, if anyone. */
  public static Optional<Holder> holderOf(FileSystem fs, Path partition) throws IOException {
    return holder(fs, pathFor(partition));
  }

  @Override
  public void close() throws IOException {
    renewal.shutdownNow();
    try {
      // A renewal still writing the file would bring it back after the delete below.
      if (!renewal.awaitTermination(1, TimeUnit.MINUTES)) {
        throw new IOException("could not release the lock " + file + ": its renewal did not stop");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while releasing the lock " + file, e);
    }
    Optional<Holder> holder = holder(fs, file);
    if (holder.isPresent() && !holder.get().runId().equals(runId)) {
      // This run stalled past its lease and another took the lock over: the lock is theirs now.
      LOG.warn("Not releasing {}: it was taken over by {}", file, holder.get().describe());
      return;
    }
    if (!fs.delete(file, false) && fs.exists(file)) {
      throw new IOException("could not release the lock " + file);
    }
  }

  private static byte[] content(String job, String runId) throws IOException {
    return JSON.writeValueAsBytes(JSON.createObjectNode().put("job", job).put("run_id", runId)
        .put("host", ThisProcess.host()).put("pid", ThisProcess.pid()).put("started", Instant.now().toString()));
  }

  private static boolean createExclusively(FileSystem fs, Path file, byte[] content) throws IOException {
    try {
      if ("file".equals(fs.getUri().getScheme())) {
        java.nio.file.Path local = Paths.get(fs.makeQualified(file).toUri());
        Files.write(Files.createFile(local), content);
      } else {
        try (OutputStream out = fs.create(file, false)) {
          out.write(content);
        }
      }
      return true;
    } catch (FileAlreadyExistsException | org.apache.hadoop.fs.FileAlreadyExistsException e) {
      return false;
    }
  }

  private static Optional<Holder> holder(FileSystem fs, Path file) throws IOException {
    try {
      FileStatus status = fs.getFileStatus(file);
      JsonNode root;
      try (InputStream in = fs.open(file)) {
        root = JSON.readTree(in);
      }
      Instant renewed = Instant.ofEpochMilli(status.getModificationTime());
      if (root == null || !root.hasNonNull("run_id")) {
        // Half written by a holder that died while creating it: nobody holds it.
        return Optional.of(new Holder("?", "?", "?", -1, "?", renewed));
      }
      return Optional.of(new Holder(root.path("job").asText(), root.path("run_id").asText(),
          root.path("host").asText(), root.path("pid").asLong(-1), root.path("started").asText(), renewed));
    } catch (FileNotFoundException e) {
      return Optional.empty();
    }
  }

  private static boolean stale(Holder holder, Duration lease) {
    return holder.pid() < 0 || ThisProcess.deadHere(holder.host(), holder.pid()) || holder.renewed().plus(lease).isBefore(Instant.now());
  }

  /** Moves the stale lock aside, checking it is still the one judged stale; another run may have taken it. */
  private static void takeOver(FileSystem fs, Path file, Optional<Holder> judged, String runId) throws IOException {
    Path aside = new Path(file.getParent(), file.getName() + ".stale." + runId);
    if (!fs.rename(file, aside)) {
      return;
    }
    Optional<Holder> moved = holder(fs, aside);
    if (judged.isPresent() && moved.isPresent() && !moved.get().runId().equals(judged.get().runId())) {
      fs.rename(aside, file);
      return;
    }
    fs.delete(aside, false);
  }

  private static void touch(FileSystem fs, Path file) {
    try {
      fs.setTimes(file, System.currentTimeMillis(), -1);
    } catch (IOException e) {
      LOG.warn("Could not renew the lock {}: {}", file, e.toString());
    }
  }

  /** Writes the lock again, unless another run took it over after this one stalled past its lease. */
  private static void rewrite(FileSystem fs, Path file, String runId, byte[] content) {
    try {
      Optional<Holder> holder = holder(fs, file);
      if (holder.isEmpty() || !holder.get().runId().equals(runId)) {
        LOG.warn("Not renewing {}: it is no longer this run's ({})", file,
            holder.map(Holder::describe).orElse("deleted"));
        return;
      }
      try (OutputStream out = fs.create(file, true)) {
        out.write(content);
      }
    } catch (IOException e) {
      LOG.warn("Could not renew the lock {}: {}", file, e.toString());
    }
  }
}
