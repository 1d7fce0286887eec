package io.mrsuite.jobs.compact;

import java.util.Map;
import org.apache.avro.Schema;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.schema.MessageType;

/**
 * One data file of a partition as its header or footer describes it.
 *
 * @param payloadBytes the bytes of record data (the file without its Avro header or Parquet footer), what
 *     the file adds to a compacted file
 * @param rows records in the file when its metadata says (Parquet footers), else -1
 * @param codec the compression codec name as the format spells it; null for a Parquet file without row groups
 * @param parquetSchema the Parquet schema, null for Avro
 * @param bytesByHost bytes of the file's blocks on each host, for the locality of the map reading it
 */
record DataFile(Path path, long length, long modificationTime, DataFormat format, Schema schema, String codec,
    MessageType parquetSchema, long payloadBytes, long rows, Map<String, Long> bytesByHost) {

  String name() {
    return path.getName();
  }

  /** This file standing for others read with {@code readerSchema}. */
  DataFile withSchema(Schema readerSchema) {
    return new DataFile(path, length, modificationTime, format, readerSchema, codec, parquetSchema, payloadBytes, rows,
        bytesByHost);
  }
}
