package io.mrsuite.formats.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mrsuite.formats.text.TextInputKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CSV built to mislead the quote-state speculation. For every cut the splits must read EITHER exactly the
 * unsplit records OR fail with a {@link CsvSplitBoundaryException} naming the file and the boundary, never
 * other records.
 *
 * <p>How many cuts fail is pinned exactly. The inputs are fixed strings and the guess is a deterministic
 * function of the file's bytes and the configuration, so these counts only move when the speculator's
 * guesses do; a change that improves them updates the pins. With the default window (64 KiB) the window
 * reaches the end of these small files, where the parses from all states meet, so the guess is a record end
 * of the true parse and no cut fails. Cuts fail only where a quoted field is longer than the window: small
 * windows here, and a 100 KB field for the default one.
 */
class CsvAdversarialSplitTest {
  /** Quoted notes whose text is rows with the right field count. */
  static final String FAKE_ROWS = "order_id,user_id,notes\n"
      + "o1,u1,\"looks like rows:\no9,u9,fake row\no10,u10,another\"\n"
      + "o2,u2,plain\n"
      + "o3,u3,\"\no11,u11,fake\no12,u12,\"\"quoted\"\"\n\"\n"
      + "o4,u4,\"o13,u13,\"\"x\"\"\r\no14,u14,\"\"y, z\"\"\"\r\n"
      + "o5,u5,\",\n,\n,\"\n"
      + "o6,u6,last\n";

  /** The only quotes lie deep inside long quoted text full of commas and line breaks. */
  static final String DEEP_QUOTES = "id,text,n\n"
      + "1,\"" + "lorem, ipsum\ndolor, sit\namet,\n".repeat(6) + "and \"\"here\"\" it is\",1\n"
      + "2,plain,2\n"
      + "3,\"" + "a,b\nc,d\n".repeat(8) + "\"\"\",3\n"
      + "4,end,4\n";

  /** Doubled quotes everywhere, so that cuts fall between the two quotes of a pair. */
  static final String DOUBLED_QUOTES = "a,b,c\n"
      + "\"\"\"\",\"\"\"\"\"\",\"x\"\"\"\n"
      + "\"\"\"y\",\"\"\"\n\"\"\",\"\",\"\"\n"
      + "\"\"\"\"\"\"\"\",\",\"\"\",\"\",\"\"\"\r\n"
      + "\"a\"\"\n\"\"b\",\"\"\"\n\",c\n";

  /** Malformed rows that change how everything after them reads: an unbalanced quote mid-file, text after a multi-line note. */
  static final String MALFORMED_MID_FILE = "order_id,user_id,notes\n"
      + "o1,u1,\"never closed\n"
      + "o2,u2,x\n"
      + "o3,u3,\"y\"\n"
      + "o4,u4,\"two\nlines\" and text after\n"
      + "o5,u5,\"ok\"\n"
      + "o6,u6,\"long\nnote\nwith,\nfake,rows,\"\"\" tail\n"
      + "o7,u7,end\n";

  /** Every quoted note is longer than a small speculation window. */
  static final String LONGER_THAN_THE_WINDOW = "order_id,user_id,notes\n"
      + "o1,u1,\"" + "row,like,this\n".repeat(10) + "\"\n"
      + "o2,u2,plain\n"
      + "o3,u3,\"" + "x".repeat(150) + "\n" + "o9,u9,z\n".repeat(3) + "\"\n"
      + "o4,u4,end\n";

  @TempDir
  Path tmp;

  /** Of the cuts (or cut pairs) swept, how many read exactly the unsplit records and how many failed. */
  private record Sweep(int succeeded, int failed) {
  }

  /**
   * A three-way sweep: its cut pairs, and how many of its failures came although both cuts succeed as
   * two-way cuts.
   */
  private record PairSweep(Sweep pairs, int failedAlthoughBothCutsHold) {
  }

  private static final Pattern IN_A_RECORD = Pattern.compile(
      "the next split starts reading at byte (\\d+), but the record there runs from byte (\\d+) to byte (\\d+)\\.");
  private static final Pattern BEFORE_THE_FIRST = Pattern.compile(
      "the next split starts reading at byte (\\d+), before byte (\\d+) where this split's first record starts\\.");

