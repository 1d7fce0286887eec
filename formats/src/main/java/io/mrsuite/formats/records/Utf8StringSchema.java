package io.mrsuite.formats.records;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;

/**
 * A schema as it is, less the {@value GenericData#STRING_PROP} property that the generated classes put on every
 * string. Read with it, a string comes as Avro's {@code Utf8}, its bytes as they are in the file and the object
 * reused from record to record, instead of a new {@code String} decoded from them. A reader that only hashes or
 * re-encodes the bytes saves both. The two schemas are the same Avro schema: the property is Java's only.
 */
final class Utf8StringSchema {
  private static final ObjectMapper JSON = new ObjectMapper();
  // A handful of record types and versions: the stored schemas and the marts' Parquet schemas.
  private static final Map<Schema, Schema> CACHE = new ConcurrentHashMap<>();

  private Utf8StringSchema() {
  }

  static Schema of(Schema schema) {
    return CACHE.computeIfAbsent(schema, Utf8StringSchema::withoutStringType);
  }

  private static Schema withoutStringType(Schema schema) {
    try {
      JsonNode tree = JSON.readTree(schema.toString());
      strip(tree);
      return new Schema.Parser().parse(JSON.writeValueAsString(tree));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy the schema " + schema.getFullName(), e);
    }
  }

  private static void strip(JsonNode node) {
    if (node instanceof ObjectNode object) {
      object.remove(GenericData.STRING_PROP);
    }
    node.forEach(Utf8StringSchema::strip);
  }
}
