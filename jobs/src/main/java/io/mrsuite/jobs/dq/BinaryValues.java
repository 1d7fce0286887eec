package io.mrsuite.jobs.dq;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.IdentityHashMap;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;

/**
 * A nested value's Avro binary form, so that a map, array or record column is hashed for its distinct count
 * without being turned into JSON text first. One per task: the buffer is reused from value to value.
 */
final class BinaryValues {
  private final Map<Schema, DatumWriter<Object>> writers = new IdentityHashMap<>();
  private final Buffer buffer = new Buffer();
  private BinaryEncoder encoder;

  /** {@code value}'s binary encoding under {@code schema}; valid until the next call. */
  ByteBuffer of(Schema schema, Object value) throws IOException {
    buffer.reset();
    encoder = EncoderFactory.get().directBinaryEncoder(buffer, encoder);
    writers.computeIfAbsent(schema, type -> new GenericDatumWriter<>(type, GenericData.get())).write(value, encoder);
    return buffer.contents();
  }

  /** Hands out its bytes without copying them. */
  private static final class Buffer extends ByteArrayOutputStream {
    ByteBuffer contents() {
      return ByteBuffer.wrap(buf, 0, count);
    }
  }
}
