package io.mrsuite.formats.schemas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mrsuite.formats.avro.Event;
import io.mrsuite.formats.avro.Session;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaCompatibilityCheckTest {
  private static final String V1 = "{\"type\":\"record\",\"name\":\"Visit\",\"namespace\":\"t\",\"fields\":["
      + "{\"name\":\"id\",\"type\":\"string\"},{\"name\":\"pages\",\"type\":\"int\"}]}";

  private static Schema schema(String json) {
    return new Schema.Parser().parse(json);
  }

  private static List<String> problems(String current) {
    return SchemaCompatibilityCheck.problems(new SchemaHistory("Visit", List.of(schema(V1))), schema(current));
  }

  @Test
  void everyStoredSchemaIsItsLatestReleasedVersionAndReadsEveryOtherBothWays() {
    for (Schema current : SchemaHistory.STORED) {
      SchemaHistory history = SchemaHistory.load(current.getName());
      assertEquals(List.of(), SchemaCompatibilityCheck.problems(history, current), current.getFullName());
      assertEquals(current, history.versions().get(history.versions().size() - 1));
    }
  }

  @Test
  void eventAndSessionGainedDeviceInV2AndTheirV1HasNone() {
    for (Schema current : List.of(Event.getClassSchema(), Session.getClassSchema())) {
      List<Schema> versions = SchemaHistory.load(current.getName()).versions();
      assertEquals(2, versions.size(), current.getName());
      assertEquals(null, versions.get(0).getField("device"));
      assertEquals(Schema.Type.NULL, versions.get(1).getField("device").schema().getTypes().get(0).getType());
    }
  }

  @Test
  void aRemovedFieldWithoutDefaultIsRefusedBecauseOldReadersNeedIt() {
    assertEquals(List.of("data written with the current Visit (src/main/avro) cannot be read with Visit v1:"
        + " READER_FIELD_MISSING_DEFAULT_VALUE at /fields/1 (pages)"),
        problems("{\"type\":\"record\",\"name\":\"Visit\",\"namespace\":\"t\",\"fields\":["
            + "{\"name\":\"id\",\"type\":\"string\"}]}"));
  }

  @Test
  void aChangedTypeIsRefusedBothWays() {
    assertEquals(List.of(
        "data written with Visit v1 cannot be read with the current Visit (src/main/avro):"
            + " TYPE_MISMATCH at /fields/1/type (reader type: STRING not compatible with writer type: INT)",
        "data written with the current Visit (src/main/avro) cannot be read with Visit v1:"
            + " TYPE_MISMATCH at /fields/1/type (reader type: INT not compatible with writer type: STRING)"),
        problems("{\"type\":\"record\",\"name\":\"Visit\",\"namespace\":\"t\",\"fields\":["
            + "{\"name\":\"id\",\"type\":\"string\"},{\"name\":\"pages\",\"type\":\"string\"}]}"));
  }

  @Test
  void anAddedFieldWithoutDefaultIsRefusedBecauseOldFilesLackIt() {
    List<String> problems = problems("{\"type\":\"record\",\"name\":\"Visit\",\"namespace\":\"t\",\"fields\":["
        + "{\"name\":\"id\",\"type\":\"string\"},{\"name\":\"pages\",\"type\":\"int\"},"
        + "{\"name\":\"device\",\"type\":\"string\"}]}");
    assertEquals(1, problems.size(), problems::toString);
    assertTrue(problems.get(0).startsWith("data written with Visit v1 cannot be read with the current Visit"
        + " (src/main/avro): READER_FIELD_MISSING_DEFAULT_VALUE at /fields/2"), problems.get(0));
  }

  @Test
  void aCompatibleChangeMustBeRecordedAsTheNextVersion() {
    assertEquals(List.of("t.Visit differs from its latest released version, schema-history/Visit/v1.avsc: record it"
        + " as schema-history/Visit/v2.avsc with " + SchemaCompatibilityCheck.RECORD_COMMAND),
        problems("{\"type\":\"record\",\"name\":\"Visit\",\"namespace\":\"t\",\"fields\":["
            + "{\"name\":\"id\",\"type\":\"string\"},{\"name\":\"pages\",\"type\":\"int\"},"
            + "{\"name\":\"device\",\"type\":[\"null\",\"string\"],\"default\":null}]}"));
  }

  @Test
  void aNewRecordMustBeRecordedAsItsFirstVersion() {
    assertEquals(List.of("t.Visit has no released version: record it as schema-history/Visit/v1.avsc with "
        + SchemaCompatibilityCheck.RECORD_COMMAND),
        SchemaCompatibilityCheck.problems(new SchemaHistory("Visit", List.of()), schema(V1)));
  }

  @Test
  void anIncompatibleReleasedVersionIsFoundAmongAllPairsNotOnlyNeighbours() {
    Schema v2 = schema("{\"type\":\"record\",\"name\":\"Visit\",\"namespace\":\"t\",\"fields\":["
        + "{\"name\":\"id\",\"type\":\"string\"},{\"name\":\"pages\",\"type\":\"int\",\"default\":0}]}");
    Schema v3 = schema("{\"type\":\"record\",\"name\":\"Visit\",\"namespace\":\"t\",\"fields\":["
        + "{\"name\":\"id\",\"type\":\"string\"}]}");
    List<String> problems = SchemaCompatibilityCheck.problems(new SchemaHistory("Visit", List.of(schema(V1), v2, v3)),
        v3);
    assertEquals(List.of("data written with Visit v3 cannot be read with Visit v1:"
        + " READER_FIELD_MISSING_DEFAULT_VALUE at /fields/1 (pages)"), problems);
  }

  @Test
  void aVersionIsFoundFromTheSchemaAFileCarries() {
    SchemaHistory events = SchemaHistory.forRecord(Event.getClassSchema().getFullName()).orElseThrow();
    Schema v1InAFileHeader = schema(events.versions().get(0).toString());
    assertEquals(OptionalInt.of(1), events.versionOf(v1InAFileHeader));
    assertEquals(OptionalInt.of(2), events.versionOf(Event.getClassSchema()));
    assertEquals(OptionalInt.empty(), events.versionOf(schema(V1)));
    assertTrue(SchemaHistory.forRecord("t.Visit").isEmpty());
  }

  @Test
  void aSchemaSourceThatIsNotStoredIsNamed(@TempDir Path sources) throws IOException {
    Files.writeString(sources.resolve("Event.avsc"), "{}");
    Files.writeString(sources.resolve("Refund.avsc"), "{}");
    assertEquals(List.of("Refund.avsc is not in SchemaHistory.STORED, so its evolution would go unchecked"),
        SchemaCompatibilityCheck.unlisted(sources));
  }
}
