package io.mrsuite.jobs.pull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mrsuite.formats.partition.PartitionNames;
import io.mrsuite.jobs.run.CrashPoints;
import io.mrsuite.jobs.run.JobFailedException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The commit of one pull, written before any of it is done, so that a client killed half-way is finished by the
 * next run: the staged files moved into the warehouse, the hours closed, then the checkpoint written, then the
 * journal removed. Each step can be repeated, so finishing twice does no harm; the checkpoint moves on only after
 * the files are in, so no range is ever skipped, and a range once moved is never read again.
 *
 * @param moves staged file and its place in the warehouse, each
 * @param closes hour folders ({@code raw/events/dt=D/hr=HH}) that get {@code _SUCCESS}
 */
record PullJournal(String runId, Path staging, List<Move> moves, List<Path> closes, PullState state) {
  static final String FILE = "_pending.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  record Move(Path from, Path to) {
  }

  /** Finishes the commit a killed run left in {@code home}, if any; true when there was one. */
  static boolean finishLeftOver(FileSystem fs, Path home, PrintStream out, CrashPoints crash) throws IOException {
    Path file = new Path(home, FILE);
    if (!fs.exists(file)) {
      return false;
    }
    PullJournal journal;
    try (InputStream in = fs.open(file)) {
      journal = fromJson(JSON.readTree(in));
    }
    out.println(PullEventsJob.NAME + ": finishing the commit of run " + journal.runId() + " left by a killed client ("
        + file + ")");
    journal.apply(fs, home, crash);
    return true;
  }

  /** Writes the journal; fails if one is there, which only a second writer could have left meanwhile. */
  void write(FileSystem fs, Path home) throws IOException {
    try (OutputStream stream = fs.create(new Path(home, FILE), false)) {
      stream.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(toJson()));
    } catch (FileAlreadyExistsException e) {
      throw new JobFailedException(PullEventsJob.NAME + ": " + new Path(home, FILE) + " appeared during this run: "
          + "another pull of the topic is committing");
    }
  }

  /** Does every step, skipping those already done. */
  void apply(FileSystem fs, Path home, CrashPoints crash) throws IOException {
    int moved = 0;
    for (Move move : moves) {
      if (fs.exists(move.from())) {
        if (fs.exists(move.to())) {
          throw new JobFailedException(PullEventsJob.NAME + ": " + move.to() + " exists already, and so does the file"
              + " of this run meant to land there (" + move.from() + "); was the checkpoint (" + new Path(home,
              PullState.FILE) + ") deleted? Nothing more is moved");
        }
        fs.mkdirs(move.to().getParent());
        if (!fs.rename(move.from(), move.to())) {
          throw new IOException("could not move " + move.from() + " to " + move.to());
        }
      }
      crash.reach("moved-" + ++moved);
    }
    for (Path hour : closes) {
      Path marker = new Path(hour, PartitionNames.SUCCESS_MARKER);
      if (!fs.exists(marker)) {
        fs.mkdirs(hour);
        fs.create(marker, false).close();
      }
    }
    state.write(fs, home);
    crash.reach("checkpoint-written");
    fs.delete(new Path(home, FILE), false);
    fs.delete(staging, true);
  }

  ObjectNode toJson() {
    ObjectNode json = JSON.createObjectNode().put("run", runId).put("staging", staging.toString());
    ArrayNode movesJson = json.putArray("moves");
    moves.forEach(move -> movesJson.addObject().put("from", move.from().toString()).put("to", move.to().toString()));
    ArrayNode closesJson = json.putArray("closes");
    closes.forEach(hour -> closesJson.add(hour.toString()));
    json.set("state", state.toJson());
    return json;
  }

  static PullJournal fromJson(JsonNode json) {
    List<Move> moves = new ArrayList<>();
    json.get("moves").forEach(move -> moves.add(new Move(new Path(move.get("from").asText()),
        new Path(move.get("to").asText()))));
    List<Path> closes = new ArrayList<>();
    json.get("closes").forEach(hour -> closes.add(new Path(hour.asText())));
    return new PullJournal(json.get("run").asText(), new Path(json.get("staging").asText()), moves, closes,
        PullState.fromJson(json.get("state")));
  }
}
