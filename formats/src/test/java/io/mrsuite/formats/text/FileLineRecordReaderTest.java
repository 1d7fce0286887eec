package io.mrsuite.formats.text;

import static io.mrsuite.formats.text.HadoopFiles.bitPositions;
import static io.mrsuite.formats.text.HadoopFiles.bzip2;
import static io.mrsuite.formats.text.HadoopFiles.conf;
import static io.mrsuite.formats.text.HadoopFiles.context;
import static io.mrsuite.formats.text.HadoopFiles.expectedLines;
import static io.mrsuite.formats.text.HadoopFiles.gzip;
import static io.mrsuite.formats.text.HadoopFiles.hadoopPath;
import static io.mrsuite.formats.text.HadoopFiles.randomLines;
import static io.mrsuite.formats.text.HadoopFiles.readFile;
import static io.mrsuite.formats.text.ScannedLine.line;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.compress.BZip2Codec;
import org.apache.hadoop.io.compress.CompressionInputStream;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileLineRecordReaderTest {
  private static final long BLOCK_MAGIC = 0x314159265359L;
  private static final long END_OF_STREAM_MAGIC = 0x177245385090L;
  private static final String GZIP_EOF = "Unexpected end of input stream";
  private static final String BZIP2_EOF = "unexpected end of stream";
  private static final String BZIP2_NO_END = "bzip2 data ends without an end-of-stream marker: the file ends early";

  /** Over 900 kB: Hadoop's bzip2 writer makes two blocks of it. */
  private static byte[] twoBlockText;
  private static byte[] twoBlockBzip2;

  @TempDir
  Path dir;

  @BeforeAll
  static void compressOnce() throws IOException {
    twoBlockText = randomLines(7, 1_100_000);
    twoBlockBzip2 = bzip2(twoBlockText);
  }

  private Path write(String name, byte[] bytes) throws IOException {
    Path file = dir.resolve(name);
    Files.write(file, bytes);
    return file;
  }

  private static String name(Path file) {
    return hadoopPath(file).toString();
  }

  private static List<ScannedLine> read(Path file) throws Exception {
    return readFile(file, conf());
  }

  private static ScannedLine truncated(String file, long number, long offset, byte[] held, long fullLength,
      String detail) {
    return new ScannedLine(file, number, offset, held, fullLength, -1, RawLine.Kind.TRUNCATED, detail);
  }

  /** Bytes Java's own gzip decoder gets out of {@code gz} before it breaks: an oracle independent of Hadoop. */
  private static int gzipDecodableBytes(byte[] gz) throws IOException {
    int total = 0;
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
      byte[] buffer = new byte[8192];
      for (int n; (n = in.read(buffer)) > 0; ) {
        total += n;
      }
      throw new AssertionError("expected the cut stream to break");
    } catch (EOFException expected) {
      return total;
    }
  }

  /** The lines of {@code data} wholly inside its first {@code decoded} bytes, then the TRUNCATED rest. */
  private static List<ScannedLine> completeLinesThenTruncated(String file, byte[] data, int decoded, String detail) {
    List<ScannedLine> expected = new ArrayList<>();
    int lineStart = 0;
    for (ScannedLine line : expectedLines(file, Arrays.copyOf(data, decoded))) {
      if (line.offset() + line.fullLength() < decoded) {
        expected.add(line);
        lineStart = (int) (line.offset() + line.fullLength() + 1);
      }
    }
    expected.add(truncated(file, expected.size() + 1, lineStart, Arrays.copyOfRange(data, lineStart, decoded),
        decoded - lineStart, detail));
    return expected;
  }

  // ---- plain and compressed files give the same lines -----------------------------------------------

  @Test
  void plainGzipAndBzip2FilesGiveIdenticalLines() throws Exception {
    byte[] data = "\uFEFF{\"a\":1}\r\n\n{\"b\":\"é😀\"}\nlone\rcr\n{\"last\":true}".getBytes(StandardCharsets.UTF_8);
    Path plain = write("events.jsonl", data);
    Path gz = write("events.jsonl.gz", gzip(data));
    Path bz2 = write("events.jsonl.bz2", bzip2(data));
    for (Path file : List.of(plain, gz, bz2)) {
      String f = name(file);
      assertEquals(List.of(line(f, 1, 3, "{\"a\":1}"), line(f, 2, 12, ""), line(f, 3, 13, "{\"b\":\"é😀\"}"),
          line(f, 4, 28, "lone\rcr"), line(f, 5, 36, "{\"last\":true}")), read(file), file.toString());
    }
  }

  @Test
  void largeFilesGiveIdenticalLinesPlainGzipAndBzip2() throws Exception {
    Path plain = write("big.jsonl", twoBlockText);
    Path gz = write("big.jsonl.gz", gzip(twoBlockText));
    Path bz2 = write("big.jsonl.bz2", twoBlockBzip2);
    assertEquals(2, bitPositions(twoBlockBzip2, BLOCK_MAGIC).size(), "two bzip2 blocks");
    for (Path file : List.of(plain, gz, bz2)) {
      assertEquals(expectedLines(name(file), twoBlockText), read(file), file.toString());
    }
  }

  @Test
  void compressedFilesOfNoTextHaveNoLines() throws Exception {
    assertEquals(List.of(), read(write("empty.jsonl", new byte[0])));
    assertEquals(List.of(), read(write("empty.jsonl.gz", gzip(new byte[0]))));
    assertEquals(List.of(), read(write("empty.jsonl.bz2", bzip2(new byte[0]))));
  }

  @Test
  void concatenatedGzipMembersAreReadAsOneFile() throws Exception {
    byte[] first = "a\nb".getBytes(StandardCharsets.UTF_8);
    byte[] second = "c\nd\n".getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream both = new ByteArrayOutputStream();
    both.writeBytes(gzip(first));
    both.writeBytes(gzip(second));
    Path file = write("two-members.jsonl.gz", both.toByteArray());
    String f = name(file);
    assertEquals(List.of(line(f, 1, 0, "a"), line(f, 2, 2, "bc"), line(f, 3, 5, "d")), read(file));
  }

  @Test
  void concatenatedBzip2StreamsAreReadAsOneFile() throws Exception {
    ByteArrayOutputStream both = new ByteArrayOutputStream();
    both.writeBytes(bzip2("a\nb".getBytes(StandardCharsets.UTF_8)));
    both.writeBytes(bzip2("c\nd\n".getBytes(StandardCharsets.UTF_8)));
    Path file = write("two-streams.jsonl.bz2", both.toByteArray());
    String f = name(file);
    assertEquals(List.of(line(f, 1, 0, "a"), line(f, 2, 2, "bc"), line(f, 3, 5, "d")), read(file));
  }

  @Test
  void maxRecordBytesComesFromTheConfiguration() throws Exception {
    Path file = write("limit.jsonl.gz", gzip("12345\r\n123456\nx".getBytes(StandardCharsets.UTF_8)));
    Configuration conf = conf();
    TextInputKeys.setMaxRecordBytes(conf, 5);
    String f = name(file);
    assertEquals(List.of(line(f, 1, 0, "12345"),
        new ScannedLine(f, 2, 7, "123456".getBytes(StandardCharsets.UTF_8), 6, -1, RawLine.Kind.TOO_LARGE, ""),
        line(f, 3, 14, "x")), readFile(file, conf));
  }

  @Test
  void invalidMaxRecordBytesIsRefused() throws Exception {
    Path file = write("x.jsonl", new byte[] {'x'});
    Configuration conf = conf();
    conf.setInt(TextInputKeys.MAX_RECORD_BYTES, 0);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> readFile(file, conf));
    assertEquals("mrsuite.input.max-record-bytes must be between 1 and 2147483646: 0", e.getMessage());
  }

  @Test
  void splitNotStartingAtZeroIsRefused() throws Exception {
    Path file = write("x.jsonl", "abc\ndef\n".getBytes(StandardCharsets.UTF_8));
    FileLineRecordReader reader = new FileLineRecordReader();
    IOException e = assertThrows(IOException.class,
        () -> reader.initialize(new FileSplit(hadoopPath(file), 4, 4, null), context(conf())));
    assertEquals(name(file) + ": this reader reads whole files, got a split starting at 4", e.getMessage());
    reader.close();
  }

  @Test
  void progressMovesFromZeroToOne() throws Exception {
    Path file = write("progress.jsonl", twoBlockText);
    FileLineRecordReader reader = new FileLineRecordReader();
    reader.initialize(new FileSplit(hadoopPath(file), 0, twoBlockText.length, null), context(conf()));
    assertEquals(0f, reader.getProgress());
    float middle = -1;
    int count = 0;
    while (reader.nextKeyValue()) {
      if (++count == 10_000) {
        middle = reader.getProgress();
      }
    }
    assertTrue(middle > 0f && middle < 1f, "progress in the middle: " + middle);
    assertEquals(1f, reader.getProgress());
    reader.close();
  }

  // ---- truncated gzip --------------------------------------------------------------------------------

  @Test
  void truncatedGzipGivesTheCompleteLinesThenOneTruncatedLineAtTheStartOfThePartialLine() throws Exception {
    byte[] data = randomLines(1, 200_000);
    byte[] gz = gzip(data);
    byte[] cut = Arrays.copyOf(gz, gz.length / 2);
    int decoded = gzipDecodableBytes(cut);
    assertTrue(decoded > 10_000 && decoded < data.length - 10_000, "cut mid-file: " + decoded);
    Path file = write("cut.jsonl.gz", cut);
    List<ScannedLine> lines = read(file);
    assertEquals(completeLinesThenTruncated(name(file), data, decoded, GZIP_EOF), lines);
    // The lines before the break are exactly the file's first lines.
    List<ScannedLine> original = expectedLines(name(file), data);
    assertEquals(original.subList(0, lines.size() - 1), lines.subList(0, lines.size() - 1));
    ScannedLine last = lines.get(lines.size() - 1);
    assertEquals(original.get(lines.size() - 1).offset(), last.offset());
    assertTrue(last.fullLength() < original.get(lines.size() - 1).fullLength() + 1);
  }

  @Test
  void gzipCutAtManyPlacesAlwaysEndsWithExactlyOneTruncatedLine() throws Exception {
    byte[] data = randomLines(2, 30_000);
    byte[] gz = gzip(data);
    for (int cut = 1; cut < gz.length; cut += 997) {
      byte[] part = Arrays.copyOf(gz, cut);
      Path file = write("cut" + cut + ".jsonl.gz", part);
      assertEquals(completeLinesThenTruncated(name(file), data, gzipDecodableBytes(part), GZIP_EOF), read(file),
          "cut at " + cut);
    }
  }

  @Test
  void gzipMissingOnlyItsTrailerGivesEveryLineThenAnEmptyTruncatedLine() throws Exception {
    byte[] data = "a\nb\n".getBytes(StandardCharsets.UTF_8);
    byte[] gz = gzip(data);
    Path file = write("no-trailer.jsonl.gz", Arrays.copyOf(gz, gz.length - 8));
    String f = name(file);
    assertEquals(List.of(line(f, 1, 0, "a"), line(f, 2, 2, "b"), truncated(f, 3, 4, new byte[0], 0, GZIP_EOF)),
        read(file));
  }

  @Test
  void gzipCutInsideItsHeaderIsOneTruncatedLineAtOffsetZero() throws Exception {
    Path file = write("header.jsonl.gz", Arrays.copyOf(gzip("a\n".getBytes(StandardCharsets.UTF_8)), 5));
    assertEquals(List.of(truncated(name(file), 1, 0, new byte[0], 0, GZIP_EOF)), read(file));
  }

  /** Observed and kept: a 0-byte .gz is not a gzip stream; Hadoop's decoder reports an early end. */
  @Test
  void zeroByteGzipIsOneTruncatedRecord() throws Exception {
    Path file = write("zero.jsonl.gz", new byte[0]);
    assertEquals(List.of(truncated(name(file), 1, 0, new byte[0], 0, GZIP_EOF)), read(file));
  }

  // ---- truncated bzip2 -------------------------------------------------------------------------------

  /** Bytes Hadoop's own bzip2 decoder gets out of {@code bz2} before it fails or ends. */
  private static long hadoopBzip2DecodableBytes(byte[] bz2) {
    BZip2Codec codec = new BZip2Codec();
    codec.setConf(conf());
    long total = 0;
    try (CompressionInputStream in = codec.createInputStream(new ByteArrayInputStream(bz2),
        codec.createDecompressor())) {
      byte[] buffer = new byte[65536];
      for (int n; (n = in.read(buffer)) > 0; ) {
        total += n;
      }
    } catch (IOException e) {
      assertEquals(BZIP2_EOF, e.getMessage());
    }
    return total;
  }

  @Test
  void bzip2CutInsideItsSecondBlockGivesTheFirstBlocksLinesThenOneTruncatedLine() throws Exception {
    List<Long> blocks = bitPositions(twoBlockBzip2, BLOCK_MAGIC);
    int cut = (int) (blocks.get(1) / 8) + 5_000;
    byte[] part = Arrays.copyOf(twoBlockBzip2, cut);
    int decoded = (int) hadoopBzip2DecodableBytes(part);
    assertTrue(decoded > 800_000 && decoded < 900_000, "the first block: " + decoded);
    Path file = write("cut-block2.jsonl.bz2", part);
    assertEquals(completeLinesThenTruncated(name(file), twoBlockText, decoded, BZIP2_EOF), read(file));
  }

  /**
   * Hadoop 3.4's bzip2 stream (BYBLOCK mode) returns a clean end of stream when the file stops inside a
   * block-start marker: the second block is lost without a word. The reader checks the end-of-stream marker.
   */
  @Test
  void bzip2CutInsideABlockMarkerIsNotSilentlyShort() throws Exception {
    long secondBlock = bitPositions(twoBlockBzip2, BLOCK_MAGIC).get(1);
    byte[] part = Arrays.copyOf(twoBlockBzip2, (int) (secondBlock / 8) + 1);
    long decoded = hadoopBzip2DecodableBytes(part);
    assertTrue(decoded > 800_000 && decoded < 900_000, "Hadoop ends quietly after the first block: " + decoded);
    Path file = write("cut-marker.jsonl.bz2", part);
    assertEquals(completeLinesThenTruncated(name(file), twoBlockText, (int) decoded, BZIP2_NO_END), read(file));
  }

  @Test
  void bzip2CutAnywhereAfterItsLastBlockGivesEveryLineThenAnEmptyTruncatedLine() throws Exception {
    byte[] data = "a\nb\n".getBytes(StandardCharsets.UTF_8);
    byte[] bz2 = bzip2(data);
    List<Long> endOfStream = bitPositions(bz2, END_OF_STREAM_MAGIC);
    assertEquals(1, endOfStream.size());
    int blockEnd = (int) ((endOfStream.get(0) + 7) / 8);
    assertTrue(bz2.length - blockEnd >= 10, "48-bit marker and 32-bit CRC follow the block");
    for (int cut = blockEnd; cut < bz2.length; cut++) {
      Path file = write("trailer" + cut + ".jsonl.bz2", Arrays.copyOf(bz2, cut));
      String f = name(file);
      assertEquals(List.of(line(f, 1, 0, "a"), line(f, 2, 2, "b"), truncated(f, 3, 4, new byte[0], 0, BZIP2_NO_END)),
          read(file), "cut at " + cut + " of " + bz2.length);
    }
    for (int cut = 0; cut < blockEnd; cut++) {
      Path file = write("block" + cut + ".jsonl.bz2", Arrays.copyOf(bz2, cut));
      List<ScannedLine> lines = read(file);
      assertEquals(1, lines.size(), "cut at " + cut);
      ScannedLine only = lines.get(0);
      assertEquals(RawLine.Kind.TRUNCATED, only.kind());
      assertEquals(1, only.lineNumber());
      assertEquals(0, only.offset());
      assertEquals(0, only.fullLength());
      assertTrue(only.breakDetail().equals(BZIP2_EOF) || only.breakDetail().equals(BZIP2_NO_END), only.breakDetail());
    }
  }

  /** Hadoop's bzip2 stream decodes the first block while it is opened; a cut there must not fail the task. */
  @Test
  void singleBlockBzip2CutMidBlockIsOneTruncatedLineAtOffsetZero() throws Exception {
    byte[] data = randomLines(3, 20_000);
    byte[] bz2 = bzip2(data);
    for (int cut : new int[] {10, bz2.length / 2, bz2.length - 20}) {
      Path file = write("single" + cut + ".jsonl.bz2", Arrays.copyOf(bz2, cut));
      assertEquals(List.of(truncated(name(file), 1, 0, new byte[0], 0, BZIP2_EOF)), read(file), "cut at " + cut);
    }
  }

  @Test
  void bzip2OfOnlyAHeaderIsOneTruncatedLine() throws Exception {
    for (String header : new String[] {"BZ", "BZh", "BZh9"}) {
      Path file = write(header + ".jsonl.bz2", header.getBytes(StandardCharsets.US_ASCII));
      assertEquals(List.of(truncated(name(file), 1, 0, new byte[0], 0, BZIP2_NO_END)), read(file), header);
    }
  }

  /** Observed: Hadoop's bzip2 stream returns end-of-stream for a 0-byte file; the reader reports it like gzip. */
  @Test
  void zeroByteBzip2IsOneTruncatedRecord() throws Exception {
    Path file = write("zero.jsonl.bz2", new byte[0]);
    assertEquals(0, hadoopBzip2DecodableBytes(new byte[0]));
    assertEquals(List.of(truncated(name(file), 1, 0, new byte[0], 0, BZIP2_NO_END)), read(file));
  }

  @Test
  void bzip2CutAtManyPlacesAlwaysEndsWithExactlyOneTruncatedLine() throws Exception {
    for (int cut = 0; cut < twoBlockBzip2.length; cut += 37_111) {
      byte[] part = Arrays.copyOf(twoBlockBzip2, cut);
      Path file = write("many" + cut + ".jsonl.bz2", part);
      List<ScannedLine> lines = read(file);
      ScannedLine last = lines.get(lines.size() - 1);
      assertEquals(RawLine.Kind.TRUNCATED, last.kind(), "cut at " + cut);
      for (ScannedLine line : lines.subList(0, lines.size() - 1)) {
        assertEquals(RawLine.Kind.LINE, line.kind());
      }
      List<ScannedLine> original = expectedLines(name(file), twoBlockText);
      assertEquals(original.subList(0, lines.size() - 1), lines.subList(0, lines.size() - 1), "cut at " + cut);
      assertEquals(original.get(lines.size() - 1).offset(), last.offset(), "cut at " + cut);
    }
  }
}
