package io.mrsuite.jobs.ingest.csv;

import io.mrsuite.formats.csv.CsvRecord;
import io.mrsuite.formats.csv.CsvRecordReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.WritableUtils;
import org.apache.hadoop.mapreduce.TaskAttemptID;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;
import org.apache.hadoop.mapreduce.task.TaskAttemptContextImpl;

/**
 * A small CSV export built row by row, remembering where each row starts (byte offset and 1-based line),
 * then written to a local file and read back through the real {@link CsvRecordReader} as one split, so the
 * mappers get exactly the {@link CsvRecord}s a map task would (CsvRecord's setter is package-private).
 */
public final class CsvFile {
  private final List<String> header;
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final List<Long> offsets = new ArrayList<>();
  private final List<Long> lines = new ArrayList<>();
  private final List<byte[]> contents = new ArrayList<>();
  private long line = 1;

  public CsvFile(List<String> header) {
    this.header = header;
    append(String.join(",", header).getBytes(StandardCharsets.UTF_8), "\n");
  }

  /** A row (a record, possibly spanning lines, or an empty line) ended by LF; returns its index. */
  public int row(String text) {
    return row(text.getBytes(StandardCharsets.UTF_8), "\n");
  }

  /** A row of raw bytes (e.g. not UTF-8) ended by {@code terminator} ("" for a last row without one). */
  public int row(byte[] content, String terminator) {
    offsets.add((long) bytes.size());
    lines.add(line);
    contents.add(content);
    append(content, terminator);
    return offsets.size() - 1;
  }

  private void append(byte[] content, String terminator) {
    bytes.writeBytes(content);
    bytes.writeBytes(terminator.getBytes(StandardCharsets.UTF_8));
    for (byte b : content) {
      if (b == '\n') {
        line++;
      }
    }
    if (terminator.contains("\n")) {
      line++;
    }
  }

  public long offset(int row) {
    return offsets.get(row);
  }

  public long line(int row) {
    return lines.get(row);
  }

  /** The row's text as a quarantine record shows it (terminator excluded; bad bytes become U+FFFD). */
  public String text(int row) {
    return new String(contents.get(row), StandardCharsets.UTF_8);
  }

  public long length(int row) {
    return contents.get(row).length;
  }

  /** The source file name records read from {@code file} carry. */
  public static String sourceFile(Path file) {
    return new org.apache.hadoop.fs.Path(file.toUri()).toString();
  }

  /** The file's bytes: the header line, then the rows. */
  public byte[] bytes() {
    return bytes.toByteArray();
  }

  /** Writes the file and reads it whole through CsvRecordReader with the header as expected header; copies. */
  public List<CsvRecord> writeAndRead(Path file, Configuration conf) throws IOException {
    return writeAndRead(file, bytes(), conf);
  }

  /**
   * Writes {@code content} (this file's bytes compressed, or cut short) and reads it whole through
   * CsvRecordReader with the header as expected header; copies.
   */
  public List<CsvRecord> writeAndRead(Path file, byte[] content, Configuration conf) throws IOException {
    Files.createDirectories(file.getParent());
    Files.write(file, content);
    List<CsvRecord> records = new ArrayList<>();
    try (CsvRecordReader reader = new CsvRecordReader(header)) {
      reader.initialize(new FileSplit(new org.apache.hadoop.fs.Path(file.toUri()), 0, Files.size(file), null),
          new TaskAttemptContextImpl(conf, new TaskAttemptID()));
      while (reader.nextKeyValue()) {
        // The reader reuses its value, as Hadoop readers do: keep copies.
        records.add(WritableUtils.clone(reader.getCurrentValue(), conf));
      }
    }
    return records;
  }
}
