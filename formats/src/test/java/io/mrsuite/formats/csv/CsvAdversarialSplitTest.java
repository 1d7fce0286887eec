package io.mrsuite.formats.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mrsuite.formats.text.TextInputKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CSV built to mislead a quote-state guess at a split boundary: quoted notes that look like rows, quotes deep
 * inside long quoted text, doubled quotes across the cut, malformed rows that change how the rest reads, and
 * quoted fields longer than the window. Cut at every byte (and at every pair of bytes within 24 of each
 * other), with windows as small as 8 bytes, the splits read exactly the unsplit records: a split never starts
 * on a guess, it steps back until its start is sure.
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

  private Path write(String name, String csv) throws IOException {
    return Files.write(tmp.resolve(name + ".csv"), csv.getBytes(StandardCharsets.UTF_8));
  }

  private static Configuration window(int bytes) {
    Configuration conf = new Configuration();
    conf.setInt(CsvInputKeys.SPECULATION_WINDOW_BYTES, bytes);
    return conf;
  }

  /** Every two-way cut of {@code csv} reads the unsplit records. */
  private void everyTwoWayCut(String name, String csv, Configuration conf) throws IOException {
    Path file = write(name, csv);
    CsvSplits splits = new CsvSplits(conf);
    List<String> whole = splits.readFully(file);
    for (long cut = 1; cut < Files.size(file); cut++) {
      assertEquals(whole, splits.readFully(file, cut), name + ", cut at " + cut);
    }
  }

  /** Every three-way cut (i, j) of {@code csv} with j - i up to {@code reach} reads the unsplit records. */
  private void everyThreeWayCut(String name, String csv, Configuration conf, int reach) throws IOException {
    Path file = write(name, csv);
    CsvSplits splits = new CsvSplits(conf);
    List<String> whole = splits.readFully(file);
    int length = (int) Files.size(file);
    List<List<String>> firstSplit = new ArrayList<>();
    List<List<String>> lastSplit = new ArrayList<>();
    for (int cut = 0; cut < length; cut++) {
      firstSplit.add(cut == 0 ? null : splits.readSplitFully(file, 0, cut));
      lastSplit.add(cut == 0 ? null : splits.readSplitFully(file, cut, length - cut));
    }
    for (int i = 1; i < length; i++) {
      for (int j = i + 1; j < length && j <= i + reach; j++) {
        List<String> records = new ArrayList<>(firstSplit.get(i));
        records.addAll(splits.readSplitFully(file, i, j - i));
        records.addAll(lastSplit.get(j));
        assertEquals(whole, records, name + ", cuts " + i + "," + j);
      }
    }
  }

  @Test
  void fakeRowsInsideQuotedNotes() throws IOException {
    everyTwoWayCut("fake rows", FAKE_ROWS, new Configuration());
    everyTwoWayCut("fake rows, 16-byte window", FAKE_ROWS, window(16));
    everyThreeWayCut("fake rows, 16-byte window, 3 splits", FAKE_ROWS, window(16), 24);
  }

  @Test
  void quotesOnlyDeepInsideLongQuotedText() throws IOException {
    everyTwoWayCut("deep quotes", DEEP_QUOTES, new Configuration());
    everyTwoWayCut("deep quotes, 32-byte window", DEEP_QUOTES, window(32));
  }

  @Test
  void doubledQuotesStraddlingTheCut() throws IOException {
    everyTwoWayCut("doubled quotes", DOUBLED_QUOTES, new Configuration());
    everyTwoWayCut("doubled quotes, 8-byte window", DOUBLED_QUOTES, window(8));
  }

  @Test
  void malformedRowsThatChangeTheReadingAfterThem() throws IOException {
    everyTwoWayCut("malformed mid-file", MALFORMED_MID_FILE, new Configuration());
    everyTwoWayCut("malformed mid-file, 16-byte window", MALFORMED_MID_FILE, window(16));
    everyThreeWayCut("malformed mid-file, 16-byte window, 3 splits", MALFORMED_MID_FILE, window(16), 24);
    Configuration limit = new Configuration();
    TextInputKeys.setMaxRecordBytes(limit, 20);
    everyTwoWayCut("malformed mid-file, 20-byte record limit", MALFORMED_MID_FILE, limit);
  }

  @Test
  void aQuotedFieldOfFakeRowsLongerThanTheDefaultWindow() throws IOException {
    // 100 KB of rows inside one quoted field: from a cut in it more than a window (64 KiB) before its closing
    // quote, the reading from inside quotes cannot end its first record within the window, so no start there
    // is sure and the split steps back before the field.
    String csv = "order_id,user_id,notes\n"
        + "o1,u1,plain\n"
        + "o2,u2,\"" + "o9,u9,fake row\n".repeat(100 * 1024 / 15) + "o9,u9,end of the note\"\n"
        + "o3,u3,\"ok\"\n".repeat(10);
    Path file = write("long", csv);
    CsvSplits splits = new CsvSplits(new Configuration());
    List<String> whole = splits.readFully(file);
    assertEquals(12, whole.size());
    for (long cut = 1; cut < csv.length(); cut += 997) {
      assertEquals(whole, splits.readFully(file, cut), "cut at " + cut);
    }
  }

  @Test
  void quotedFieldsLongerThanTheWindow() throws IOException {
    everyTwoWayCut("longer than the window, 32-byte window", LONGER_THAN_THE_WINDOW, window(32));
    Configuration limit = window(32);
    TextInputKeys.setMaxRecordBytes(limit, 60);
    everyTwoWayCut("longer than the window and the 60-byte record limit", LONGER_THAN_THE_WINDOW, limit);
  }
}