  /**
   * The offsets a failure names are those of the unsplit read: the guess lies inside a record read whole
   * (from its start to its end), or before a record start.
   */
  private static void assertTheFailureNamesTrueRecords(String message, List<String> whole, long length) {
    Set<Long> starts = new HashSet<>();
    for (String record : whole) {
      starts.add(Long.parseLong(record.substring(0, record.indexOf(' '))));
    }
    Set<Long> ends = new HashSet<>(starts);
    ends.add(length);
    Matcher inRecord = IN_A_RECORD.matcher(message);
    Matcher beforeFirst = BEFORE_THE_FIRST.matcher(message);
    if (inRecord.find()) {
      long guessed = Long.parseLong(inRecord.group(1));
      long start = Long.parseLong(inRecord.group(2));
      long end = Long.parseLong(inRecord.group(3));
      assertTrue(starts.contains(start) && ends.contains(end) && start < guessed && guessed < end, message);
      assertTrue(starts.stream().noneMatch(s -> start < s && s < end), message);
    } else {
      assertTrue(beforeFirst.find(), message);
      long guessed = Long.parseLong(beforeFirst.group(1));
      long first = Long.parseLong(beforeFirst.group(2));
      assertTrue(guessed < first && ends.contains(first), message);
    }
  }

  /** Every two-way cut: exactly the unsplit records, or a boundary exception naming the file and the cut. */
  private static Sweep sweepTwoWay(CsvSplits splits, Path file, List<String> whole, boolean[] failedAt)
      throws IOException {
    int succeeded = 0;
    int failed = 0;
    for (long cut = 1; cut < Files.size(file); cut++) {
      CsvSplits.Outcome outcome = splits.tryReadFully(file, cut);
      if (outcome.failure() == null) {
        assertEquals(whole, outcome.records(), "cut at " + cut);
        succeeded++;
      } else {
        String message = outcome.failure().getMessage();
        assertTrue(message.startsWith(CsvSplits.failurePrefix(file, cut)), "cut at " + cut + ": " + message);
        assertTheFailureNamesTrueRecords(message, whole, Files.size(file));
        failed++;
        failedAt[(int) cut] = true;
      }
    }
    return new Sweep(succeeded, failed);
  }

  /** Every two-way cut of {@code csv}. */
  private Sweep twoWay(String name, String csv, Configuration conf) throws IOException {
    Path file = write(name, csv);
    CsvSplits splits = new CsvSplits(conf);
    return sweepTwoWay(splits, file, splits.readFully(file), new boolean[(int) Files.size(file)]);
  }

  /**
   * Every three-way cut (i, j) of {@code csv} with j - i up to {@code reach}. A three-way cut fails naming i
   * when the two-way cut at i fails, else naming j when that one fails; it may also fail naming j when both
   * two-way cuts succeed, if the guess at j lies before the guess at i (counted).
   */
  private PairSweep threeWay(String name, String csv, Configuration conf, int reach) throws IOException {
    Path file = write(name, csv);
    CsvSplits splits = new CsvSplits(conf);
    List<String> whole = splits.readFully(file);
    int length = (int) Files.size(file);
    boolean[] failedAt = new boolean[length];
    sweepTwoWay(splits, file, whole, failedAt);
    List<CsvSplits.Outcome> firstSplit = new ArrayList<>();
    List<CsvSplits.Outcome> lastSplit = new ArrayList<>();
    for (int cut = 0; cut < length; cut++) {
      firstSplit.add(cut == 0 ? null : splits.tryReadSplitFully(file, 0, cut));
      lastSplit.add(cut == 0 ? null : splits.tryReadSplitFully(file, cut, length - cut));
    }
    int succeeded = 0;
    int failed = 0;
    int failedAlthoughBothCutsHold = 0;
    for (int i = 1; i < length; i++) {
      for (int j = i + 1; j < length && j <= i + reach; j++) {
        String where = name + ", cuts " + i + "," + j;
        CsvSplits.Outcome middle = splits.tryReadSplitFully(file, i, j - i);
        CsvSplitBoundaryException failure = firstSplit.get(i).failure() != null ? firstSplit.get(i).failure()
            : middle.failure() != null ? middle.failure() : lastSplit.get(j).failure();
        if (failure == null) {
          List<String> records = new ArrayList<>(firstSplit.get(i).records());
          records.addAll(middle.records());
          records.addAll(lastSplit.get(j).records());
          assertEquals(whole, records, where);
          assertTrue(!failedAt[i] && !failedAt[j], where + ": read although a two-way cut fails");
          succeeded++;
        } else {
          long named = failedAt[i] ? i : j;
          assertTrue(failure.getMessage().startsWith(CsvSplits.failurePrefix(file, named)),
              where + ": " + failure.getMessage());
          assertTheFailureNamesTrueRecords(failure.getMessage(), whole, length);
          failed++;
          if (!failedAt[i] && !failedAt[j]) {
            // Only when the middle split starts past j (at the guess for i) and so reads no record.
            assertTrue(BEFORE_THE_FIRST.matcher(failure.getMessage()).find(), where + ": " + failure.getMessage());
            failedAlthoughBothCutsHold++;
          }
        }
      }
    }
    return new PairSweep(new Sweep(succeeded, failed), failedAlthoughBothCutsHold);
  }

  private Path write(String name, String csv) throws IOException {
    return Files.write(tmp.resolve(name + ".csv"), csv.getBytes(StandardCharsets.UTF_8));
  }

