package io.mrsuite.formats.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.compress.BZip2Codec;
import org.apache.hadoop.io.compress.CompressionInputStream;
import org.apache.hadoop.io.compress.bzip2.CBZip2OutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A compressed CSV file cut short, at every byte (gzip) or at, inside and around every bzip2 block boundary
 * and in the end-of-stream trailer: the records that end before the break are read exactly as from the whole
 * file, then exactly one TRUNCATED record starts where they stop and holds the decoded rest; nothing is lost and
 * nothing fails. A bzip2 file cut short and read as splits gives the same records.
 *
 * <p>What the decoder yields before it breaks comes from an oracle: Java's own gzip decoder, and Hadoop's
 * bzip2 decoder read to its end.
 */
class CsvTruncatedInputTest {
  private static final long BZIP2_BLOCK_MAGIC = 0x314159265359L;
  private static final long BZIP2_END_OF_STREAM_MAGIC = 0x177245385090L;

  @TempDir
  static Path dir;

  private static final Configuration CONF = new Configuration();
  private static final CsvSplits SPLITS = new CsvSplits(CONF);

  /**
   * A byte-order mark, generated orders, rows with a quoted line break, CRLF, a malformed row, an empty line and
   * a multi-line last row.
   */
  private static byte[] small;
  private static List<CsvRecord> smallRecords;
  /** Generated orders over three bzip2 blocks of 100 kB. */
  private static byte[] large;
  private static List<CsvRecord> largeRecords;
  private static byte[] largeBzip2;

  @BeforeAll
  static void writeContent() throws IOException {
    small = CsvSplits.bytes("\uFEFF", new OrdersCsvGenerator(3).generate(1_200),
        "x1,u1,2026-11-20T10:00:00Z,paid,USD,1.00,0.00,0.00,1.00,US,\"two\nlines, \"\"quoted\"\"\"\r\n",
        "x2,u2,2026-11-20T10:00:00Z,paid,USD,1.00,0.00,0.00,1.00,US,\"bad\"tail\n",
        "\n",
        "x3,u3,2026-11-20T10:00:00Z,paid,USD,1.00,0.00,0.00,1.00,US,\"last\none\"\n");
    smallRecords = SPLITS.readWhole(Files.write(dir.resolve("small.csv"), small));
    large = new OrdersCsvGenerator(4).generate(220_000);
    largeRecords = SPLITS.readWhole(Files.write(dir.resolve("large.csv"), large));
    largeBzip2 = bzip2(large);
    assertEquals(3, blockStarts(largeBzip2).size(), "bzip2 blocks");
  }

