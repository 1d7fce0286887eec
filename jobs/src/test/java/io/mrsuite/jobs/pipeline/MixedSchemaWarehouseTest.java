package io.mrsuite.jobs.pipeline;

import static io.mrsuite.jobs.pipeline.PipelineRuns.conf;
import static io.mrsuite.jobs.pipeline.PipelineRuns.copyRaw;
import static io.mrsuite.jobs.pipeline.PipelineRuns.martRows;
import static io.mrsuite.jobs.pipeline.PipelineRuns.pipeline;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mrsuite.formats.avro.EnrichedEvent;
import io.mrsuite.formats.avro.Event;
import io.mrsuite.formats.avro.Session;
import io.mrsuite.formats.schemas.SchemaHistory;
import io.mrsuite.jobs.compact.CompactJob;
import io.mrsuite.jobs.gendata.GenDataJob;
import io.mrsuite.jobs.measures.EventMeasures;
import io.mrsuite.jobs.pipeline.PipelineRuns.Run;
import io.mrsuite.jobs.warehouse.Dataset;
import io.mrsuite.jobs.warehouse.Zone;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.file.DataFileConstants;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DatumReader;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.hadoop.util.ToolRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A warehouse that lived through Event v2 (device): its first day was written by v1 jobs, the arrival partition
 * of its second day holds files of both versions, and the later days are written by v2 jobs, which read the old
 * partitions with their own reader schema. Run through the whole chain (and a compaction of the mixed partition),
 * it gives exactly the marts of the same raw data written by v2 alone, and exactly its sessions and enriched
 * events but for what v1 could not know: a device v1 wrote into attributes, and sessions opened by such an event.
 */
@Timeout(900)
class MixedSchemaWarehouseTest {
  private static final LocalDate FIRST = LocalDate.of(2026, 11, 1);
  private static final LocalDate SECOND = FIRST.plusDays(1);
  private static final LocalDate LAST = FIRST.plusDays(2);
  private static final String DEVICE = "device";

  @TempDir
  Path tmp;

  /** Events written by v1, by where their raw line is: {@code raw/events/.../file.jsonl.gz:line}. */
  private final Set<String> writtenByV1 = new HashSet<>();

