package io.mrsuite.jobs.run;

import io.mrsuite.jobs.run.PublishJournal.Move;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes staged output directories as partitions, replacing earlier ones whole, several as one unit.
 *
 * <p>Jobs write into a hidden sibling ({@code _staging.<name>.<run>}), which no {@code dt=*} glob or
 * FileInputFormat reads. Publishing first writes a {@link PublishJournal} naming every move, then renames
 * each old partition aside and the staged one in, then deletes the old ones and the journal. If a rename
 * fails the old partitions are put back. If the process dies instead, the journal stays, and the next run
 * of the partition finishes the publish ({@link #finish(FileSystem, PublishJournal)}): readers that see a
 * journal wait for it, so they see all the old partitions or all the new ones.
 */
public final class PartitionPublisher {
  private static final Logger LOG = LoggerFactory.getLogger(PartitionPublisher.class);

  private final FileSystem fs;
  private final String runId;
  private final CrashPoints crashPoints;
  private final PublishMode mode;
  private final List<Path> published = new ArrayList<>();
  private PublishJournal unfinished;

  /** @param runId unique per run; names the staging and set-aside directories */
  public PartitionPublisher(FileSystem fs, String runId) {
    this(fs, runId, CrashPoints.none());
  }

  /** @param mode how partitions are replaced on {@code fs} ({@link PublishMode#of}) */
  public PartitionPublisher(FileSystem fs, String runId, PublishMode mode) {
    this(fs, runId, CrashPoints.none(), mode);
  }

  /** @param crashPoints where a test stops the client between the publish's steps */
  public PartitionPublisher(FileSystem fs, String runId, CrashPoints crashPoints) {
    this(fs, runId, crashPoints, PublishMode.RENAME);
  }

  /**
   * @param crashPoints where a test stops the client between the publish's steps
   * @param mode how partitions are replaced on {@code fs} ({@link PublishMode#of})
   */
  public PartitionPublisher(FileSystem fs, String runId, CrashPoints crashPoints, PublishMode mode) {
    this.fs = fs;
    this.runId = runId;
    this.crashPoints = crashPoints;
    this.mode = mode;
  }

  /**
   * Where to stage output that will become {@code target}: a hidden sibling on the same filesystem, or, when
   * publishing by pointer, the run's own directory inside the partition.
   */
  public Path stagingFor(Path target) {
    if (mode == PublishMode.POINTER) {
      return PartitionPointer.runDir(target, runId);
    }
    return new Path(target.getParent(), "_staging." + target.getName() + "." + runId);
  }

  public PublishMode mode() {
    return mode;
  }

  /** Moves {@code staged} to {@code target}, replacing what is there. */
  public void publish(Path staged, Path target) throws IOException {
    publishTogether(target, List.of(staged), List.of(target));
  }

  /**
   * Moves each staged directory to its target, in order, as one unit: afterwards all targets are new, or,
   * when this throws, all are old again, or the journal is left for the next run to finish.
   *
   * @param partition the run's own partition, one of the targets; its next run finishes an interrupted publish
   */
  public void publishTogether(Path partition, List<Path> staged, List<Path> targets) throws IOException {
    if (mode == PublishMode.POINTER) {
      pointAt(staged, targets);
      return;
    }
    List<Move> moves = new ArrayList<>();
    for (int i = 0; i < staged.size(); i++) {
      Path target = targets.get(i);
      fs.mkdirs(target.getParent());
      moves.add(new Move(staged.get(i), target, new Path(target.getParent(), "_replaced." + target.getName() + "."
          + runId)));
    }
    PublishJournal journal = new PublishJournal(runId, partition, moves);
    journal.write(fs);
    unfinished = journal;
    crashPoints.reach("journal-written");
    try {
      finish(fs, journal, crashPoints);
    } catch (IOException e) {
      try {
        rollBack(journal);
      } catch (IOException rollBack) {
        e.addSuppressed(rollBack);
        throw new IOException("could not publish " + targets + " (" + e.getMessage() + "), nor put the old"
            + " partitions back; the next run of " + targets.get(0) + " finishes the publish that "
            + journal.path() + " describes", e);
      }
      throw e;
    }
    unfinished = null;
  }

  /**
   * Points each target at its staged run directory, in order. When a pointer cannot be written, those already
   * switched are pointed back where they had a pointer before; a client killed in between, or a first publish cut
   * there, leaves the curated and quarantine manifests naming different runs, which readers take for an
   * incomplete day that the next run writes again.
   */
  private void pointAt(List<Path> staged, List<Path> targets) throws IOException {
    List<Optional<PartitionPointer>> before = new ArrayList<>();
    for (int i = 0; i < staged.size(); i++) {
      Path target = targets.get(i);
      if (!staged.get(i).getParent().equals(target)) {
        throw new IllegalArgumentException(staged.get(i) + " is not a run directory of " + target);
      }
      before.add(PartitionPointer.read(fs, target));
      try {
        new PartitionPointer(runId, staged.get(i).getName()).write(fs, target);
      } catch (IOException e) {
        for (int j = i - 1; j >= 0; j--) {
          if (before.get(j).isPresent()) {
            before.get(j).get().write(fs, targets.get(j));
          }
        }
        throw e;
      }
      published.add(staged.get(i));
      crashPoints.reach("moved-" + i);
    }
    for (int i = 0; i < targets.size(); i++) {
      String current = staged.get(i).getName();
      Optional<String> previous = before.get(i).map(PartitionPointer::data);
      deleteRunDirs(targets.get(i), name -> !name.equals(current) && !previous.equals(Optional.of(name)));
    }
  }

  /** Deletes the run directories of {@code partition} whose names match; what cannot be deleted is logged. */
  private void deleteRunDirs(Path partition, Predicate<String> which) throws IOException {
    for (FileStatus dir : fs.listStatus(partition, path -> path.getName().startsWith(PartitionPointer.RUN_DIR_PREFIX)
        && which.test(path.getName()))) {
      if (!fs.delete(dir.getPath(), true)) {
        LOG.warn("Published {} but could not delete the run directory {}", partition, dir.getPath());
      }
    }
  }

  /**
   * Carries out the moves a journal names, whatever part of them was done before, then deletes the journal.
   * Every staged directory it names was complete when it was written, so finishing is always right.
   */
  public static void finish(FileSystem fs, PublishJournal journal) throws IOException {
    finish(fs, journal, CrashPoints.none());
  }

  private static void finish(FileSystem fs, PublishJournal journal, CrashPoints crashPoints) throws IOException {
    for (int i = 0; i < journal.moves().size(); i++) {
      Move move = journal.moves().get(i);
      if (fs.exists(move.staged())) {
        if (fs.exists(move.target())) {
          if (fs.exists(move.aside())) {
            throw new IOException("cannot finish the publish of " + move.target() + ": it, the staged "
                + move.staged() + " and the replaced " + move.aside() + " all exist");
          }
          rename(fs, move.target(), move.aside());
          crashPoints.reach("aside-" + i);
        }
        rename(fs, move.staged(), move.target());
        crashPoints.reach("moved-" + i);
      } else if (!fs.exists(move.target())) {
        throw new IOException("cannot finish the publish of " + move.target() + ": neither it nor the staged "
            + move.staged() + " exists");
      }
    }
    for (Move move : journal.moves()) {
      if (fs.exists(move.aside()) && !fs.delete(move.aside(), true)) {
        LOG.warn("Published {} but could not delete the replaced partition at {}", move.target(), move.aside());
      }
    }
    crashPoints.reach("asides-deleted");
    journal.delete(fs);
  }

  /** Undoes the moves done so far, last first, and deletes the journal. */
  private void rollBack(PublishJournal journal) throws IOException {
    List<Move> moves = new ArrayList<>(journal.moves());
    for (int i = moves.size() - 1; i >= 0; i--) {
      Move move = moves.get(i);
      if (!fs.exists(move.staged()) && fs.exists(move.target())) {
        rename(fs, move.target(), move.staged());
      }
      if (fs.exists(move.aside())) {
        rename(fs, move.aside(), move.target());
      }
    }
    journal.delete(fs);
    unfinished = null;
  }

  /**
   * Deletes a staging directory after a failed run; never throws, so the original failure stays visible.
   * Keeps it when a publish that needs it is unfinished.
   */
  public void discard(Path staged) {
    if (published.contains(staged)) {
      return;
    }
    if (unfinished != null && unfinished.moves().stream().anyMatch(move -> move.staged().equals(staged))) {
      LOG.warn("Keeping {}: the unfinished publish {} needs it", staged, unfinished.path());
      return;
    }
    try {
      fs.delete(staged, true);
    } catch (IOException e) {
      LOG.warn("Could not delete staging directory {}: {}", staged, e.toString());
    }
  }

  private static void rename(FileSystem fs, Path from, Path to) throws IOException {
    if (!fs.rename(from, to)) {
      throw new IOException("could not rename " + from + " to " + to);
    }
  }
}
