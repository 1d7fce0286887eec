package io.mrsuite.jobs.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The record of a publish in progress: which staged directories replace which partitions.
 *
 * <p>It is written, complete, before the first rename and deleted after the last one. While it exists the
 * partitions it names are being replaced; a run that finds it after a crash finishes the publish, since
 * every staged directory it names was complete and checked before it was written. It lives beside the
 * run's own partition as {@code _publish.<name>.json}, a hidden name readers skip, where the next run of that
 * partition finds it.
 *
 * @param partition the run's own partition, beside which the journal lives
 * @param moves in the order they are made
 */
public record PublishJournal(String runId, Path partition, List<Move> moves) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One partition replaced: the staged directory that becomes it and where the old one is set aside. */
  public record Move(Path staged, Path target, Path aside) {
  }

  /** Where the journal of a publish by the run of {@code target} lives. */
  public static Path pathFor(Path target) {
    return new Path(target.getParent(), "_publish." + target.getName() + ".json");
  }

  /** Whether a publish of {@code target} was begun and not finished. */
  public static boolean pending(FileSystem fs, Path target) throws IOException {
    return fs.exists(pathFor(target));
  }

  /** The unfinished publish of {@code target}, if any. */
  public static Optional<PublishJournal> read(FileSystem fs, Path target) throws IOException {
    Path path = pathFor(target);
    if (!fs.exists(path)) {
      return Optional.empty();
    }
    JsonNode root;
    try (InputStream in = fs.open(path)) {
      root = JSON.readTree(in);
    } catch (IOException e) {
      throw new IOException("cannot read the publish journal " + path + ": " + e.getMessage(), e);
    }
    List<Move> moves = new ArrayList<>();
    for (JsonNode move : root.path("moves")) {
      moves.add(new Move(new Path(move.path("staged").asText()), new Path(move.path("target").asText()),
          new Path(move.path("aside").asText())));
    }
    if (moves.isEmpty() || !root.hasNonNull("run_id")) {
      throw new IOException("the publish journal " + path + " names no run or no partition: remove it by hand"
          + " after checking the partitions it was replacing");
    }
    return Optional.of(new PublishJournal(root.get("run_id").asText(), target, moves));
  }

  public Path path() {
    return pathFor(partition);
  }

  /** Writes the journal whole: to a temporary name first, so a crash never leaves half a journal. */
  public void write(FileSystem fs) throws IOException {
    ObjectNode root = JSON.createObjectNode().put("run_id", runId);
    ArrayNode array = root.putArray("moves");
    for (Move move : moves) {
      array.addObject().put("staged", move.staged().toString()).put("target", move.target().toString())
          .put("aside", move.aside().toString());
    }
    Path path = path();
    Path temporary = new Path(path.getParent(), path.getName() + "." + runId + ".tmp");
    try (OutputStream out = fs.create(temporary, true)) {
      JSON.writeValue(out, root);
    }
    if (!fs.rename(temporary, path)) {
      fs.delete(temporary, false);
      throw new IOException("could not write the publish journal " + path);
    }
  }

  public void delete(FileSystem fs) throws IOException {
    if (!fs.delete(path(), false) && fs.exists(path())) {
      throw new IOException("could not delete the publish journal " + path());
    }
  }
}
