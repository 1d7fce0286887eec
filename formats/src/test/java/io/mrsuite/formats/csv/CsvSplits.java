package io.mrsuite.formats.csv;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapreduce.TaskAttemptID;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;
import org.apache.hadoop.mapreduce.task.TaskAttemptContextImpl;

/** Reads a local CSV file through CsvRecordReader as given splits, the way map tasks would. */
final class CsvSplits {
  private final Configuration conf;

  CsvSplits(Configuration conf) {
    this.conf = conf;
  }

  /** Records (as text: offset, line, kind, fields or detail) of the file cut at {@code cuts}, split by split, in order. */
  List<String> read(Path file, long... cuts) throws IOException {
    long length = Files.size(file);
    List<String> records = new ArrayList<>();
    long start = 0;
    for (int i = 0; i <= cuts.length; i++) {
      long end = i < cuts.length ? cuts[i] : length;
      records.addAll(readSplit(file, start, end - start));
      start = end;
    }
    return records;
  }

  List<String> readSplit(Path file, long start, long length) throws IOException {
    org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(file.toUri());
    List<String> records = new ArrayList<>();
    try (CsvRecordReader reader = new CsvRecordReader()) {
      reader.initialize(new FileSplit(path, start, length, null), new TaskAttemptContextImpl(conf, new TaskAttemptID()));
      while (reader.nextKeyValue()) {
        CsvRecord record = reader.getCurrentValue();
        records.add(describe(record));
      }
    }
    return records;
  }

  /** Line numbers are left out: only a split at the file's start knows them. */
  static String describe(CsvRecord record) {
    return record.offset() + " " + record.kind() + " "
        + (record.kind() == CsvRecord.Kind.RECORD ? String.join("|", record.fields()) : record.rawText());
  }
}
