package io.mrsuite.jobs.dq;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.avro.Conversions;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.util.Utf8;
import org.apache.datasketches.hll.HllSketch;

/**
 * How a value of a column is profiled, from its Avro schema. Records are read with the plain generic model
 * (no logical-type conversions), so a timestamp arrives as its long of milliseconds, a date as its int of
 * days and a decimal as its bytes: ranges are kept exact as decimals of those numbers, and the report turns
 * time back into text.
 */
final class ColumnTypes {
  static final String TIMESTAMP_MILLIS = "timestamp-millis";
  static final String LOCAL_TIMESTAMP_MILLIS = "local-timestamp-millis";
  static final String DATE = "date";

  private static final long EMPTY_MARKER = 0L;
  private static final Conversions.DecimalConversion DECIMALS = new Conversions.DecimalConversion();

  private ColumnTypes() {
  }

  /** The branch of a nullable union that is not null; other schemas as they are. */
  static Schema withoutNull(Schema schema) {
    if (schema.getType() != Schema.Type.UNION) {
      return schema;
    }
    Schema found = null;
    for (Schema branch : schema.getTypes()) {
      if (branch.getType() != Schema.Type.NULL) {
        if (found != null) {
          return schema;
        }
        found = branch;
      }
    }
    return found == null ? schema : found;
  }

  /** The type name the report shows: the logical type when there is one, else the Avro type. */
  static String typeName(Schema schema) {
    Schema type = withoutNull(schema);
    LogicalType logical = type.getLogicalType();
    return logical != null ? logical.getName() : type.getType().getName();
  }

  /**
   * Adds one value of a column with schema {@code schema} to its stats. Text and bytes are hashed as their
   * bytes, nested values as their Avro binary form ({@code binary}), none of them copied.
   */
  static void add(ColumnStats stats, Schema schema, Object value, int lgK, BinaryValues binary) throws IOException {
    if (value == null) {
      stats.addNull();
      return;
    }
    stats.addValue();
    // A nullable column's value is of its one other branch; only a union of several is resolved, which costs
    // a schema-name lookup per value.
    Schema type = withoutNull(schema);
    if (type.getType() == Schema.Type.UNION) {
      type = type.getTypes().get(GenericData.get().resolveUnion(type, value));
    }
    HllSketch sketch = stats.sketch(lgK);
    LogicalType logical = type.getLogicalType();
    if (logical instanceof LogicalTypes.Decimal) {
      BigDecimal decimal = type.getType() == Schema.Type.FIXED
          ? DECIMALS.fromFixed((GenericFixed) value, type, logical)
          : DECIMALS.fromBytes(((ByteBuffer) value).duplicate(), type, logical);
      sketch.update(decimal.toPlainString());
      stats.addOrdered(decimal);
      return;
    }
    switch (type.getType()) {
      case INT, LONG -> {
        long number = ((Number) value).longValue();
        sketch.update(number);
        stats.addOrdered(BigDecimal.valueOf(number));
      }
      case FLOAT, DOUBLE -> {
        double number = ((Number) value).doubleValue();
        sketch.update(number);
        if (Double.isFinite(number)) {
          stats.addOrdered(BigDecimal.valueOf(number));
        }
      }
      case BYTES -> updateBytes(sketch, ((ByteBuffer) value).duplicate());
      case FIXED -> updateBytes(sketch, ByteBuffer.wrap(((GenericFixed) value).bytes()));
      case ARRAY, MAP, RECORD, UNION -> updateBytes(sketch, binary.of(type, value));
      case STRING -> updateBytes(sketch, utf8(value));
      default -> updateBytes(sketch, ByteBuffer.wrap(value.toString().getBytes(StandardCharsets.UTF_8)));
    }
  }

  // The same bytes HllSketch.update(String) hashes, without the String.
  private static ByteBuffer utf8(Object text) {
    if (text instanceof Utf8 utf8) {
      return ByteBuffer.wrap(utf8.getBytes(), 0, utf8.getByteLength());
    }
    return ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
  }

  // HllSketch ignores an empty string or array; "" is a value like any other, so it goes in as a marker that
  // a column of text or bytes cannot otherwise produce (a long).
  private static void updateBytes(HllSketch sketch, ByteBuffer bytes) {
    if (bytes.remaining() == 0) {
      sketch.update(EMPTY_MARKER);
    } else {
      sketch.update(bytes);
    }
  }
}
