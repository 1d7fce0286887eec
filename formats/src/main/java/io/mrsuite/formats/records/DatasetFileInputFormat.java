package io.mrsuite.formats.records;

import org.apache.avro.generic.GenericRecord;
import org.apache.avro.mapred.AvroValue;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;

/**
 * Reads the Avro and Parquet files of warehouse partitions as generic records keyed by dataset label.
 *
 * <p>The label, such as {@code curated/events} or {@code marts/product_daily}, is taken from the file's path.
 * Splits are FileInputFormat's: Avro readers start at the first sync marker in their split, Parquet readers
 * take the row groups whose middle lies in theirs, so each record is read once.
 */
public class DatasetFileInputFormat extends FileInputFormat<Text, AvroValue<GenericRecord>> {
  /** Files named so are read as Parquet, every other file as Avro. */
  public static final String PARQUET_SUFFIX = ".parquet";

  @Override
  public RecordReader<Text, AvroValue<GenericRecord>> createRecordReader(InputSplit split, TaskAttemptContext context) {
    return new DatasetRecordReader();
  }
}
