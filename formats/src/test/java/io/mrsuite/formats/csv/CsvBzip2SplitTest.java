package io.mrsuite.formats.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.compress.bzip2.CBZip2OutputStream;
import org.apache.hadoop.mapreduce.TaskAttemptID;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;
import org.apache.hadoop.mapreduce.task.TaskAttemptContextImpl;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bzip2 CSV file of many bzip2 blocks, full of quoted line breaks, cut at many byte offsets: the splits
 * together read exactly the records of the whole file, in order (offsets aside: a split after the first
 * counts from its first block).
 */
class CsvBzip2SplitTest {
  @TempDir
  static Path dir;

  private static Path file;
  private static List<String> whole;
  private static long length;

  @BeforeAll
  static void writeAManyBlockFile() throws IOException {
    byte[] content = CsvSplits.bytes(new OrdersCsvGenerator(11).generate(1_200_000));
    file = dir.resolve("orders.csv.bz2");
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write('B');
      out.write('Z');
      // 100k blocks (level 1), so a 1.2 MB file makes a dozen blocks.
      try (CBZip2OutputStream bzip2 = new CBZip2OutputStream(out, 1)) {
        bzip2.write(content);
      }
    }
    length = Files.size(file);
    whole = read(0, length);
    assertTrue(whole.size() > 5000, "records: " + whole.size());
  }

  @Test
  void everyTwoWayCutReadsTheWholeFilesRecords() throws IOException {
    for (long cut = 1; cut < length; cut += length / 97) {
      List<String> records = new ArrayList<>(read(0, cut));
      records.addAll(read(cut, length - cut));
      assertSameRecords(records, "cut at " + cut);
    }
  }

  @Test
  void manyRandomCutsIntoSeveralSplitsReadTheWholeFilesRecords() throws IOException {
    Random random = new Random(7);
    for (int round = 0; round < 20; round++) {
      long[] cuts = random.longs(2 + random.nextInt(10), 1, length).sorted().distinct().toArray();
      List<String> records = new ArrayList<>();
      long start = 0;
      for (long cut : cuts) {
        records.addAll(read(start, cut - start));
        start = cut;
      }
      records.addAll(read(start, length - start));
      assertSameRecords(records, "cuts " + java.util.Arrays.toString(cuts));
    }
  }

  @Test
  void offsetsGrowThroughTheFile() throws IOException {
    long half = length / 2;
    List<CsvRecord> first = readRecords(0, half);
    List<CsvRecord> second = readRecords(half, length - half);
    assertTrue(first.size() > 1000 && second.size() > 1000, first.size() + " and " + second.size() + " records");
    long previous = -1;
    for (CsvRecord record : first) {
      assertTrue(record.offset() > previous);
      previous = record.offset();
    }
    for (CsvRecord record : second) {
      assertTrue(record.offset() > previous, "offsets of a later split sort after the earlier split's");
      assertEquals(0, record.lineNumber());
      previous = record.offset();
    }
  }

  /** Names the first record that differs: the lists are too long to print whole. */
  private static void assertSameRecords(List<String> records, String where) {
    for (int i = 0; i < Math.min(whole.size(), records.size()); i++) {
      assertEquals(whole.get(i), records.get(i), where + ": record " + i + " of " + whole.size());
    }
    assertEquals(whole.size(), records.size(), where + ": record count");
  }

  /** Records as kind and content, without offset and line number. */
  private static List<String> read(long start, long splitLength) throws IOException {
    List<String> records = new ArrayList<>();
    for (CsvRecord record : readRecords(start, splitLength)) {
      String described = CsvSplits.describeFully(record);
      records.add(described.substring(described.indexOf(' ') + 1));
    }
    return records;
  }

  private static List<CsvRecord> readRecords(long start, long splitLength) throws IOException {
    Configuration conf = new Configuration();
    List<CsvRecord> records = new ArrayList<>();
    try (CsvRecordReader reader = new CsvRecordReader(List.of())) {
      reader.initialize(new FileSplit(new org.apache.hadoop.fs.Path(file.toUri()), start, splitLength, null),
          new TaskAttemptContextImpl(conf, new TaskAttemptID()));
      while (reader.nextKeyValue()) {
        CsvRecord copy = new CsvRecord();
        org.apache.hadoop.io.WritableUtils.cloneInto(copy, reader.getCurrentValue());
        records.add(copy);
      }
    }
    return records;
  }
}
