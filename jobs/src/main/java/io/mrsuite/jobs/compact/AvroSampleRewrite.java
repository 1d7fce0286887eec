package io.mrsuite.jobs.compact;

import java.io.IOException;
import java.util.Iterator;
import org.apache.avro.Schema;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.file.DataFileConstants;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.mapred.AvroOutputFormat;
import org.apache.avro.mapreduce.AvroJob;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;

/**
 * Measures what a compaction would write by rewriting Avro files into one file that is counted, not kept.
 *
 * <p>The files are rewritten one after the other as a compaction map would write them, read into the same schema
 * and written with the same codec and sync interval, until {@code payloadBytes} of record data have been read.
 */
final class AvroSampleRewrite {
  private AvroSampleRewrite() {
  }

  static SampleSize rewrite(Iterator<DataFile> files, Configuration conf, long payloadBytes) throws IOException {
    // The schema the job writes, into which files of older schemas are read.
    Schema schema = AvroJob.getOutputKeySchema(conf);
    CountingStream out = new CountingStream();
    long payload = 0;
    boolean created = false;
    try (DataFileWriter<GenericRecord> writer = new DataFileWriter<>(new GenericDatumWriter<>())) {
      while (files.hasNext() && payload < payloadBytes) {
        DataFile file = files.next();
        if (!created) {
          created = true;
          writer.setCodec(CodecFactory.fromString(file.codec()));
          writer.setSyncInterval(conf.getInt(AvroOutputFormat.SYNC_INTERVAL_KEY,
              DataFileConstants.DEFAULT_SYNC_INTERVAL));
          writer.create(schema, out);
        }
        copy(file, schema, conf, writer);
        payload += file.payloadBytes();
      }
    }
    return new SampleSize(payload, out.getPos());
  }

  private static void copy(DataFile file, Schema schema, Configuration conf, DataFileWriter<GenericRecord> writer)
      throws IOException {
    FileSystem fs = file.path().getFileSystem(conf);
    try (FSDataInputStream in = fs.open(file.path());
        DataFileReader<GenericRecord> reader = new DataFileReader<>(new SeekableStream(in, file.length()),
            new GenericDatumReader<>(null, schema))) {
      GenericRecord record = null;
      while (reader.hasNext()) {
        record = reader.next(record);
        writer.append(record);
      }
    }
  }
}
