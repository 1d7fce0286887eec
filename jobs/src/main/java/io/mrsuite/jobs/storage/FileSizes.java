package io.mrsuite.jobs.storage;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.OptionalLong;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.parquet.io.ParquetDecodingException;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.util.HadoopInputFile;

/**
 * How many bytes a file's data takes before compression, by its format: Parquet from its footer (the column
 * chunks' uncompressed sizes), Avro by decompressing its blocks (not decoding their records), compressed text by
 * streaming it through its Hadoop codec, and plain text as it is.
 */
final class FileSizes {
  private final FileSystem fs;
  private final Configuration conf;
  private final CompressionCodecFactory codecs;

  FileSizes(FileSystem fs, Configuration conf) {
    this.fs = fs;
    this.conf = conf;
    this.codecs = new CompressionCodecFactory(conf);
  }

  /** The bytes of the file's data before compression; empty when the file cannot be read through. */
  OptionalLong uncompressed(Path file, long length) throws IOException {
    try {
      return OptionalLong.of(read(file, length));
    } catch (EOFException | ParquetDecodingException | AvroRuntimeException e) {
      return OptionalLong.empty();
    } catch (IOException e) {
      if (e.getCause() instanceof EOFException || e instanceof java.util.zip.ZipException) {
        return OptionalLong.empty();
      }
      throw e;
    }
  }

  private long read(Path file, long length) throws IOException {
    String name = file.getName();
    if (name.endsWith(".parquet")) {
      return parquet(file);
    }
    if (name.endsWith(".avro")) {
      return avro(file);
    }
    CompressionCodec codec = codecs.getCodec(file);
    if (codec == null) {
      return length;
    }
    try (InputStream in = codec.createInputStream(fs.open(file))) {
      return in.transferTo(OutputStream.nullOutputStream());
    }
  }

  private long parquet(Path file) throws IOException {
    long bytes = 0;
    try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(file, conf))) {
      for (BlockMetaData block : reader.getFooter().getBlocks()) {
        for (ColumnChunkMetaData column : block.getColumns()) {
          bytes += column.getTotalUncompressedSize();
        }
      }
    }
    return bytes;
  }

  private long avro(Path file) throws IOException {
    long bytes = 0;
    try (DataFileStream<Object> stream = new DataFileStream<>(fs.open(file), new GenericDatumReader<>())) {
      while (stream.hasNext()) {
        ByteBuffer block = stream.nextBlock();
        bytes += block.remaining();
      }
    }
    return bytes;
  }
}