  @Test
  void theOldAndNewPartitionsTogetherGiveExactlyWhatTheNewSchemaAloneGives() throws Exception {
    Path raw = tmp.resolve("generated");
    assertEquals(0, ToolRunner.run(conf(), new GenDataJob(), new String[] {"--root", raw.toString(), "--days", "4",
        "--start-date", FIRST.toString(), "--events-per-day", "400", "--seed", "20261205", "--bad-rate", "0"}));
    Path allV2 = copyRaw(raw, tmp, "all-v2");
    succeeds(pipeline(allV2, "--from", FIRST.toString(), "--to", LAST.toString()));

    Path mixed = copyRaw(raw, tmp, "mixed");
    succeeds(pipeline(mixed, "--date", FIRST.toString()));
    // What v1 jobs would have written: the first day's curated data, and half of the second arrival day's events.
    for (Dataset dataset : List.of(Dataset.EVENTS, Dataset.EVENTS_DEDUP, Dataset.EVENTS_ENRICHED, Dataset.SESSIONS)) {
      for (Path file : dataFiles(partition(mixed, dataset, FIRST))) {
        rewriteAsV1(file);
      }
    }
    Path mixedArrival = partition(mixed, Dataset.EVENTS, SECOND);
    List<Path> secondArrival = dataFiles(mixedArrival);
    assertEquals(1, secondArrival.size(), secondArrival::toString);
    Path whole = secondArrival.get(0);
    int records = AvroFile.read(whole).records().size();
    splitIntoV1AndV2(whole, whole.resolveSibling(whole.getFileName().toString().replace(".avro", "-b.avro")));
    assertTrue(writtenByV1.size() > records / 2, "the first arrival day and half of the second are v1");

    succeeds(pipeline(mixed, "--from", SECOND.toString(), "--to", LAST.toString()));
    // Compaction merges the mixed partition into v2; the second day is then built again from it.
    assertEquals(0, ToolRunner.run(conf(), new CompactJob(), new String[] {"--dataset", mixedArrival.toString()}));
    List<Path> compacted = dataFiles(mixedArrival);
    assertEquals(1, compacted.size(), compacted::toString);
    assertEquals(Event.getClassSchema(), schemaOf(compacted.get(0)));
    JsonNode compactions = new ObjectMapper().readTree(mixedArrival.resolve("_manifest.json").toFile())
        .get("compactions");
    assertEquals("Event v1 (1 file) + Event v2 (1 file) -> Event v2", compactions.get(0).get("schemas").asText());
    succeeds(pipeline(mixed, "--date", SECOND.toString()));

    for (Dataset mart : Dataset.inZone(Zone.MARTS)) {
      for (LocalDate day = FIRST; !day.isAfter(LAST); day = day.plusDays(1)) {
        List<String> expected = martRows(partition(allV2, mart, day));
        assertTrue(!expected.isEmpty(), mart + " " + day);
        assertEquals(expected, martRows(partition(mixed, mart, day)), mart + " " + day);
      }
    }
    int sessionsWithDevice = 0;
    int sessionsOpenedByV1 = 0;
    for (LocalDate day = FIRST; !day.isAfter(LAST); day = day.plusDays(1)) {
      boolean allV1 = day.equals(FIRST);
      List<EnrichedEvent> enriched = read(partition(allV2, Dataset.EVENTS_ENRICHED, day), EnrichedEvent.class);
      List<String> expectedEvents = new ArrayList<>();
      for (EnrichedEvent event : enriched) {
        expectedEvents.add(comparable(allV1 || byV1(event.getEvent()) ? asWrittenByV1(event) : event));
      }
      assertEquals(sorted(expectedEvents), sorted(read(partition(mixed, Dataset.EVENTS_ENRICHED, day),
          EnrichedEvent.class).stream().map(MixedSchemaWarehouseTest::comparable).toList()), "events " + day);

      List<Session> expectedSessions = new ArrayList<>();
      for (Session session : read(partition(allV2, Dataset.SESSIONS, day), Session.class)) {
        sessionsWithDevice += session.getDevice() == null ? 0 : 1;
        if (allV1 || byV1(firstEvent(session, enriched))) {
          sessionsOpenedByV1 += session.getDevice() == null ? 0 : 1;
          session.setDevice(null);
        }
        expectedSessions.add(session);
      }
      List<Session> sessions = read(partition(mixed, Dataset.SESSIONS, day), Session.class);
      Comparator<Session> byId = Comparator.comparing(Session::getSessionId);
      expectedSessions.sort(byId);
      sessions.sort(byId);
      assertEquals(expectedSessions, sessions, "sessions " + day);
    }
    assertTrue(sessionsOpenedByV1 > 0 && sessionsOpenedByV1 < sessionsWithDevice,
        sessionsOpenedByV1 + " of " + sessionsWithDevice + " sessions with a device were opened by a v1 event");
  }

  private static void succeeds(Run run) {
    assertEquals(0, run.exitCode(), run.err());
  }

  private static Path partition(Path root, Dataset dataset, LocalDate day) {
    return root.resolve(dataset.zone().dir()).resolve(dataset.dir()).resolve("dt=" + day);
  }

  private static List<Path> dataFiles(Path partition) throws IOException {
    try (Stream<Path> files = Files.list(partition)) {
      return files.filter(f -> !f.getFileName().toString().startsWith("_") && !f.getFileName().toString()
          .startsWith(".")).sorted().toList();
    }
  }

  /** Rewrites the file in place as its record's v1 would have written it. */
  private void rewriteAsV1(Path file) throws IOException {
    AvroFile avro = AvroFile.read(file);
    Schema v1 = v1Of(avro.records().get(0).getSchema());
    List<GenericRecord> old = new ArrayList<>();
    for (GenericRecord record : avro.records()) {
      old.add(downgrade(record, v1));
    }
    write(file, v1, avro.codec(), old);
  }

  /** Splits the file in two: its first half rewritten in place as v1, its second half kept as v2 in {@code newer}. */
  private void splitIntoV1AndV2(Path file, Path newer) throws IOException {
    AvroFile avro = AvroFile.read(file);
    List<GenericRecord> records = avro.records();
    int half = records.size() / 2;
    write(newer, records.get(0).getSchema(), avro.codec(), records.subList(half, records.size()));
    write(file, records.get(0).getSchema(), avro.codec(), records.subList(0, half));
    rewriteAsV1(file);
  }

  private record AvroFile(List<GenericRecord> records, String codec) {
    static AvroFile read(Path file) throws IOException {
      try (DataFileReader<GenericRecord> reader = new DataFileReader<>(file.toFile(), new GenericDatumReader<>())) {
        List<GenericRecord> records = new ArrayList<>();
        reader.forEach(records::add);
        String codec = reader.getMetaString(DataFileConstants.CODEC);
        return new AvroFile(records, codec == null ? DataFileConstants.NULL_CODEC : codec);
      }
    }
  }

