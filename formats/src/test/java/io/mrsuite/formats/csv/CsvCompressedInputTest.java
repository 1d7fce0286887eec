package io.mrsuite.formats.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.compress.BZip2Codec;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.GzipCodec;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.TaskAttemptID;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;
import org.apache.hadoop.mapreduce.task.TaskAttemptContextImpl;
import org.apache.hadoop.util.ReflectionUtils;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compressed CSV is read whole by one task and gives the records of the same plain file; a plain file is
 * cut into several splits by {@link FileInputFormat#getSplits}, which together read the same records.
 */
class CsvCompressedInputTest {
  @TempDir
  Path dir;

  private final Configuration conf = new Configuration();
  private byte[] content;
  private Path plain;
  private Path gzip;
  private Path bzip2;

  @BeforeEach
  void writeTheSameContentThreeWays() throws IOException {
    // ~300 KB of generated orders, then rows with a quoted line break, a malformed row and a last record
    // without a line feed.
    content = CsvSplits.bytes(new OrdersCsvGenerator(5).generate(300_000),
        "x1,u1,2026-11-20T10:00:00Z,paid,USD,1.00,0.00,0.00,1.00,US,\"two\nlines, \"\"quoted\"\"\"\n",
        "x2,u2,2026-11-20T10:00:00Z,paid,USD,1.00,0.00,0.00,1.00,US,\"bad\"tail\r\n",
        "x3,u3,2026-11-20T10:00:00Z,paid,USD,1.00,0.00,0.00,1.00,US,\"last one\"");
    plain = Files.write(dir.resolve("orders.csv"), content);
    gzip = compress(GzipCodec.class, "orders.csv.gz");
    bzip2 = compress(BZip2Codec.class, "orders.csv.bz2");
  }

  private Path compress(Class<? extends CompressionCodec> codecClass, String name) throws IOException {
    CompressionCodec codec = ReflectionUtils.newInstance(codecClass, conf);
    Path file = dir.resolve(name);
    try (OutputStream out = codec.createOutputStream(Files.newOutputStream(file))) {
      out.write(content);
    }
    return file;
  }

  private static org.apache.hadoop.fs.Path hadoop(Path file) {
    return new org.apache.hadoop.fs.Path(file.toUri());
  }

  /** Records of one split through the input format, with line numbers. */
  private List<String> read(InputSplit split) throws IOException, InterruptedException {
    CsvInputFormat format = new CsvInputFormat();
    TaskAttemptContext context = new TaskAttemptContextImpl(conf, new TaskAttemptID());
    List<String> records = new ArrayList<>();
    try (RecordReader<LongWritable, CsvRecord> reader = format.createRecordReader(split, context)) {
      reader.initialize(split, context);
      while (reader.nextKeyValue()) {
        CsvRecord record = reader.getCurrentValue();
        assertEquals(record.offset(), reader.getCurrentKey().get());
        records.add("L" + record.lineNumber() + " " + CsvSplits.describeFully(record));
      }
      assertEquals(1f, reader.getProgress());
    }
    return records;
  }

  private List<String> readWhole(Path file) throws IOException, InterruptedException {
    return read(new FileSplit(hadoop(file), 0, Files.size(file), null));
  }

  @Test
  void gzipIsNotSplittableBzip2AndPlainFilesAre() throws IOException {
    Job job = Job.getInstance(conf);
    CsvInputFormat format = new CsvInputFormat();
    assertTrue(format.isSplitable(job, hadoop(plain)));
    assertFalse(format.isSplitable(job, hadoop(gzip)));
    assertTrue(format.isSplitable(job, hadoop(bzip2)));
    CsvInputKeys.setSplittable(job.getConfiguration(), false);
    assertFalse(format.isSplitable(job, hadoop(bzip2)));
    assertFalse(format.isSplitable(job, hadoop(plain)));
  }

  @Test
  void compressedFilesReadWholeGiveThePlainFilesRecords() throws IOException, InterruptedException {
    List<String> expected = readWhole(plain);
    assertTrue(expected.size() > 3000, "records: " + expected.size());
    assertTrue(expected.get(expected.size() - 1).endsWith(" RECORD [x3][u3][2026-11-20T10:00:00Z][paid][USD]"
        + "[1.00][0.00][0.00][1.00][US][last one] #69"), expected.get(expected.size() - 1));
    assertTrue(expected.stream().anyMatch(r -> r.contains(" MALFORMED ")));
    assertEquals(expected, readWhole(gzip));
    assertEquals(expected, readWhole(bzip2));
  }

  @Test
  void getSplitsCutsAPlainFileAndReadsCompressedFilesWhole() throws IOException, InterruptedException {
    Job job = Job.getInstance(conf);
    FileInputFormat.addInputPath(job, hadoop(dir));
    FileInputFormat.setMaxInputSplitSize(job, 16 * 1024);
    List<InputSplit> splits = new CsvInputFormat().getSplits(job);
    Map<String, List<FileSplit>> byFile = new TreeMap<>();
    for (InputSplit split : splits) {
      FileSplit fileSplit = (FileSplit) split;
      byFile.computeIfAbsent(fileSplit.getPath().getName(), name -> new ArrayList<>()).add(fileSplit);
    }
    assertEquals(List.of("orders.csv", "orders.csv.bz2", "orders.csv.gz"), List.copyOf(byFile.keySet()));
    assertTrue(byFile.get("orders.csv").size() >= 15, "plain splits: " + byFile.get("orders.csv").size());
    assertEquals(1, byFile.get("orders.csv.gz").size());
    assertTrue(byFile.get("orders.csv.bz2").size() > 1, "bzip2 splits: " + byFile.get("orders.csv.bz2").size());
    assertEquals(Files.size(gzip), byFile.get("orders.csv.gz").get(0).getLength());

    List<String> expected = new ArrayList<>();
    for (String record : readWhole(plain)) {
      expected.add(record.substring(record.indexOf(' ') + 1));
    }
    List<String> fromSplits = new ArrayList<>();
    long previousEnd = 0;
    for (FileSplit split : byFile.get("orders.csv")) {
      assertEquals(previousEnd, split.getStart());
      previousEnd = split.getStart() + split.getLength();
      for (String record : read(split)) {
        fromSplits.add(record.substring(record.indexOf(' ') + 1));
      }
    }
    assertEquals(Files.size(plain), previousEnd);
    assertEquals(expected, fromSplits);
    List<String> withLines = readWhole(plain);
    assertEquals(withLines, read(byFile.get("orders.csv.gz").get(0)));
    // The content is one bzip2 block: the first split reads all of it, exactly as a whole read would.
    List<String> fromBzip2Splits = new ArrayList<>();
    for (FileSplit split : byFile.get("orders.csv.bz2")) {
      fromBzip2Splits.addAll(read(split));
    }
    assertEquals(withLines, fromBzip2Splits);
  }

  @Test
  void aSplitInsideACompressedFileIsRefused() {
    IOException e = assertThrows(IOException.class,
        () -> read(new FileSplit(hadoop(gzip), 10, Files.size(gzip) - 10, null)));
    assertTrue(e.getMessage().contains("a compressed CSV file cannot be split (split at 10)"), e.getMessage());
  }
}
