package io.mrsuite.formats.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mrsuite.formats.text.TextInputKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Records longer than the size limit, near and across split boundaries: read as splits of every size and at
 * every offset, the file gives exactly its unsplit records, each once, every over-long one once as the
 * malformed record "longer than the limit" that the unsplit read gives, and no split fails.
 *
 * <p>Most of it runs with a 100-byte limit and a 32-byte window, so the long records are many windows long;
 * one test runs the defaults (1 MiB, 64 KiB) on a 4.5 MiB line, longer than any window a split looks at.
 */
class CsvOverlongRecordSplitTest {
  private static final int LIMIT = 100;

  @TempDir
  static Path dir;

  private static Configuration conf;
  private static CsvSplits splits;
  private static Path file;
  private static long length;
  private static List<String> whole;

  /** Rows with quoted line breaks, doubled quotes and CRLF between the long records. */
  private static String rows(String id) {
    return id + "a,u1,plain\n"
        + id + "b,u2,\"two\nlines\"\r\n"
        + id + "c,u3,\"\"\"quoted\"\", with comma\"\n"
        + id + "d,u4,\"a\nb\nc\"\n";
  }

  @BeforeAll
  static void writeAFileWithLongRecords() throws IOException {
    conf = new Configuration();
    TextInputKeys.setMaxRecordBytes(conf, LIMIT);
    conf.setInt(CsvInputKeys.SPECULATION_WINDOW_BYTES, 32);
    splits = new CsvSplits(conf);
    String csv = "order_id,user_id,notes\n"
        + rows("o1")
        // Unquoted, no line break: it runs to the end of its line.
        + "long1,u5," + "word, word ".repeat(35) + "\n"
        + rows("o2")
        // Quoted with line breaks: it is cut at its first line break and the rest is read as rows.
        + "long2,u6,\"" + "o9,u9,fake row\n".repeat(16) + "o9,u9,last fake\"\n"
        + rows("o3")
        // Quoted on one line, with doubled quotes: it runs to the end of its line.
        + "long3,u7,\"" + "say \"\"hi\"\", ".repeat(25) + "\"\n"
        + rows("o4");
    file = Files.write(dir.resolve("orders.csv"), csv.getBytes(StandardCharsets.UTF_8));
    length = Files.size(file);
    whole = splits.readFully(file);
    List<Long> tooLarge = new ArrayList<>();
    for (String record : whole) {
      if (record.contains(" // record longer than " + LIMIT + " bytes")) {
        tooLarge.add(Long.parseLong(record.substring(0, record.indexOf(' '))));
      }
    }
    assertEquals(List.of((long) csv.indexOf("long1"), (long) csv.indexOf("long2"), (long) csv.indexOf("long3")),
        tooLarge);
  }

  @Test
  void everyTwoWayCutReadsTheUnsplitRecords() throws IOException {
    for (long cut = 1; cut < length; cut++) {
      assertEquals(whole, splits.readFully(file, cut), "cut at " + cut);
    }
  }

  @Test
  void splitsOfEverySizeAtEveryOffsetReadTheUnsplitRecords() throws IOException {
    // From splits much shorter than a window to splits longer than any record, each at 20 offsets or so.
    for (int size : new int[] {13, 60, 230}) {
      for (int offset = 1; offset <= size; offset += Math.max(1, size / 20)) {
        List<Long> cuts = new ArrayList<>();
        for (long cut = offset; cut < length; cut += size) {
          cuts.add(cut);
        }
        assertEquals(whole, splits.readFully(file, cuts.stream().mapToLong(Long::longValue).toArray()),
            "splits of " + size + " bytes from " + offset);
      }
    }
  }

  @Test
  void aLineOfFourAndAHalfMebibytesWithTheDefaultLimitAndWindow() throws IOException {
    String row = "o1,u1,\"a note\nover two lines\"\n";
    String longLine = "long,u2," + "x".repeat(9 * 512 * 1024) + "\n";
    String csv = "order_id,user_id,notes\n" + row.repeat(3000) + longLine + row.repeat(3000);
    Path big = Files.write(dir.resolve("big.csv"), csv.getBytes(StandardCharsets.UTF_8));
    CsvSplits defaults = new CsvSplits(new Configuration());
    List<String> unsplit = defaults.readFully(big);
    assertEquals(6001, unsplit.size());
    assertTrue(unsplit.get(3000).startsWith(csv.indexOf("long,") + " MALFORMED "), unsplit.get(3000));
    assertTrue(unsplit.get(3000).contains(" // record longer than 1048576 bytes at byte 1048576 of the record #"
        + (longLine.length() - 1)), unsplit.get(3000));
    long longStart = csv.indexOf("long,");
    for (long cut : new long[] {longStart - 7, longStart + 100_000, longStart + 2_300_000,
        longStart + longLine.length() - 2}) {
      assertEquals(unsplit, defaults.readFully(big, cut), "cut at " + cut);
    }
  }
}
