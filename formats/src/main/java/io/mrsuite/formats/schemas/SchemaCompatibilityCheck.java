package io.mrsuite.formats.schemas;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityResult;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

/**
 * The build's check that the warehouse's schemas evolve compatibly, run by the formats module after it is
 * compiled (exec-maven-plugin), so an incompatible change fails the build instead of a job reading old files.
 *
 * <p>Every version of a record, released or current, must read data written with every other one, both ways
 * (Avro's {@link SchemaCompatibility}): new jobs read old partitions, and old jobs still running during an
 * upgrade read new ones. So a field is added or removed only with a default, and a type never changes. The
 * current schema must also be recorded in the history once it differs from the latest released version.
 */
public final class SchemaCompatibilityCheck {
  /** The Maven command that records compatible new or changed schemas as their next versions. */
  static final String RECORD_COMMAND = "./mvnw -pl formats compile exec:java@record-schema-versions";

  private SchemaCompatibilityCheck() {
  }

  /**
   * Checks every stored record schema against its history. Arguments: the folder of the schema sources, whose
   * {@code .avsc} files must all be stored schemas, so a new one cannot go unchecked; then, optionally,
   * {@code --record RESOURCES}, which writes each compatible new or changed schema as its next version under
   * {@code RESOURCES/schema-history} instead of refusing it.
   *
   * @throws IllegalStateException listing every problem, which fails the build
   */
  public static void main(String[] args) throws IOException {
    List<String> problems = new ArrayList<>(unlisted(Path.of(args[0])));
    Path recordTo = args.length > 2 && args[1].equals("--record") ? Path.of(args[2]) : null;
    for (Schema current : SchemaHistory.STORED) {
      SchemaHistory history = SchemaHistory.load(current.getName());
      List<String> incompatible = incompatibilities(history, current);
      if (!incompatible.isEmpty() || !unrecorded(history, current)) {
        problems.addAll(incompatible);
      } else if (recordTo != null) {
        Path file = recordTo.resolve(SchemaHistory.resource(history.name(), history.versions().size() + 1));
        Files.createDirectories(file.getParent());
        Files.writeString(file, current.toString(true) + "\n");
        System.out.println("schema check: recorded " + file);
      } else {
        problems.add(unrecordedProblem(history, current));
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException("the warehouse's schemas do not evolve compatibly:\n  Error: "
          + String.join("\n  Error: ", problems));
    }
    System.out.println("schema check: " + SchemaHistory.STORED.size() + " stored record schemas, each compatible"
        + " both ways with every released version in " + SchemaHistory.RESOURCE_DIR + "/");
  }

  /** What is wrong with {@code current} and the released versions of its history; empty when nothing. */
  public static List<String> problems(SchemaHistory history, Schema current) {
    List<String> problems = incompatibilities(history, current);
    return problems.isEmpty() && unrecorded(history, current) ? List.of(unrecordedProblem(history, current))
        : problems;
  }

  /** Whether {@code current} is not the latest released version (or nothing is released). */
  private static boolean unrecorded(SchemaHistory history, Schema current) {
    List<Schema> versions = history.versions();
    return versions.isEmpty() || !versions.get(versions.size() - 1).equals(current);
  }

  private static String unrecordedProblem(SchemaHistory history, Schema current) {
    int released = history.versions().size();
    String next = SchemaHistory.resource(history.name(), released + 1);
    return released == 0
        ? current.getFullName() + " has no released version: record it as " + next + " with " + RECORD_COMMAND
        : current.getFullName() + " differs from its latest released version, "
            + SchemaHistory.resource(history.name(), released) + ": record it as " + next + " with " + RECORD_COMMAND;
  }

  /** Every pair of versions, released or current, that cannot read the other's data, in either direction. */
  private static List<String> incompatibilities(SchemaHistory history, Schema current) {
    String name = history.name();
    List<Schema> versions = new ArrayList<>(history.versions());
    boolean unreleased = unrecorded(history, current);
    if (unreleased) {
      versions.add(current);
    }
    List<String> problems = new ArrayList<>();
    for (int newer = 1; newer < versions.size(); newer++) {
      for (int older = 0; older < newer; older++) {
        String newLabel = label(name, newer, versions.size(), unreleased);
        String oldLabel = label(name, older, versions.size(), false);
        check(versions.get(newer), versions.get(older), newLabel, oldLabel, problems);
        check(versions.get(older), versions.get(newer), oldLabel, newLabel, problems);
      }
    }
    return problems;
  }

  private static String label(String name, int index, int count, boolean unreleased) {
    return unreleased && index == count - 1 ? "the current " + name + " (src/main/avro)"
        : name + " v" + (index + 1);
  }

  private static void check(Schema reader, Schema writer, String readerLabel, String writerLabel,
      List<String> problems) {
    SchemaCompatibilityResult result = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getResult();
    if (result.getCompatibility() == SchemaCompatibilityType.COMPATIBLE) {
      return;
    }
    String why = result.getIncompatibilities().stream().map(SchemaCompatibilityCheck::describe)
        .collect(Collectors.joining("; "));
    problems.add("data written with " + writerLabel + " cannot be read with " + readerLabel + ": " + why);
  }

  private static String describe(Incompatibility incompatibility) {
    return incompatibility.getType() + " at " + incompatibility.getLocation() + " (" + incompatibility.getMessage()
        + ")";
  }

  /** Schema sources in {@code avroSources} that are not stored schemas, by record name. */
  static List<String> unlisted(Path avroSources) throws IOException {
    Set<String> stored = SchemaHistory.STORED.stream().map(Schema::getName)
        .collect(Collectors.toCollection(TreeSet::new));
    try (Stream<Path> files = Files.list(avroSources)) {
      return files.map(file -> file.getFileName().toString()).filter(file -> file.endsWith(".avsc"))
          .map(file -> file.substring(0, file.length() - ".avsc".length())).filter(record -> !stored.contains(record))
          .sorted().map(record -> record + ".avsc is not in SchemaHistory.STORED, so its evolution would go unchecked")
          .toList();
    }
  }
}