  private static byte[] gzip(byte[] content) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(content);
    }
    return out.toByteArray();
  }

  /** bzip2 with 100 kB blocks, so that a small file has several. */
  private static byte[] bzip2(byte[] content) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write('B');
    out.write('Z');
    try (CBZip2OutputStream bz = new CBZip2OutputStream(out, 1)) {
      bz.write(content);
    }
    return out.toByteArray();
  }

  /** Bytes Java's gzip decoder gets out of {@code gz} before it breaks (all of them when it does not). */
  private static int gzipDecodable(byte[] gz) throws IOException {
    int total = 0;
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
      byte[] buffer = new byte[8192];
      for (int n; (n = in.read(buffer)) > 0; ) {
        total += n;
      }
    } catch (EOFException expected) {
      // cut short
    }
    return total;
  }

  /** Bytes Hadoop's bzip2 decoder gets out of {@code bz2} before it fails or ends. */
  private static int bzip2Decodable(byte[] bz2) {
    BZip2Codec codec = new BZip2Codec();
    codec.setConf(CONF);
    int total = 0;
    try (CompressionInputStream in = codec.createInputStream(new ByteArrayInputStream(bz2),
        codec.createDecompressor())) {
      byte[] buffer = new byte[65536];
      for (int n; (n = in.read(buffer)) > 0; ) {
        total += n;
      }
    } catch (IOException e) {
      // cut short
    }
    return total;
  }

  /** Byte positions of a 48-bit bzip2 marker: the byte its first bit is in. */
  private static List<Integer> markerBytes(byte[] data, long marker) {
    List<Integer> found = new ArrayList<>();
    long window = 0;
    long mask = (1L << 48) - 1;
    for (long bit = 0; bit < data.length * 8L; bit++) {
      window = ((window << 1) | ((data[(int) (bit >>> 3)] >> (7 - (bit & 7))) & 1)) & mask;
      if (bit >= 47 && window == marker) {
        found.add((int) ((bit - 47) >>> 3));
      }
    }
    return found;
  }

  private static List<Integer> blockStarts(byte[] bz2) {
    return markerBytes(bz2, BZIP2_BLOCK_MAGIC);
  }

  /**
   * What reading {@code content} cut after {@code decoded} bytes must give: every record of the whole file that
   * ends there or before, then, when the file was cut short, one TRUNCATED record from there holding the rest of
   * what was decoded.
   */
  private static List<String> expected(byte[] content, List<CsvRecord> whole, int decoded, boolean cutShort) {
    List<String> expected = new ArrayList<>();
    // Before the first record: the header, and before it any byte-order mark, which is skipped once whole.
    boolean byteOrderMark = content.length >= 3 && content[0] == (byte) 0xEF;
    long truncatedAt = byteOrderMark && decoded >= 3 ? 3 : 0;
    if (!whole.isEmpty() && decoded >= whole.get(0).offset()) {
      truncatedAt = whole.get(0).offset();
    }
    for (int i = 0; i < whole.size(); i++) {
      long end = i + 1 < whole.size() ? whole.get(i + 1).offset() : content.length;
      if (end > decoded) {
        break;
      }
      expected.add(CsvSplits.describeFully(whole.get(i)));
      truncatedAt = end;
    }
    if (cutShort) {
      expected.add(truncated(content, truncatedAt, decoded));
    }
    return expected;
  }

  /** A TRUNCATED record as {@link CsvSplits#describeFully} shows it; the detail is checked apart. */
  private static String truncated(byte[] content, long at, int decoded) {
    CsvRecord record = new CsvRecord();
    record.set("", at, 0, List.of(), CsvRecord.Kind.TRUNCATED, "", Arrays.copyOfRange(content, (int) at, decoded),
        decoded - (int) at, decoded - at);
    return CsvSplits.describeFully(record);
  }

  /** The records read from {@code file}, described; TRUNCATED ones name the file and say why. */
  private static List<String> read(Path file, long... cuts) throws IOException {
    List<String> records = new ArrayList<>();
    long start = 0;
    for (int i = 0; i <= cuts.length; i++) {
      long end = i < cuts.length ? cuts[i] : Files.size(file);
      for (CsvRecord record : SPLITS.readRecords(file, start, end - start)) {
        if (record.kind() == CsvRecord.Kind.TRUNCATED) {
          assertEquals(new org.apache.hadoop.fs.Path(file.toUri()).toString(), record.sourceFile());
          assertTrue(record.detail().startsWith("the compressed data ends early ("), record.detail());
          assertTrue(record.detail().endsWith("): this record stands for the rest of the file"), record.detail());
          record.set("", record.offset(), 0, List.of(), CsvRecord.Kind.TRUNCATED, "", record.raw(),
              record.raw().length, record.rawLength());
        }
        records.add(CsvSplits.describeFully(record));
      }
      start = end;
    }
    return records;
  }

  private static Path write(String name, byte[] bytes) throws IOException {
    return Files.write(dir.resolve(name), bytes);
  }

  @Test
  void gzipCutAtEveryByte() throws IOException {
    byte[] gz = gzip(small);
    for (int cut = 0; cut <= gz.length; cut++) {
      byte[] part = Arrays.copyOf(gz, cut);
      Path file = write("orders.csv.gz", part);
      int decoded = gzipDecodable(part);
      assertEquals(expected(small, smallRecords, decoded, cut < gz.length), read(file), "cut at " + cut);
    }
  }

  @Test
  void wholeFilesAreReadWithoutATruncatedRecord() throws IOException {
    List<String> whole = smallRecords.stream().map(CsvSplits::describeFully).toList();
    assertEquals(whole, read(write("whole.csv.gz", gzip(small))));
    assertEquals(whole, read(write("whole.csv.bz2", bzip2(small))));
  }

  @Test
  void emptyCompressedFilesAreOneTruncatedRecord() throws IOException {
    assertEquals(List.of(truncated(new byte[0], 0, 0)), read(write("empty.csv.gz", new byte[0])));
    assertEquals(List.of(truncated(new byte[0], 0, 0)), read(write("empty.csv.bz2", new byte[0])));
  }

  /**
   * Cut exactly at each block boundary (the byte its marker starts in, and the next), inside each marker, a few
   * bytes around, in the middle of each block, and at every byte of the end-of-stream trailer.
   */
  private static TreeSet<Integer> bzip2Cuts() {
    TreeSet<Integer> cuts = new TreeSet<>();
    List<Integer> starts = blockStarts(largeBzip2);
    for (int i = 0; i < starts.size(); i++) {
      int start = starts.get(i);
      for (int cut = start - 3; cut <= start + 8; cut++) {
        cuts.add(cut);
      }
      int next = i + 1 < starts.size() ? starts.get(i + 1) : largeBzip2.length;
      cuts.add((start + next) / 2);
    }
    int endOfStream = markerBytes(largeBzip2, BZIP2_END_OF_STREAM_MAGIC).get(0);
    for (int cut = endOfStream - 2; cut < largeBzip2.length; cut++) {
      cuts.add(cut);
    }
    cuts.add(1);
    cuts.add(10);
    return cuts;
  }

  @Test
  void bzip2CutAtAndAroundEveryBlockBoundaryAndInTheTrailer() throws IOException {
    for (int cut : bzip2Cuts()) {
      byte[] part = Arrays.copyOf(largeBzip2, cut);
      Path file = write("orders.csv.bz2", part);
      int decoded = bzip2Decodable(part);
      assertEquals(expected(large, largeRecords, decoded, true), read(file), "cut at " + cut);
    }
  }

  @Test
  void bzip2CutShortAndReadAsSplitsGivesTheWholeReadsRecords() throws IOException {
    List<Integer> starts = blockStarts(largeBzip2);
    int endOfStream = markerBytes(largeBzip2, BZIP2_END_OF_STREAM_MAGIC).get(0);
    int last = starts.get(starts.size() - 1);
    // At a block boundary, inside a block marker, inside a block, inside the end-of-stream trailer.
    int[] fileCuts = {last, last + 3, (starts.get(1) + last) / 2, endOfStream + 3};
    for (int fileCut : fileCuts) {
      Path file = write("split.csv.bz2", Arrays.copyOf(largeBzip2, fileCut));
      List<String> whole = withoutOffsets(read(file));
      assertEquals(1, whole.stream().filter(r -> r.startsWith("TRUNCATED ")).count(), "file cut at " + fileCut);
      TreeSet<Long> splitCuts = new TreeSet<>();
      for (int start : starts) {
        for (long at : new long[] {start, start + 1}) {
          if (at > 0 && at < fileCut) {
            splitCuts.add(at);
          }
        }
      }
      splitCuts.add(fileCut - 1L);
      for (long splitCut : splitCuts) {
        assertEquals(whole, withoutOffsets(read(file, splitCut)), "file cut at " + fileCut + ", split at " + splitCut);
      }
      long[] everyBlock = starts.stream().filter(s -> s < fileCut).mapToLong(s -> s + 2L).toArray();
      assertEquals(whole, withoutOffsets(read(file, everyBlock)), "file cut at " + fileCut + ", a split per block");
    }
  }

  /** A split after a bzip2 file's first counts its offsets from its first block: compare the rest. */
  private static List<String> withoutOffsets(List<String> records) {
    return records.stream().map(r -> r.substring(r.indexOf(' ') + 1)).toList();
  }
}