  private static Configuration window(int bytes) {
    Configuration conf = new Configuration();
    conf.setInt(CsvInputKeys.SPECULATION_WINDOW_BYTES, bytes);
    return conf;
  }

  @Test
  void fakeRowsInsideQuotedNotes() throws IOException {
    assertEquals(new Sweep(198, 0), twoWay("fake rows", FAKE_ROWS, new Configuration()));
    assertEquals(new Sweep(111, 87), twoWay("fake rows, 16-byte window", FAKE_ROWS, window(16)));
    assertEquals(new PairSweep(new Sweep(1489, 2963), 0), threeWay("fake rows, 16-byte window, 3 splits", FAKE_ROWS,
        window(16), 24));
  }

  @Test
  void quotesOnlyDeepInsideLongQuotedText() throws IOException {
    assertEquals(new Sweep(305, 0), twoWay("deep quotes", DEEP_QUOTES, new Configuration()));
    assertEquals(new Sweep(91, 214), twoWay("deep quotes, 32-byte window", DEEP_QUOTES, window(32)));
  }

  @Test
  void doubledQuotesStraddlingTheCut() throws IOException {
    assertEquals(new Sweep(84, 0), twoWay("doubled quotes", DOUBLED_QUOTES, new Configuration()));
    assertEquals(new Sweep(51, 33), twoWay("doubled quotes, 8-byte window", DOUBLED_QUOTES, window(8)));
  }

  @Test
  void malformedRowsThatChangeTheReadingAfterThem() throws IOException {
    assertEquals(new Sweep(156, 0), twoWay("malformed mid-file", MALFORMED_MID_FILE, new Configuration()));
    assertEquals(new Sweep(100, 56), twoWay("malformed mid-file, 16-byte window", MALFORMED_MID_FILE, window(16)));
    assertEquals(new PairSweep(new Sweep(1323, 2121), 11), threeWay("malformed mid-file, 16-byte window, 3 splits",
        MALFORMED_MID_FILE, window(16), 24));
    Configuration limit = new Configuration();
    TextInputKeys.setMaxRecordBytes(limit, 20);
    assertEquals(new Sweep(156, 0), twoWay("malformed mid-file, 20-byte record limit", MALFORMED_MID_FILE, limit));
  }

  @Test
  void aQuotedFieldOfFakeRowsLongerThanTheDefaultWindow() throws IOException {
    // 100 KB of rows inside one quoted field: from a cut in it more than a window (64 KiB) before its closing
    // quote, the parse in the true state cannot end its first record, and every other reading finds well-formed
    // rows, so the guess is wrong and the proof fails. From any other cut the window holds a record end that all
    // readings share, and the guess is proven.
    String csv = "order_id,user_id,notes\n"
        + "o1,u1,plain\n"
        + "o2,u2,\"" + "o9,u9,fake row\n".repeat(100 * 1024 / 15) + "o9,u9,end of the note\"\n"
        + "o3,u3,\"ok\"\n".repeat(10);
    Path file = Files.write(tmp.resolve("long.csv"), csv.getBytes(StandardCharsets.UTF_8));
    CsvSplits splits = new CsvSplits(new Configuration());
    List<String> whole = splits.readFully(file);
    assertEquals(12, whole.size());
    long openingQuote = csv.indexOf("o2,u2,\"") + 6;
    long closingQuote = csv.indexOf("end of the note\"") + 15;
    int succeeded = 0;
    int failed = 0;
    for (long cut = 1; cut < csv.length(); cut += 997) {
      boolean farInsideTheField =
          cut > openingQuote && closingQuote - cut >= CsvInputKeys.DEFAULT_SPECULATION_WINDOW_BYTES;
      CsvSplits.Outcome outcome = splits.tryReadFully(file, cut);
      if (outcome.failure() == null) {
        assertFalse(farInsideTheField, "cut at " + cut + " read although far inside the field");
        assertEquals(whole, outcome.records(), "cut at " + cut);
        succeeded++;
      } else {
        String message = outcome.failure().getMessage();
        assertTrue(farInsideTheField, "cut at " + cut + ": " + message);
        assertTrue(message.startsWith(CsvSplits.failurePrefix(file, cut)), message);
        assertTheFailureNamesTrueRecords(message, whole, csv.length());
        failed++;
      }
    }
    assertEquals(new Sweep(66, 37), new Sweep(succeeded, failed));
  }

  @Test
  void quotedFieldsLongerThanTheWindow() throws IOException {
    assertEquals(new Sweep(124, 253), twoWay("longer than the window, 32-byte window", LONGER_THAN_THE_WINDOW,
        window(32)));
    Configuration limit = window(32);
    TextInputKeys.setMaxRecordBytes(limit, 60);
    assertEquals(new Sweep(363, 14), twoWay("longer than the window and the 60-byte record limit",
        LONGER_THAN_THE_WINDOW, limit));
  }
}
