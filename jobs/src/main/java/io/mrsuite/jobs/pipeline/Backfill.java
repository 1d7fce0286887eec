package io.mrsuite.jobs.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mrsuite.jobs.run.JobFailedException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * {@code pipeline --from A --to B}: the days A .. B built in date order, each as {@code --date} builds it, stopping
 * at the first day that fails.
 *
 * <p>Which days are done is kept in {@code reports/backfill/A_B.json} while the range is unfinished, so the same
 * command run again resumes at the day that failed (or at the day a killed client was on); the file is removed when
 * the last day is done, and the same command then rebuilds the whole range again.
 */
final class Backfill {
  /** Where the state of unfinished backfills is kept, under the root. */
  static final String STATE_DIR = "reports/backfill";
  private static final ObjectMapper JSON = new ObjectMapper();

  private Backfill() {
  }

  static Path stateFile(Path root, LocalDate from, LocalDate to) {
    return new Path(new Path(root, STATE_DIR), from + "_" + to + ".json");
  }

  static void run(PipelineJob.DayRunner runner, FileSystem fs, Path root, List<LocalDate> days, PrintStream out)
      throws IOException, InterruptedException {
    LocalDate from = days.get(0);
    LocalDate to = days.get(days.size() - 1);
    String range = PipelineJob.NAME + " --from " + from + " --to " + to;
    Path state = stateFile(root, from, to);
    Set<LocalDate> done = read(fs, state);
    if (!done.isEmpty()) {
      out.println(range + ": resuming; done by an earlier run (" + state + "): " + done);
    }
    Instant started = Instant.now();
    List<LocalDate> built = new ArrayList<>();
    for (LocalDate day : days) {
      if (done.contains(day)) {
        continue;
      }
      try {
        runner.run(day);
      } catch (JobFailedException e) {
        write(fs, state, from, to, done, day, e.getMessage());
        throw new JobFailedException(range + ": dt=" + day + " failed: " + e.getMessage() + "; "
            + (done.isEmpty() ? "no day is done" : "done: " + done) + "; run the same command again to resume at dt="
            + day + " (" + state + ")");
      }
      done.add(day);
      built.add(day);
      write(fs, state, from, to, done, null, null);
    }
    if (!fs.delete(state, false) && fs.exists(state)) {
      throw new IOException("the backfill is done but its state " + state + " could not be deleted");
    }
    out.println(range + ": SUCCEEDED, " + built.size() + " of " + days.size() + " days built in "
        + Durations.text(Duration.between(started, Instant.now())) + (built.size() < days.size()
            ? " (" + (days.size() - built.size()) + " done by an earlier run)" : ""));
  }

  private static Set<LocalDate> read(FileSystem fs, Path state) throws IOException {
    Set<LocalDate> done = new TreeSet<>();
    try (InputStream in = fs.open(state)) {
      for (JsonNode day : JSON.readTree(in).path("done")) {
        done.add(LocalDate.parse(day.asText()));
      }
    } catch (FileNotFoundException e) {
      // A new backfill.
    }
    return done;
  }

  private static void write(FileSystem fs, Path state, LocalDate from, LocalDate to, Set<LocalDate> done,
      LocalDate failed, String message) throws IOException {
    ObjectNode root = JSON.createObjectNode().put("from", from.toString()).put("to", to.toString());
    done.forEach(day -> root.withArray("done").add(day.toString()));
    if (failed != null) {
      root.put("failed", failed.toString()).put("message", message);
    }
    root.put("updated", Instant.now().toString());
    try (OutputStream out = fs.create(state, true)) {
      JSON.writerWithDefaultPrettyPrinter().writeValue(out, root);
    }
  }
}
