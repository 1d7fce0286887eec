package io.mrsuite.formats.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapreduce.TaskAttemptID;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;
import org.apache.hadoop.mapreduce.task.TaskAttemptContextImpl;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A generated 20 MB orders file ({@link OrdersCsvGenerator}) cut at random offsets into 2..12 splits: the
 * splits read exactly the records of the unsplit read, in order, each once. Records are compared by offset
 * (exactly) and by a 64-bit fingerprint of kind, raw length, raw bytes, fields and detail.
 */
class CsvGeneratedFileSplitTest {
  @TempDir
  static Path tmp;

  private static Unsplit big;

  /** The unsplit read of one file. */
  private static final class Unsplit {
    final Path file;
    final long length;
    long[] offsets = new long[1024];
    long[] prints = new long[1024];
    byte[] kinds = new byte[1024];
    int count;
    final Map<CsvRecord.Kind, Integer> byKind = new EnumMap<>(CsvRecord.Kind.class);

    Unsplit(Path file) throws IOException {
      this.file = file;
      this.length = Files.size(file);
      try (CsvRecordReader reader = open(new Configuration(), file, 0, length)) {
        while (reader.nextKeyValue()) {
          CsvRecord record = reader.getCurrentValue();
          if (count == offsets.length) {
            offsets = Arrays.copyOf(offsets, 2 * count);
            prints = Arrays.copyOf(prints, 2 * count);
            kinds = Arrays.copyOf(kinds, 2 * count);
          }
          offsets[count] = record.offset();
          kinds[count] = (byte) record.kind().ordinal();
          prints[count++] = fingerprint(record);
          byKind.merge(record.kind(), 1, Integer::sum);
        }
      }
    }

    /** Reads the file as splits cut at {@code cuts} and checks each record against the unsplit read. */
    void assertSplitsReadTheSame(Configuration conf, long[] cuts) throws IOException {
      int next = 0;
      long start = 0;
      for (int i = 0; i <= cuts.length; i++) {
        long end = i < cuts.length ? cuts[i] : length;
        try (CsvRecordReader reader = open(conf, file, start, end)) {
          while (reader.nextKeyValue()) {
            CsvRecord record = reader.getCurrentValue();
            String where = "cuts " + Arrays.toString(cuts) + ", split " + i + ", record " + next;
            assertTrue(next < count, where + ": a record past the last one: " + record);
            assertEquals(offsets[next], record.offset(), where);
            assertEquals(prints[next], fingerprint(record), where + ": " + record);
            next++;
          }
        }
        start = end;
      }
      assertEquals(count, next, "records read with cuts " + Arrays.toString(cuts));
    }
  }

  @BeforeAll
  static void generateAndReadWhole() throws IOException {
    big = new Unsplit(Files.write(tmp.resolve("orders.csv"), new OrdersCsvGenerator(20261125L).generate(20 << 20)));
    // The file is what it claims to be: ~1% malformed rows among some 230,000.
    assertTrue(big.count > 200_000, "records: " + big.count);
    int malformed = big.byKind.getOrDefault(CsvRecord.Kind.MALFORMED, 0);
    assertTrue(malformed > big.count / 200 && malformed < big.count / 50, "malformed: " + big.byKind);
  }

  private static CsvRecordReader open(Configuration conf, Path file, long start, long end) throws IOException {
    CsvRecordReader reader = new CsvRecordReader();
    reader.initialize(new FileSplit(new org.apache.hadoop.fs.Path(file.toUri()), start, end - start, null),
        new TaskAttemptContextImpl(conf, new TaskAttemptID()));
    return reader;
  }

  private static long fingerprint(CsvRecord record) {
    long h = record.kind().ordinal();
    h = h * 0x9E3779B97F4A7C15L + record.rawLength();
    h = h * 0x9E3779B97F4A7C15L + Arrays.hashCode(record.raw());
    h = h * 0x9E3779B97F4A7C15L + record.detail().hashCode();
    h = h * 0x9E3779B97F4A7C15L + record.fields().size();
    for (String field : record.fields()) {
      h = h * 0x9E3779B97F4A7C15L + field.length();
      h = h * 0x9E3779B97F4A7C15L + field.hashCode();
    }
    return h;
  }

  private static long[] randomCuts(SplittableRandom random, long length) {
    int splits = 2 + random.nextInt(11);
    TreeSet<Long> cuts = new TreeSet<>();
    while (cuts.size() < splits - 1) {
      cuts.add(1 + random.nextLong(length - 1));
    }
    return cuts.stream().mapToLong(Long::longValue).toArray();
  }

  /** Checks the cut sets on all cores (each split is read by its own reader, as by its own task). */
  private static void assertCutSets(Configuration conf, List<long[]> cutSets) {
    cutSets.parallelStream().forEach(cuts -> {
      try {
        big.assertSplitsReadTheSame(conf, cuts);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  @Test
  void randomCutSetsReadTheUnsplitRecords() {
    SplittableRandom random = new SplittableRandom(7);
    List<long[]> cutSets = new ArrayList<>();
    for (int set = 0; set < 24; set++) {
      cutSets.add(randomCuts(random, big.length));
    }
    assertCutSets(new Configuration(), cutSets);
  }

  @Test
  void aSmallSpeculationWindowReadsTheUnsplitRecords() {
    SplittableRandom random = new SplittableRandom(8);
    List<long[]> cutSets = new ArrayList<>();
    for (int set = 0; set < 6; set++) {
      cutSets.add(randomCuts(random, big.length));
    }
    Configuration conf = new Configuration();
    conf.setInt(CsvInputKeys.SPECULATION_WINDOW_BYTES, 4096);
    assertCutSets(conf, cutSets);
  }

  @Test
  void cutsInsideEveryMultiLineOrMalformedRecord() throws IOException {
    // Random cuts seldom fall inside the rare records: in a 1 MB file of the same kind, cut inside every
    // multi-line or malformed record (two thirds into it), one split per record, with a 4 KiB window, and
    // inside every fifth with the default one.
    Unsplit small = new Unsplit(Files.write(tmp.resolve("small.csv"), new OrdersCsvGenerator(99).generate(1 << 20)));
    byte[] bytes = Files.readAllBytes(small.file);
    TreeSet<Long> cuts = new TreeSet<>();
    int multiLine = 0;
    int malformed = 0;
    for (int i = 0; i < small.count - 1; i++) {
      int from = (int) small.offsets[i];
      int to = (int) small.offsets[i + 1];
      boolean lineBreak = false;
      for (int b = from; b < to - 1; b++) {
        lineBreak |= bytes[b] == '\n';
      }
      boolean bad = small.kinds[i] == CsvRecord.Kind.MALFORMED.ordinal();
      if (lineBreak || bad) {
        multiLine += lineBreak ? 1 : 0;
        malformed += bad ? 1 : 0;
        cuts.add((long) from + (to - from) * 2 / 3);
      }
    }
    assertTrue(multiLine > 400 && malformed > 80, multiLine + " multi-line, " + malformed + " malformed");
    long[] inside = cuts.stream().mapToLong(Long::longValue).toArray();
    Configuration window = new Configuration();
    window.setInt(CsvInputKeys.SPECULATION_WINDOW_BYTES, 4096);
    small.assertSplitsReadTheSame(window, inside);
    small.assertSplitsReadTheSame(new Configuration(), IntStream.range(0, inside.length / 5).mapToLong(i -> inside[5 * i]).toArray());
  }
}
