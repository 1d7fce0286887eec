package io.mrsuite.jobs.compact;

import java.io.IOException;
import java.util.Iterator;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.ParquetOutputFormat;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopInputFile;

/**
 * Measures what a compaction would write by rewriting Parquet files into one file that is counted, not kept.
 *
 * <p>The files are rewritten one after the other as a compaction map would write them: parquet-avro's writer
 * with the job's schema layout, codec, row group, page and dictionary settings. It stops once it has read
 * {@code payloadBytes} of record data.
 */
final class ParquetSampleRewrite {
  private ParquetSampleRewrite() {
  }

  static SampleSize rewrite(Iterator<DataFile> files, Configuration conf, long payloadBytes) throws IOException {
    CountingOutputFile out = new CountingOutputFile();
    long payload = 0;
    ParquetWriter<GenericRecord> writer = null;
    try {
      while (files.hasNext() && payload < payloadBytes) {
        DataFile file = files.next();
        if (writer == null) {
          writer = writerLike(file, conf, out);
        }
        copy(file, conf, writer);
        payload += file.payloadBytes();
      }
    } finally {
      if (writer != null) {
        writer.close();
      }
    }
    return new SampleSize(payload, out.bytes());
  }

  private static ParquetWriter<GenericRecord> writerLike(DataFile file, Configuration conf, CountingOutputFile out)
      throws IOException {
    return AvroParquetWriter.<GenericRecord>builder(out)
        .withConf(conf)
        .withSchema(file.schema())
        .withDataModel(GenericData.get())
        .withRowGroupSize(ParquetOutputFormat.getLongBlockSize(conf))
        .withPageSize(ParquetOutputFormat.getPageSize(conf))
        .withDictionaryPageSize(ParquetOutputFormat.getDictionaryPageSize(conf))
        .withDictionaryEncoding(ParquetOutputFormat.getEnableDictionary(conf))
        .withWriterVersion(ParquetOutputFormat.getWriterVersion(conf))
        // The job's codec, not this file's: a file without row groups records none.
        .withCompressionCodec(CompressionCodecName.fromConf(conf.get(ParquetOutputFormat.COMPRESSION)))
        .build();
  }

  private static void copy(DataFile file, Configuration conf, ParquetWriter<GenericRecord> writer)
      throws IOException {
    try (ParquetReader<GenericRecord> reader = AvroParquetReader.<GenericRecord>builder(
        HadoopInputFile.fromPath(file.path(), conf)).withDataModel(GenericData.get()).withConf(conf).build()) {
      for (GenericRecord record = reader.read(); record != null; record = reader.read()) {
        writer.write(record);
      }
    }
  }
}
