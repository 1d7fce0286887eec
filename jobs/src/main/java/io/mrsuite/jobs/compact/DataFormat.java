package io.mrsuite.jobs.compact;

import io.mrsuite.formats.records.ParquetAvroKeyInputFormat;
import io.mrsuite.jobs.run.JobFailedException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Optional;
import org.apache.avro.file.DataFileConstants;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.mapred.AvroKey;
import org.apache.avro.mapreduce.AvroJob;
import org.apache.avro.mapreduce.AvroKeyInputFormat;
import org.apache.avro.mapreduce.AvroKeyOutputFormat;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.lib.input.CombineFileRecordReaderWrapper;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.apache.hadoop.mapreduce.lib.output.LazyOutputFormat;
import org.apache.parquet.avro.AvroReadSupport;
import org.apache.parquet.avro.AvroSchemaConverter;
import org.apache.parquet.avro.AvroWriteSupport;
import org.apache.parquet.avro.GenericDataSupplier;
import org.apache.parquet.hadoop.ParquetOutputFormat;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * The file formats compact rewrites, told apart by their magic bytes.
 *
 * <p>Each is read and written by its own library's MapReduce formats with the generic data model, so records
 * pass through exactly as stored: decimals as bytes, timestamps as longs, no conversion that could round or
 * shift them.
 */
public enum DataFormat {
  AVRO(DataFileConstants.MAGIC) {
    @Override
    DataFile inspect(FileSystem fs, FileStatus status, FSDataInputStream in, Configuration conf) throws IOException {
      return AvroFileInspector.inspect(fs, status, in);
    }

    @Override
    SampleSize rewriteSample(Iterator<DataFile> files, Configuration jobConf, long wantedBytes) throws IOException {
      return AvroSampleRewrite.rewrite(files, jobConf, wantedBytes);
    }

    @Override
    Class<? extends FileInputFormat<AvroKey<GenericRecord>, NullWritable>> inputFormat() {
      return AvroKeyFormat.class;
    }

    @Override
    Class<? extends CombineFileRecordReaderWrapper<AvroKey<GenericRecord>, NullWritable>> fileInSplit() {
      return PlannedGroupsInputFormat.AvroFileInSplit.class;
    }

    @Override
    void configureInput(Job job, DataFile sample) {
      AvroJob.setInputKeySchema(job, sample.schema());
    }

    @Override
    void configureOutput(Job job, DataFile sample, long targetBytes) {
      AvroJob.setOutputKeySchema(job, sample.schema());
      LazyOutputFormat.setOutputFormatClass(job, AvroKeyOutputFormat.class);
      boolean compressed = !DataFileConstants.NULL_CODEC.equals(sample.codec());
      FileOutputFormat.setCompressOutput(job, compressed);
      if (compressed) {
        job.getConfiguration().set(AvroJob.CONF_OUTPUT_CODEC, sample.codec());
      }
    }
  },

  PARQUET("PAR1".getBytes(StandardCharsets.US_ASCII)) {
    @Override
    DataFile inspect(FileSystem fs, FileStatus status, FSDataInputStream in, Configuration conf) throws IOException {
      return ParquetFileInspector.inspect(fs, status, in, conf);
    }

    @Override
    SampleSize rewriteSample(Iterator<DataFile> files, Configuration jobConf, long wantedBytes) throws IOException {
      return ParquetSampleRewrite.rewrite(files, jobConf, wantedBytes);
    }

    @Override
    Class<? extends FileInputFormat<AvroKey<GenericRecord>, NullWritable>> inputFormat() {
      return ParquetAvroKeyInputFormat.class;
    }

    @Override
    Class<? extends CombineFileRecordReaderWrapper<AvroKey<GenericRecord>, NullWritable>> fileInSplit() {
      return PlannedGroupsInputFormat.ParquetFileInSplit.class;
    }

    @Override
    void configureInput(Job job, DataFile sample) {
      AvroReadSupport.setAvroDataSupplier(job.getConfiguration(), GenericDataSupplier.class);
    }

    @Override
    void configureOutput(Job job, DataFile sample, long targetBytes) throws JobFailedException {
      Configuration conf = job.getConfiguration();
      AvroParquetSettings.matchListAndUuidLayout(conf, sample);
      AvroWriteSupport.setAvroDataSupplier(conf, GenericDataSupplier.class);
      AvroWriteSupport.setSchema(conf, sample.schema());
      LazyOutputFormat.setOutputFormatClass(job, ParquetAvroKeyOutputFormat.class);
      if (sample.codec() != null) {
        conf.set(ParquetOutputFormat.COMPRESSION, CompressionCodecName.valueOf(sample.codec()).name());
      }
      // One row group per compacted file, unless the operator chose a row group size. The writer closes a
      // row group when its buffered size reaches parquet.block.size; it counts finished pages compressed, but
      // each column's page being filled and its dictionary uncompressed (up to parquet.page.size and
      // parquet.dictionary.page.size), so a file of the target size needs that much room above the target.
      if (conf.get(ParquetOutputFormat.BLOCK_SIZE) == null) {
        long unfinishedPages = (long) sample.parquetSchema().getColumns().size()
            * (ParquetOutputFormat.getPageSize(conf) + ParquetOutputFormat.getDictionaryPageSize(conf));
        conf.setLong(ParquetOutputFormat.BLOCK_SIZE, targetBytes + unfinishedPages);
      }
      // Summary files (_metadata, _common_metadata) would be new hidden entries in the partition.
      conf.set(ParquetOutputFormat.JOB_SUMMARY_LEVEL, ParquetOutputFormat.JobSummaryLevel.NONE.name());
    }
  };

