package io.mrsuite.jobs.run;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import org.apache.avro.Schema;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.file.DataFileConstants;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericData;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.mapred.AvroKey;
import org.apache.avro.mapred.AvroOutputFormat;
import org.apache.avro.mapreduce.AvroKeyOutputFormat;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapreduce.RecordWriter;
import org.apache.hadoop.mapreduce.TaskAttemptContext;

/**
 * Avro's {@link AvroKeyOutputFormat}, but a file written twice from the same records is the same bytes.
 *
 * <p>Avro gives every file a random sync marker, so a rerun, a retried task or a speculative attempt writes
 * other bytes for the same records. Here the marker is derived from what names the file: the partition's
 * date and the file's name in the output ({@code part-r-00003.avro}, {@code quarantine/part-m-00000.avro}).
 * Files of one output still get distinct markers. The schema, codec and stream are chosen by Avro's own
 * output format; only the writer is given the marker.
 */
public class RepeatableAvroKeyOutputFormat<T> extends AvroKeyOutputFormat<T> {
  /** Where AvroMultipleOutputs puts a named output's base path for the output format (avro-mapred's key). */
  private static final String NAMED_OUTPUT_BASE = "avro.mo.config.namedOutput";

  private final SyncedWriterFactory<T> writers;

  public RepeatableAvroKeyOutputFormat() {
    this(new SyncedWriterFactory<>());
  }

  private RepeatableAvroKeyOutputFormat(SyncedWriterFactory<T> writers) {
    super(writers);
    this.writers = writers;
  }

  @Override
  public RecordWriter<AvroKey<T>, NullWritable> getRecordWriter(TaskAttemptContext context) throws IOException {
    Configuration conf = context.getConfiguration();
    // The name getAvroFileOutputStream gives the file: the named output's base path, or "part".
    String fileName = getUniqueFile(context, conf.get(NAMED_OUTPUT_BASE, "part"), AvroOutputFormat.EXT);
    writers.sync = syncMarker(conf.get(PartitionDate.KEY, ""), fileName);
    writers.context = context;
    return super.getRecordWriter(context);
  }

  static byte[] syncMarker(String partitionDate, String fileName) {
    try {
      MessageDigest md5 = MessageDigest.getInstance("MD5");
      md5.update((partitionDate + "/" + fileName).getBytes(StandardCharsets.UTF_8));
      return Arrays.copyOf(md5.digest(), DataFileConstants.SYNC_SIZE);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has MD5", e);
    }
  }

  /**
   * Avro's writer for the file getRecordWriter opens, created with the marker chosen for it. Its task attempt
   * may be one a test fails ({@link TaskFaults}).
   */
  private static final class SyncedWriterFactory<T> extends RecordWriterFactory<T> {
    private byte[] sync;
    private TaskAttemptContext context;

    @Override
    protected RecordWriter<AvroKey<T>, NullWritable> create(Schema writerSchema, GenericData dataModel,
        CodecFactory compressionCodec, OutputStream outputStream, int syncInterval) throws IOException {
      @SuppressWarnings("unchecked")
      DataFileWriter<T> writer = new DataFileWriter<>(dataModel.createDatumWriter(writerSchema));
      writer.setCodec(compressionCodec);
      writer.setSyncInterval(syncInterval);
      // Avro's default encoder writes the block buffer a byte at a time, each a synchronized call; a buffered
      // one writes the same bytes in runs (DataFileWriter flushes it before each block).
      writer.setEncoder(blockBuffer -> EncoderFactory.get().binaryEncoder(blockBuffer, null));
      writer.create(writerSchema, outputStream, sync);
      return TaskFaults.watch(new RecordWriter<>() {
        @Override
        public void write(AvroKey<T> record, NullWritable ignored) throws IOException {
          writer.append(record.datum());
        }

        @Override
        public void close(TaskAttemptContext closing) throws IOException {
          writer.close();
        }
      }, context);
    }
  }
}
