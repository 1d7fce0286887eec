package io.mrsuite.jobs.compact;

import java.io.IOException;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.parquet.HadoopReadOptions;
import org.apache.parquet.avro.AvroSchemaConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.FileMetaData;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.hadoop.util.HadoopStreams;
import org.apache.parquet.io.InputFile;

/**
 * Reads a Parquet file's footer for its schemas, codec, row groups and row count.
 *
 * <p>The Avro schema is the one parquet-avro stored with the file, or parquet-avro's reading of the Parquet
 * schema when the writer stored none.
 */
final class ParquetFileInspector {
  /** Where parquet-avro stores the Avro schema in the footer (AvroWriteSupport), and where it once did. */
  private static final List<String> AVRO_SCHEMA_KEYS = List.of("parquet.avro.schema", "avro.schema");

  private ParquetFileInspector() {
  }

  static DataFile inspect(FileSystem fs, FileStatus status, FSDataInputStream in, Configuration conf)
      throws IOException {
    InputFile file = HadoopInputFile.fromStatus(status, conf);
    try (ParquetFileReader reader = ParquetFileReader.open(file, HadoopReadOptions.builder(conf).build(),
        HadoopStreams.wrap(in))) {
      FileMetaData meta = reader.getFooter().getFileMetaData();
      List<BlockMetaData> rowGroups = reader.getFooter().getBlocks();
      Schema schema = AVRO_SCHEMA_KEYS.stream().map(meta.getKeyValueMetaData()::get)
          .filter(json -> json != null).findFirst().map(json -> new Schema.Parser().parse(json))
          .orElseGet(() -> new AvroSchemaConverter(conf).convert(meta.getSchema()));
      long payload = rowGroups.stream().mapToLong(BlockMetaData::getCompressedSize).sum();
      long rows = rowGroups.stream().mapToLong(BlockMetaData::getRowCount).sum();
      String codec = rowGroups.isEmpty() || rowGroups.get(0).getColumns().isEmpty() ? null
          : rowGroups.get(0).getColumns().get(0).getCodec().name();
      return new DataFile(status.getPath(), status.getLen(), status.getModificationTime(), DataFormat.PARQUET,
          schema, codec, meta.getSchema(), payload, rows, Locality.bytesByHost(fs, status));
    }
  }
}
