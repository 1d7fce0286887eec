package io.mrsuite.formats.csv;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.WritableUtils;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.TaskAttemptID;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;
import org.apache.hadoop.mapreduce.task.TaskAttemptContextImpl;

/** Reads a local CSV file through CsvRecordReader as given splits, the way map tasks would. */
final class CsvSplits {
  private final Configuration conf;
  /** One for all splits: making one copies the configuration, which costs more than reading a small split. */
  private final TaskAttemptContext context;

  CsvSplits(Configuration conf) {
    this.conf = conf;
    this.context = new TaskAttemptContextImpl(conf, new TaskAttemptID());
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
    List<String> records = new ArrayList<>();
    for (CsvRecord record : readRecords(file, start, length)) {
      records.add(describe(record));
    }
    return records;
  }

  /** Like {@link #read} but each record is described with its detail ({@link #describeFully}). */
  List<String> readFully(Path file, long... cuts) throws IOException {
    long length = Files.size(file);
    List<String> records = new ArrayList<>();
    long start = 0;
    for (int i = 0; i <= cuts.length; i++) {
      long end = i < cuts.length ? cuts[i] : length;
      records.addAll(readSplitFully(file, start, end - start));
      start = end;
    }
    return records;
  }

  /** The records of one split, described fully. */
  List<String> readSplitFully(Path file, long start, long length) throws IOException {
    List<String> records = new ArrayList<>();
    for (CsvRecord record : readRecords(file, start, length)) {
      records.add(describeFully(record));
    }
    return records;
  }

  /** Copies of the records one split reads, in order (the reader reuses its value). */
  List<CsvRecord> readRecords(Path file, long start, long length) throws IOException {
    org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(file.toUri());
    List<CsvRecord> records = new ArrayList<>();
    try (CsvRecordReader reader = new CsvRecordReader()) {
      reader.initialize(new FileSplit(path, start, length, null), context);
      while (reader.nextKeyValue()) {
        CsvRecord record = reader.getCurrentValue();
        if (reader.getCurrentKey().get() != record.offset()) {
          throw new AssertionError("key " + reader.getCurrentKey() + " is not the offset of " + record);
        }
        records.add(WritableUtils.clone(record, conf));
      }
    }
    return records;
  }

  /** The whole file as one split at offset 0: exact line numbers. */
  List<CsvRecord> readWhole(Path file) throws IOException {
    return readRecords(file, 0, Files.size(file));
  }

  /** The parts (strings as UTF-8, byte arrays as they are) one after the other. */
  static byte[] bytes(Object... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Object part : parts) {
      byte[] b = part instanceof byte[] bytes ? bytes : ((String) part).getBytes(StandardCharsets.UTF_8);
      out.write(b, 0, b.length);
    }
    return out.toByteArray();
  }

  /** Line numbers are left out: only a split at the file's start knows them. */
  static String describe(CsvRecord record) {
    return record.offset() + " " + record.kind() + " "
        + (record.kind() == CsvRecord.Kind.RECORD ? String.join("|", record.fields()) : record.rawText());
  }

  /**
   * Offset, kind, fields (each in brackets, so empty fields show) or raw text, detail and raw length; no
   * line number. Everything here is the same whichever split reads the record.
   */
  static String describeFully(CsvRecord record) {
    StringBuilder text = new StringBuilder().append(record.offset()).append(' ').append(record.kind()).append(' ');
    if (record.kind() == CsvRecord.Kind.RECORD) {
      for (String field : record.fields()) {
        text.append('[').append(field).append(']');
      }
    } else {
      text.append(record.rawText()).append(" // ").append(record.detail());
    }
    return text.append(" #").append(record.rawLength()).toString();
  }
}
