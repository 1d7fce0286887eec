package io.mrsuite.jobs.compact;

import io.mrsuite.formats.schemas.SchemaHistory;
import io.mrsuite.jobs.run.JobFailedException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaNormalization;
import org.apache.hadoop.fs.Path;

/**
 * The schema compact writes an Avro partition in: its files' own when they share one, else the newest of
 * theirs, into which every file is read by Avro's schema resolution.
 *
 * <p>Files written before and after a schema change can share a partition. The newest is the highest released
 * version ({@link SchemaHistory}) when every file's schema is a version of one stored record; otherwise, for
 * records the warehouse does not version, the schema of the file written last. Either way the newest must be
 * able to read every other file, or the partition is refused: nothing is dropped or defaulted silently.
 *
 * @param schema the schema to read every file with and to write
 * @param description what was merged into what, e.g. {@code Event v1 (2 files) + v2 (1 file) -> v2}, or null when
 *     the files share one schema
 */
record NewestSchema(Schema schema, String description) {

  static NewestSchema of(Path dir, List<DataFile> files) throws JobFailedException {
    Map<Schema, List<DataFile>> bySchema = new LinkedHashMap<>();
    files.forEach(file -> bySchema.computeIfAbsent(file.schema(), s -> new ArrayList<>()).add(file));
    if (bySchema.size() == 1) {
      return new NewestSchema(files.get(0).schema(), null);
    }
    Optional<Map<Schema, Integer>> versions = versions(bySchema.keySet());
    Schema newest = versions.map(v -> v.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey())
        .orElseGet(() -> files.stream().max(Comparator.comparingLong(DataFile::modificationTime)
            .thenComparing(DataFile::name)).orElseThrow().schema());
    for (Map.Entry<Schema, List<DataFile>> side : bySchema.entrySet()) {
      SchemaCompatibility.SchemaCompatibilityResult result =
          SchemaCompatibility.checkReaderWriterCompatibility(newest, side.getKey()).getResult();
      if (result.getCompatibility() != SchemaCompatibilityType.COMPATIBLE) {
        throw new JobFailedException("compact refuses " + dir + ": its files have different schemas, and the newest ("
            + label(newest, versions) + ", of " + names(bySchema.get(newest)) + ") cannot read those of "
            + names(side.getValue()) + ": " + result.getIncompatibilities().stream()
                .map(i -> i.getType() + " at " + i.getLocation() + " (" + i.getMessage() + ")")
                .collect(Collectors.joining("; ")));
      }
    }
    String merged = bySchema.entrySet().stream()
        .sorted(Comparator.comparing(side -> versions.map(v -> v.get(side.getKey())).orElse(0)))
        .map(side -> label(side.getKey(), versions) + " (" + side.getValue().size() + " file"
            + (side.getValue().size() == 1 ? "" : "s") + ")")
        .collect(Collectors.joining(" + "));
    return new NewestSchema(newest, merged + " -> " + label(newest, versions));
  }

  /** Each schema's released version, when all are versions of one stored record. */
  private static Optional<Map<Schema, Integer>> versions(Iterable<Schema> schemas) {
    Map<Schema, Integer> versions = new LinkedHashMap<>();
    for (Schema schema : schemas) {
      if (schema.getType() != Schema.Type.RECORD) {
        return Optional.empty();
      }
      Optional<SchemaHistory> history = SchemaHistory.forRecord(schema.getFullName());
      OptionalInt version = history.isPresent() ? history.get().versionOf(schema) : OptionalInt.empty();
      if (version.isEmpty()) {
        return Optional.empty();
      }
      versions.put(schema, version.getAsInt());
    }
    boolean oneRecord = versions.keySet().stream().map(Schema::getFullName).distinct().count() == 1;
    return oneRecord ? Optional.of(versions) : Optional.empty();
  }

  private static String label(Schema schema, Optional<Map<Schema, Integer>> versions) {
    return versions.map(v -> schema.getName() + " v" + v.get(schema))
        .orElseGet(() -> schema.getFullName() + " (fingerprint " + Long.toHexString(
            SchemaNormalization.parsingFingerprint64(schema)) + ")");
  }

  private static String names(List<DataFile> files) {
    int shown = 5;
    String more = files.size() > shown ? " and " + (files.size() - shown) + " more" : "";
    return files.stream().limit(shown).map(DataFile::name).collect(Collectors.joining(", ")) + more;
  }
}