  /** Writes the file as a job would, and drops its stale checksum, which Hadoop's local filesystem would check. */
  private static void write(Path file, Schema schema, String codec, List<GenericRecord> records) throws IOException {
    Files.deleteIfExists(file.resolveSibling("." + file.getFileName() + ".crc"));
    try (DataFileWriter<GenericRecord> writer = new DataFileWriter<>(new GenericDatumWriter<>(schema))) {
      writer.setCodec(CodecFactory.fromString(codec));
      writer.create(schema, file.toFile());
      for (GenericRecord record : records) {
        writer.append(record);
      }
    }
  }

  private static Schema v1Of(Schema schema) {
    return SchemaHistory.forRecord(schema.getFullName()).orElseThrow().versions().get(0);
  }

  /** The record as its v1 was written: nested records too; an event's string device in its attributes. */
  private GenericRecord downgrade(GenericRecord record, Schema v1) {
    GenericRecord old = new GenericData.Record(v1);
    for (Schema.Field field : v1.getFields()) {
      Object value = record.get(field.name());
      old.put(field.name(), value instanceof GenericRecord nested ? downgrade(nested, field.schema()) : value);
    }
    if (v1.getName().equals("Event")) {
      writtenByV1.add(where(record.get("source_file").toString(), (Long) record.get("source_line")));
      Object device = record.get(DEVICE);
      if (device != null) {
        @SuppressWarnings("unchecked")
        Map<Object, Object> attributes = new HashMap<>((Map<Object, Object>) record.get("attributes"));
        attributes.put(DEVICE, device);
        old.put("attributes", attributes);
      }
    }
    return old;
  }

  private static String where(String sourceFile, long line) {
    return sourceFile.substring(sourceFile.indexOf("/raw/") + 1) + ":" + line;
  }

  private boolean byV1(Event event) {
    return writtenByV1.contains(where(event.getSourceFile(), event.getSourceLine()));
  }

  /** The event a session opened with: its visitor's first at its start, in (event_time, event_id) order. */
  private static Event firstEvent(Session session, List<EnrichedEvent> enriched) {
    return enriched.stream().map(EnrichedEvent::getEvent)
        .filter(e -> EventMeasures.visitor(e).equals(session.getVisitor()))
        .filter(e -> e.getEventTime().equals(session.getSessionStart()))
        .min(Comparator.comparing(Event::getEventId)).orElseThrow();
  }

  private static EnrichedEvent asWrittenByV1(EnrichedEvent enriched) {
    EnrichedEvent copy = EnrichedEvent.newBuilder(enriched).build();
    Event event = copy.getEvent();
    if (event.getDevice() != null) {
      Map<String, String> attributes = new HashMap<>(event.getAttributes());
      attributes.put(DEVICE, event.getDevice());
      event.setAttributes(attributes);
      event.setDevice(null);
    }
    return copy;
  }

  /** The enriched event as text, its source file relative to its warehouse root, its attributes in key order. */
  private static String comparable(EnrichedEvent enriched) {
    EnrichedEvent copy = EnrichedEvent.newBuilder(enriched).build();
    Event event = copy.getEvent();
    String source = event.getSourceFile();
    event.setSourceFile(source.substring(source.indexOf("/raw/") + 1));
    event.setAttributes(new TreeMap<>(event.getAttributes()));
    return copy.toString();
  }

  private static List<String> sorted(List<String> values) {
    List<String> copy = new ArrayList<>(values);
    copy.sort(null);
    return copy;
  }

  private static Schema schemaOf(Path file) throws IOException {
    try (DataFileReader<GenericRecord> reader = new DataFileReader<>(file.toFile(), new GenericDatumReader<>())) {
      return reader.getSchema();
    }
  }

  private static <T> List<T> read(Path partition, Class<T> type) throws IOException {
    List<T> records = new ArrayList<>();
    for (Path file : dataFiles(partition)) {
      records.addAll(read(file, new SpecificDatumReader<>(type)));
    }
    return records;
  }

  private static <T> List<T> read(Path file, DatumReader<T> datumReader) throws IOException {
    List<T> records = new ArrayList<>();
    try (DataFileReader<T> reader = new DataFileReader<>(file.toFile(), datumReader)) {
      reader.forEach(records::add);
    }
    return records;
  }
}
