package io.mrsuite.jobs.compact;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.Encoder;
import org.apache.avro.io.EncoderFactory;

/**
 * A 64-bit fingerprint of one record's contents.
 *
 * <p>It is Avro's CRC-64-AVRO ({@link SchemaNormalization#fingerprint64}) of the record's canonical binary
 * encoding. Canonical means Avro's binary encoding with map entries in key order: a map's entries are
 * unordered, and a reader's HashMap (reused from record to record) may iterate them in another order than the
 * writer did, so the raw encoding of equal records can differ.
 *
 * <p>The sum of the fingerprints of a partition's records (mod 2^64) is an order-independent checksum of
 * its multiset of records. One instance per task: it reuses its buffer and encoder.
 */
public final class RecordFingerprint {
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
  private BinaryEncoder encoder;
  private Schema schema;
  private CanonicalDatumWriter writer;

  /** The fingerprint of {@code record}, encoded with its own schema. */
  public long of(GenericRecord record) throws IOException {
    if (record.getSchema() != schema) {
      schema = record.getSchema();
      writer = new CanonicalDatumWriter(schema);
    }
    buffer.reset();
    encoder = EncoderFactory.get().binaryEncoder(buffer, encoder);
    writer.write(record, encoder);
    encoder.flush();
    return SchemaNormalization.fingerprint64(buffer.toByteArray());
  }

  /** Avro's generic writer, except that map entries are written sorted by key. */
  private static final class CanonicalDatumWriter extends GenericDatumWriter<GenericRecord> {
    CanonicalDatumWriter(Schema schema) {
      super(schema, GenericData.get());
    }

    @Override
    protected void writeMap(Schema mapSchema, Object datum, Encoder out) throws IOException {
      List<Map.Entry<Object, Object>> entries = new ArrayList<>();
      getMapEntries(datum).forEach(entries::add);
      entries.sort((a, b) -> a.getKey().toString().compareTo(b.getKey().toString()));
      out.writeMapStart();
      out.setItemCount(entries.size());
      for (Map.Entry<Object, Object> entry : entries) {
        out.startItem();
        writeString(entry.getKey().toString(), out);
        write(mapSchema.getValueType(), entry.getValue(), out);
      }
      out.writeMapEnd();
    }
  }
}
