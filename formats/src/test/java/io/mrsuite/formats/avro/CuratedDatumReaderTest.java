package io.mrsuite.formats.avro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.util.Utf8;
import org.junit.jupiter.api.Test;

/** The curated model's reader gives what Avro's own specific reader gives, string classes included. */
class CuratedDatumReaderTest {
  private static final Schema JAVA_STRING = new Schema.Parser().parse("{\"type\":\"string\",\"avro.java.string\":\"String\"}");
  private static final Schema THING = SchemaBuilder.record("Thing").namespace("io.mrsuite.test").fields()
      .name("id").type(JAVA_STRING).noDefault()
      .name("plain").type().stringType().noDefault()
      .name("maybe").type(Schema.createUnion(Schema.create(Schema.Type.NULL), JAVA_STRING)).withDefault(null)
      .name("tags").type(Schema.createMap(JAVA_STRING)).noDefault()
      .name("words").type(Schema.createArray(Schema.create(Schema.Type.STRING))).noDefault()
      .endRecord();

  @Test
  void readsRecordsAsAvrosSpecificReaderDoes() throws IOException {
    List<GenericRecord> things = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      GenericRecord thing = new GenericData.Record(THING);
      thing.put("id", "id-" + i);
      thing.put("plain", "é" + i);
      thing.put("maybe", i == 1 ? null : "m" + i);
      thing.put("tags", Map.of("k" + i, "v" + i));
      thing.put("words", List.of("a", "b" + i));
      things.add(thing);
    }
    byte[] bytes = write(things);
    CuratedDataModel model = new CuratedDataModel(getClass().getClassLoader());

    DatumReader<?> curated = model.createDatumReader(THING);
    assertInstanceOf(CuratedDatumReader.class, curated);
    List<Object> ours = read(curated, bytes, 3);
    List<Object> avros = read(new SpecificDatumReader<>(THING, THING, model), bytes, 3);

    assertEquals(avros, ours);
    GenericRecord first = (GenericRecord) ours.get(0);
    assertInstanceOf(String.class, first.get("id"));
    assertInstanceOf(Utf8.class, first.get("plain"));
    assertInstanceOf(String.class, first.get("maybe"));
    assertInstanceOf(String.class, ((Map<?, ?>) first.get("tags")).values().iterator().next());
    assertInstanceOf(Utf8.class, ((List<?>) first.get("words")).get(0));
  }

  private static byte[] write(List<GenericRecord> records) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    GenericDatumWriter<GenericRecord> writer = new GenericDatumWriter<>(THING);
    for (GenericRecord record : records) {
      writer.write(record, encoder);
    }
    encoder.flush();
    return out.toByteArray();
  }

  private static List<Object> read(DatumReader<?> reader, byte[] bytes, int count) throws IOException {
    BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(bytes, null);
    List<Object> records = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      records.add(reader.read(null, decoder));
    }
    return records;
  }
}
