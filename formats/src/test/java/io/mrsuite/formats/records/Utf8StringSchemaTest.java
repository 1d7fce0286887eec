package io.mrsuite.formats.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mrsuite.formats.schemas.SchemaHistory;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.junit.jupiter.api.Test;

class Utf8StringSchemaTest {

  @Test
  void everyStoredSchemaLosesTheJavaStringTypeAndNothingElse() {
    for (Schema stored : SchemaHistory.STORED) {
      assertTrue(stored.toString().contains(GenericData.STRING_PROP), stored.getFullName());
      Schema utf8 = Utf8StringSchema.of(stored);

      assertFalse(utf8.toString().contains(GenericData.STRING_PROP), stored.getFullName());
      assertSameApartFromStringType(stored, utf8, stored.getFullName());
      assertSame(utf8, Utf8StringSchema.of(stored), "built once per schema");
    }
  }

  private static void assertSameApartFromStringType(Schema expected, Schema actual, String where) {
    assertEquals(expected.getType(), actual.getType(), where);
    assertEquals(expected.getLogicalType(), actual.getLogicalType(), where);
    Map<String, Object> props = new HashMap<>(expected.getObjectProps());
    props.remove(GenericData.STRING_PROP);
    assertEquals(props, actual.getObjectProps(), where);
    switch (expected.getType()) {
      case RECORD -> {
        assertEquals(expected.getFullName(), actual.getFullName(), where);
        assertEquals(expected.getFields().size(), actual.getFields().size(), where);
        for (Schema.Field field : expected.getFields()) {
          Schema.Field other = actual.getField(field.name());
          assertEquals(field.pos(), other.pos(), where + "." + field.name());
          assertEquals(field.doc(), other.doc(), where + "." + field.name());
          assertEquals(field.defaultVal(), other.defaultVal(), where + "." + field.name());
          assertSameApartFromStringType(field.schema(), other.schema(), where + "." + field.name());
        }
      }
      case UNION -> {
        assertEquals(expected.getTypes().size(), actual.getTypes().size(), where);
        for (int i = 0; i < expected.getTypes().size(); i++) {
          assertSameApartFromStringType(expected.getTypes().get(i), actual.getTypes().get(i), where + "|" + i);
        }
      }
      case ARRAY -> assertSameApartFromStringType(expected.getElementType(), actual.getElementType(), where + "[]");
      case MAP -> assertSameApartFromStringType(expected.getValueType(), actual.getValueType(), where + "{}");
      case ENUM -> assertEquals(expected.getEnumSymbols(), actual.getEnumSymbols(), where);
      default -> assertEquals(expected.getFullName(), actual.getFullName(), where);
    }
  }
}
