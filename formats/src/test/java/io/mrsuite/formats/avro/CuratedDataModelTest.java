package io.mrsuite.formats.avro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.LogicalTypes;
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
import org.apache.avro.util.Utf8;
import org.junit.jupiter.api.Test;

/** The curated model reads with Avro's fast reader and gives what Avro's classic specific reader gives. */
class CuratedDataModelTest {
  private static final Schema JAVA_STRING = new Schema.Parser().parse("{\"type\":\"string\",\"avro.java.string\":\"String\"}");
  private static final Schema PRICE = LogicalTypes.decimal(12, 2).addToSchema(Schema.create(Schema.Type.BYTES));
  private static final Schema DAY = LogicalTypes.date().addToSchema(Schema.create(Schema.Type.INT));
  private static final Schema THING = SchemaBuilder.record("Thing").namespace("io.mrsuite.test").fields()
      .name("id").type(JAVA_STRING).noDefault()
      .name("plain").type().stringType().noDefault()
      .name("maybe").type(Schema.createUnion(Schema.create(Schema.Type.NULL), JAVA_STRING)).withDefault(null)
      .name("price").type(Schema.createUnion(Schema.create(Schema.Type.NULL), PRICE)).withDefault(null)
      .name("day").type(DAY).noDefault()
      .name("tags").type(Schema.createMap(JAVA_STRING)).noDefault()
      .name("words").type(Schema.createArray(Schema.create(Schema.Type.STRING))).noDefault()
      .endRecord();

  @Test
  void readsWithAvrosFastReaderAsItsClassicReaderDoes() throws IOException {
    List<GenericRecord> things = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      GenericRecord thing = new GenericData.Record(THING);
      thing.put("id", "id-" + i);
      thing.put("plain", "é" + i);
      thing.put("maybe", i == 1 ? null : "m" + i);
      thing.put("price", i == 2 ? null : new BigDecimal("12.5" + i));
      thing.put("day", LocalDate.of(2026, 11, 20 + i));
      thing.put("tags", Map.of("k" + i, "v" + i));
      thing.put("words", List.of("a", "b" + i));
      things.add(thing);
    }
    CuratedDataModel model = new CuratedDataModel(getClass().getClassLoader());
    byte[] bytes = write(model, things);
    assertTrue(model.isFastReaderEnabled());
    CuratedDataModel classic = new CuratedDataModel(getClass().getClassLoader()) {
      @Override
      public boolean isFastReaderEnabled() {
        return false;
      }
    };
    assertFalse(classic.isFastReaderEnabled());

    List<Object> fast = read(model.createDatumReader(THING), bytes, 3);
    List<Object> slow = read(classic.createDatumReader(THING), bytes, 3);
    for (int i = 0; i < 3; i++) {
      // As text: a record's own equals compares without the decimal and date conversions.
      assertEquals(model.toString(slow.get(i)), model.toString(fast.get(i)));
    }
    GenericRecord first = (GenericRecord) fast.get(0);
    assertInstanceOf(String.class, first.get("id"));
    assertInstanceOf(Utf8.class, first.get("plain"));
    assertInstanceOf(String.class, first.get("maybe"));
    assertEquals(new BigDecimal("12.50"), first.get("price"));
    assertEquals(LocalDate.of(2026, 11, 20), first.get("day"));
    assertInstanceOf(String.class, ((Map<?, ?>) first.get("tags")).values().iterator().next());
    assertInstanceOf(Utf8.class, ((List<?>) first.get("words")).get(0));
  }

  private static byte[] write(CuratedDataModel model, List<GenericRecord> records) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    GenericDatumWriter<GenericRecord> writer = new GenericDatumWriter<>(THING, model);
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
