package io.mrsuite.formats.records;

import io.mrsuite.formats.partition.PartitionNames;
import io.mrsuite.formats.schemas.SchemaHistory;
import java.io.IOException;
import org.apache.avro.Schema;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.mapred.AvroKey;
import org.apache.avro.mapred.AvroValue;
import org.apache.avro.mapred.FsInput;
import org.apache.avro.mapreduce.AvroKeyRecordReader;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;
import org.apache.parquet.avro.AvroReadSupport;
import org.apache.parquet.hadoop.ParquetRecordReader;

/**
 * Reads one warehouse file as generic records keyed by its dataset label.
 *
 * <p>A {@code .parquet} file is read through parquet-avro and anything else as an Avro container file. A file
 * that is neither fails the task, naming it. Both use the plain generic model. Parquet rows come in the file's
 * own schema; Avro records in the current schema of their record type ({@link SchemaHistory#readerFor}), so
 * files written before and after a schema change give records of one shape. Avro strings come as {@code Utf8}
 * ({@link Utf8StringSchema}), reused from record to record: a caller keeps none of them past its record.
 */
final class DatasetRecordReader extends RecordReader<Text, AvroValue<GenericRecord>> {

  private final Text dataset = new Text();
  private final AvroValue<GenericRecord> record = new AvroValue<>();
  private RecordReader<?, ?> delegate;
  private boolean parquet;

  /**
   * {@code <zone>/<dataset>} of a file at {@code <root>/<zone>/<dataset>/dt=D/<file>}, or in a run directory of the
   * partition ({@code dt=D/run-<id>/<file>}), where an object-store warehouse keeps each run's files.
   */
  static String datasetLabel(Path file) {
    Path partition = file.getParent();
    for (Path ancestor = partition; ancestor != null; ancestor = ancestor.getParent()) {
      if (PartitionNames.isDateName(ancestor.getName())) {
        partition = ancestor;
        break;
      }
    }
    Path dataset = partition.getParent();
    return dataset.getParent().getName() + "/" + dataset.getName();
  }

  @Override
  public void initialize(InputSplit split, TaskAttemptContext context) throws IOException, InterruptedException {
    Path file = ((FileSplit) split).getPath();
    dataset.set(datasetLabel(file));
    parquet = file.getName().endsWith(DatasetFileInputFormat.PARQUET_SUFFIX);
    delegate = parquet ? new ParquetRecordReader<GenericRecord>(new AvroReadSupport<>(GenericData.get()))
        : new AvroKeyRecordReader<GenericRecord>(
            Utf8StringSchema.of(SchemaHistory.readerFor(writerSchema(file, context))));
    delegate.initialize(split, context);
  }

  /** The schema in the Avro file's header; a file that is not Avro fails here, named. */
  private static Schema writerSchema(Path file, TaskAttemptContext context) throws IOException {
    try (FsInput in = new FsInput(file, context.getConfiguration());
        DataFileReader<GenericRecord> header = new DataFileReader<>(in, new GenericDatumReader<>())) {
      return header.getSchema();
    } catch (IOException e) {
      throw new IOException("cannot read the Avro header of " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public boolean nextKeyValue() throws IOException, InterruptedException {
    return delegate.nextKeyValue();
  }

  @Override
  public Text getCurrentKey() {
    return dataset;
  }

  @Override
  @SuppressWarnings("unchecked")
  public AvroValue<GenericRecord> getCurrentValue() throws IOException, InterruptedException {
    record.datum(parquet ? (GenericRecord) delegate.getCurrentValue()
        : ((AvroKey<GenericRecord>) delegate.getCurrentKey()).datum());
    return record;
  }

  @Override
  public float getProgress() throws IOException, InterruptedException {
    return delegate.getProgress();
  }

  @Override
  public void close() throws IOException {
    if (delegate != null) {
      delegate.close();
    }
  }
}