  private final byte[] magic;

  DataFormat(byte[] magic) {
    this.magic = magic;
  }

  /** The format whose magic bytes start the file, if any. */
  static Optional<DataFormat> sniff(FSDataInputStream in, long length) throws IOException {
    byte[] head = new byte[4];
    if (length < head.length) {
      return Optional.empty();
    }
    in.readFully(0, head);
    return Arrays.stream(values()).filter(format -> Arrays.equals(format.magic, head)).findFirst();
  }

  /** Reads the file's header or footer from {@code in}, the file opened once for all its checks. */
  abstract DataFile inspect(FileSystem fs, FileStatus status, FSDataInputStream in, Configuration conf)
      throws IOException;

  /**
   * Rewrites {@code files}, in turn, into one file counted and not kept, written as the job configured by
   * {@link #configureOutput} writes, until it holds {@code wantedBytes} or the files run out.
   */
  abstract SampleSize rewriteSample(Iterator<DataFile> files, Configuration jobConf, long wantedBytes)
      throws IOException;

  /** The library's own input format, giving each record as an {@code AvroKey<GenericRecord>}. */
  abstract Class<? extends FileInputFormat<AvroKey<GenericRecord>, NullWritable>> inputFormat();

  /** Reads one whole file of a combined split with {@link #inputFormat()}. */
  abstract Class<? extends CombineFileRecordReaderWrapper<AvroKey<GenericRecord>, NullWritable>> fileInSplit();

  /** Reads records with the files' own schema, as generic records. */
  abstract void configureInput(Job job, DataFile sample);

  /** Writes files like {@code sample}: its schema, its codec; Parquet row groups sized for {@code targetBytes}. */
  abstract void configureOutput(Job job, DataFile sample, long targetBytes) throws JobFailedException;

  /** {@link AvroKeyInputFormat} with its type parameter fixed, so that it can be named as a class. */
  public static final class AvroKeyFormat extends AvroKeyInputFormat<GenericRecord> {
  }

  /** parquet-avro's writer settings that change the Parquet schema it writes for an Avro schema. */
  private static final class AvroParquetSettings {
    private AvroParquetSettings() {
    }

    /**
     * Sets the list and UUID layout under which parquet-avro maps the files' Avro schema to their exact
     * Parquet schema, so the compacted files keep the schema readers know; none matching is an error.
     */
    static void matchListAndUuidLayout(Configuration conf, DataFile sample) throws JobFailedException {
      for (boolean oldLists : new boolean[] {true, false}) {
        for (boolean parquetUuid : new boolean[] {false, true}) {
          Configuration candidate = new Configuration(conf);
          candidate.setBoolean(AvroWriteSupport.WRITE_OLD_LIST_STRUCTURE, oldLists);
          candidate.setBoolean(AvroWriteSupport.WRITE_PARQUET_UUID, parquetUuid);
          if (new AvroSchemaConverter(candidate).convert(sample.schema()).equals(sample.parquetSchema())) {
            conf.setBoolean(AvroWriteSupport.WRITE_OLD_LIST_STRUCTURE, oldLists);
            conf.setBoolean(AvroWriteSupport.WRITE_PARQUET_UUID, parquetUuid);
            return;
          }
        }
      }
      throw new JobFailedException("the Parquet schema of " + sample.path() + " is not what parquet-avro writes for"
          + " its Avro schema, so rewriting it would change the schema readers see: " + sample.parquetSchema());
    }
  }
}
