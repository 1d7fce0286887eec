package io.mrsuite.jobs.pull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A topic's checkpoint, {@code raw/events/_kafka/<topic>/offsets.json}: per partition the next offset to read and
 * the timestamp of the last record read (its position in time), the first hour the pull wrote and the last hour
 * closed. It is written only after the files it accounts for are in the warehouse ({@link PullJournal}).
 *
 * @param offsets next offset to read, by partition
 * @param positions timestamp (epoch ms) of the last record read, by partition
 * @param firstHour the earliest hour a record was written to; empty before the first record
 * @param closedThrough the last hour closed; it and every hour before it have {@code _SUCCESS}
 */
record PullState(String topic, Map<Integer, Long> offsets, Map<Integer, Long> positions, Optional<ArrivalHour> firstHour,
    Optional<ArrivalHour> closedThrough) {
  static final String FILE = "offsets.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  static PullState empty(String topic) {
    return new PullState(topic, Map.of(), Map.of(), Optional.empty(), Optional.empty());
  }

  /** The checkpoint in {@code home}, or the empty state of a topic never pulled. */
  static PullState read(FileSystem fs, Path home, String topic) throws IOException {
    Path file = new Path(home, FILE);
    if (!fs.exists(file)) {
      return empty(topic);
    }
    try (InputStream in = fs.open(file)) {
      return fromJson(JSON.readTree(in));
    }
  }

  /** Replaces the checkpoint: written beside it and renamed over it, so a reader sees the old or the new one. */
  void write(FileSystem fs, Path home) throws IOException {
    Path file = new Path(home, FILE);
    Path next = new Path(home, "_" + FILE + ".next");
    try (OutputStream out = fs.create(next, true)) {
      out.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(toJson()));
    }
    fs.delete(file, false);
    if (!fs.rename(next, file)) {
      throw new IOException("could not rename " + next + " to " + file);
    }
  }

  ObjectNode toJson() {
    ObjectNode json = JSON.createObjectNode().put("topic", topic);
    ObjectNode offsetsJson = json.putObject("offsets");
    offsets.forEach((partition, offset) -> offsetsJson.put(String.valueOf(partition), offset));
    ObjectNode positionsJson = json.putObject("positions");
    positions.forEach((partition, time) -> positionsJson.put(String.valueOf(partition), time));
    firstHour.ifPresent(hour -> json.put("first_hour", hour.name()));
    closedThrough.ifPresent(hour -> json.put("closed_through", hour.name()));
    return json;
  }

  static PullState fromJson(JsonNode json) {
    return new PullState(json.get("topic").asText(), numbers(json.get("offsets")), numbers(json.get("positions")),
        Optional.ofNullable(json.get("first_hour")).map(node -> ArrivalHour.parse(node.asText())),
        Optional.ofNullable(json.get("closed_through")).map(node -> ArrivalHour.parse(node.asText())));
  }

  /** The offsets as {@code KafkaInputKeys.START_OFFSETS} takes them. */
  String startOffsets() {
    return offsets.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining(","));
  }

  private static Map<Integer, Long> numbers(JsonNode node) {
    Map<Integer, Long> values = new TreeMap<>();
    if (node != null) {
      node.fields().forEachRemaining(e -> values.put(Integer.parseInt(e.getKey()), e.getValue().asLong()));
    }
    return values;
  }
}
