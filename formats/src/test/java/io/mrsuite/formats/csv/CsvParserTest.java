package io.mrsuite.formats.csv;

import static io.mrsuite.formats.csv.CsvSplits.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mrsuite.formats.text.TextInputKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapreduce.TaskAttemptID;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;
import org.apache.hadoop.mapreduce.task.TaskAttemptContextImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parser's rules through {@link CsvRecordReader} on a whole-file split: fields, terminators, line
 * numbers, every malformed kind with its detail and where parsing resumes, size limit, encoding, header.
 * Records are shown as "L&lt;line&gt; &lt;offset&gt; &lt;kind&gt; [field][field] #&lt;raw length&gt;" or
 * "L&lt;line&gt; &lt;offset&gt; &lt;kind&gt; &lt;raw text&gt; // &lt;detail&gt; #&lt;raw length&gt;".
 */
class CsvParserTest {
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  @TempDir
  Path tmp;

  private final Configuration conf = new Configuration();
  private int files;

  private Path write(byte[] bytes) throws IOException {
    return Files.write(tmp.resolve("f" + files++ + ".csv"), bytes);
  }

  private Path write(String csv) throws IOException {
    return write(csv.getBytes(StandardCharsets.UTF_8));
  }

  private List<CsvRecord> records(Path file) throws IOException {
    return new CsvSplits(conf).readWhole(file);
  }

  private List<String> whole(Path file) throws IOException {
    List<String> shown = new ArrayList<>();
    for (CsvRecord record : records(file)) {
      shown.add("L" + record.lineNumber() + " " + CsvSplits.describeFully(record));
    }
    return shown;
  }

  private List<String> whole(String csv) throws IOException {
    return whole(write(csv));
  }

  /** Every two-way cut of the file reads what the whole file reads (line numbers aside). */
  private void assertEveryCutAgrees(Path file) throws IOException {
    CsvSplits splits = new CsvSplits(conf);
    List<String> whole = splits.readFully(file);
    for (long cut = 1; cut < Files.size(file); cut++) {
      assertEquals(whole, splits.readFully(file, cut), "cut at " + cut);
    }
  }


  @Test
  void quotedCommasDoubledQuotesAndLineBreaksInsideQuotes() throws IOException {
    Path file = write("h1,h2,h3\n"
        + "a,\"b,c\",\"d \"\"e\"\"\"\n"
        + "\"x\ny\",\"p\r\nq\",\"r\rs\"\r\n"
        + "t,u,v");
    assertEquals(List.of(
        "L2 9 RECORD [a][b,c][d \"e\"] #17",
        "L3 27 RECORD [x\ny][p\r\nq][r\rs] #18",
        "L6 47 RECORD [t][u][v] #5"), whole(file));
    assertEquals("\"x\ny\",\"p\r\nq\",\"r\rs\"", records(file).get(1).rawText());
    assertEveryCutAgrees(file);
  }

  @Test
  void crlfAndLfTerminatorsAndALastRecordWithoutOne() throws IOException {
    Path file = write("h1,h2\r\na,b\r\nc,d\ne,f");
    assertEquals(List.of(
        "L2 7 RECORD [a][b] #3",
        "L3 12 RECORD [c][d] #3",
        "L4 16 RECORD [e][f] #3"), whole(file));
    assertEquals("a,b", records(file).get(0).rawText(), "the CR of CRLF is terminator, not content");
    assertEveryCutAgrees(file);
  }

  @Test
  void quotedFieldsBeforeTerminatorsAndAtTheEndOfTheFile() throws IOException {
    assertEquals(List.of(
        "L2 7 RECORD [a][b] #7",
        "L3 16 RECORD [c][] #6",
        "L4 23 RECORD [d][e\n] #8"),
        whole("h1,h2\r\n\"a\",\"b\"\r\n\"c\",\"\"\n\"d\",\"e\n\""));
    assertEquals(List.of("L2 2 RECORD [x] #3"), whole("h\n\"x\""));
    assertEquals("\"a\",\"b\"", records(write("h1,h2\r\n\"a\",\"b\"\r\n")).get(0).rawText());
  }

  @Test
  void emptyQuotedAndUnquotedFields() throws IOException {
    Path file = write("h1,h2,h3\n\"\",,\n,\"\",\n,,\"\"\n,,\n");
    assertEquals(List.of(
        "L2 9 RECORD [][][] #4",
        "L3 14 RECORD [][][] #4",
        "L4 19 RECORD [][][] #4",
        "L5 24 RECORD [][][] #2"), whole(file));
    assertEveryCutAgrees(file);
  }

  @Test
  void byteOrderMarkAtTheStartIsSkippedAndOnlyThere() throws IOException {
    CsvInputKeys.setExpectedHeader(conf, List.of("h1", "h2"));
    Path file = write(bytes(BOM, "h1,h2\na,b\n", BOM, "c,d\n"));
    assertEquals(List.of(
        "L2 9 RECORD [a][b] #3",
        "L3 13 RECORD [\uFEFFc][d] #6"), whole(file));
    assertEveryCutAgrees(file);
    assertEquals(List.of(), whole(write(BOM)));
    assertEquals(List.of(), whole(write(bytes(BOM, "h1,h2\r\n"))));
  }

  @Test
  void theHeaderIsSkippedExactlyOnce() throws IOException {
    Path file = write("h1,h2\nh1,h2\na,b\nh1,h2\n");
    assertEquals(List.of(
        "L2 6 RECORD [h1][h2] #5",
        "L3 12 RECORD [a][b] #3",
        "L4 16 RECORD [h1][h2] #5"), whole(file));
    assertEveryCutAgrees(file);
  }

  @Test
  void lineNumbersCountPhysicalLinesOfMultiLineRecords() throws IOException {
    Path file = write("h\n\"a\nb\"\nc\n\n\"d\r\n\r\ne\"\r\n\r\nf");
    assertEquals(List.of(
        "L2 2 RECORD [a\nb] #5",
        "L4 8 RECORD [c] #1",
        "L5 10 EMPTY  //  #0",
        "L6 11 RECORD [d\r\n\r\ne] #8",
        "L9 21 EMPTY  //  #0",
        "L10 23 RECORD [f] #1"), whole(file));
    assertEveryCutAgrees(file);
  }

  @Test
  void splitsAfterTheFirstDoNotKnowLineNumbers() throws IOException {
    Path file = write("h1,h2\na,b\n\"c\nc\",d\ne,f\ng,h\n");
    CsvSplits splits = new CsvSplits(conf);
    List<CsvRecord> first = splits.readRecords(file, 0, 12);
    assertEquals(List.of(2L, 3L), first.stream().map(CsvRecord::lineNumber).toList());
    List<CsvRecord> second = splits.readRecords(file, 12, Files.size(file) - 12);
    assertEquals(List.of("e|f", "g|h"), second.stream().map(r -> String.join("|", r.fields())).toList());
    assertEquals(List.of(0L, 0L), second.stream().map(CsvRecord::lineNumber).toList());
  }

  @Test
  void quoteInsideAnUnquotedFieldEndsTheRecordAtTheEndOfItsLine() throws IOException {
    Path file = write("h1,h2\na\"b,c\nd,e\n");
    assertEquals(List.of(
        "L2 6 MALFORMED a\"b,c // quote inside an unquoted field at byte 1 of the record #5",
        "L3 12 RECORD [d][e] #3"), whole(file));
    assertEveryCutAgrees(file);
    Path crlf = write("h1,h2\r\nab,c\"\r\nd,e\r\n");
    assertEquals(List.of(
        "L2 7 MALFORMED ab,c\" // quote inside an unquoted field at byte 4 of the record #5",
        "L3 14 RECORD [d][e] #3"), whole(crlf));
    assertEveryCutAgrees(crlf);
  }

  @Test
  void textAfterAClosingQuoteEndsTheRecordAtTheEndOfThatLine() throws IOException {
    Path file = write("h1,h2\n\"a\"b,c\nd,e\n\"a\"\rx,c\nh,i\n\"a\" ,c\r\nj,k\n");
    assertEquals(List.of(
        "L2 6 MALFORMED \"a\"b,c // text after a closing quote at byte 3 of the record #6",
        "L3 13 RECORD [d][e] #3",
        "L4 17 MALFORMED \"a\"\rx,c // text after a closing quote at byte 4 of the record #7",
        "L5 25 RECORD [h][i] #3",
        "L6 29 MALFORMED \"a\" ,c // text after a closing quote at byte 3 of the record #6",
        "L7 37 RECORD [j][k] #3"), whole(file));
    assertEveryCutAgrees(file);
  }

  @Test
  void textAfterAClosingQuoteOnALaterLineEndsTheRecordThere() throws IOException {
    Path file = write("h1,h2\nd,e\n\"a\nb\"x,c\nf,g\n");
    assertEquals(List.of(
        "L2 6 RECORD [d][e] #3",
        "L3 10 MALFORMED \"a\nb\"x,c // text after a closing quote at byte 5 of the record #8",
        "L5 19 RECORD [f][g] #3"), whole(file));
    // After the cut at byte 12 (between "a" and the line break) the bytes read as well as the tail of a record
    // "...a" followed by a malformed line "b"x,c" (one malformed record either way), but both readings end a
    // record at byte 19.
    assertEveryCutAgrees(file);
  }

  @Test
  void anUnbalancedQuoteNearTheEndIsCutAtItsFirstLineBreak() throws IOException {
    Path file = write("h1,h2\na,\"open\nb,c\nd,e\n");
    assertEquals(List.of(
        "L2 6 MALFORMED a,\"open // unbalanced quote: the file ends inside a quoted field"
            + " (record cut at its first line break) #7",
        "L3 14 RECORD [b][c] #3",
        "L4 18 RECORD [d][e] #3"), whole(file));
    assertEveryCutAgrees(file);
    Path crlf = write("h1,h2\r\na,\"open\r\nb,c\r\nd,e");
    assertEquals(List.of(
        "L2 7 MALFORMED a,\"open // unbalanced quote: the file ends inside a quoted field"
            + " (record cut at its first line break) #7",
        "L3 16 RECORD [b][c] #3",
        "L4 21 RECORD [d][e] #3"), whole(crlf));
    assertEveryCutAgrees(crlf);
    assertEquals(List.of(
        "L2 6 RECORD [a][b] #3",
        "L3 10 MALFORMED c,\"open // unbalanced quote: the file ends inside a quoted field at byte 6 of the record #7"),
        whole("h1,h2\na,b\nc,\"open"));
  }

  @Test
  void anUnbalancedQuoteBeforeALaterQuoteRunsToThatQuotesLine() throws IOException {
    // The documented rule: the quote pairs with the next one, and the text after it makes the record malformed.
    Path file = write("h1,h2\na,\"open\nb,c\nd,\"e\"\nf,g\n");
    assertEquals(List.of(
        "L2 6 MALFORMED a,\"open\nb,c\nd,\"e\" // text after a closing quote at byte 15 of the record #17",
        "L5 24 RECORD [f][g] #3"), whole(file));
    // Read from outside quotes, the bytes after "open" are well-formed rows, so the quote state after a cut there
    // cannot be told; but every reading ends a record at the end of the "e" line, and the guess is that end.
    assertEveryCutAgrees(file);
  }

  @Test
  void wrongFieldCountIsMalformed() throws IOException {
    Path file = write("h1,h2,h3\na,b\nc,d,e,f\n\"x\ny\",z\ng,h,i\nj\n");
    assertEquals(List.of(
        "L2 9 MALFORMED a,b // wrong field count: 2 fields, the header has 3 #3",
        "L3 13 MALFORMED c,d,e,f // wrong field count: 4 fields, the header has 3 #7",
        "L4 21 MALFORMED \"x\ny\",z // wrong field count: 2 fields, the header has 3 #7",
        "L6 29 RECORD [g][h][i] #5",
        "L7 35 MALFORMED j // wrong field count: 1 fields, the header has 3 #1"), whole(file));
    assertEveryCutAgrees(file);
  }

  @Test
  void recordsAtTheSizeLimitAreReadAndOneByteOverAreMalformed() throws IOException {
    TextInputKeys.setMaxRecordBytes(conf, 10);
    Path file = write("a,b\n"
        + "0123,56789\n"
        + "0123,56789\r\n"
        + "0123,567890\n"
        + "x,y\n"
        + "\"0,\n3\",789\n"
        + "\"0,\n3\",7890\n"
        + "a,\"234567\"\r\n"
        + "a,\"2345678\"\n"
        + "a,\"never\nclosed\nz,z\n"
        + "0123456789abcdef,x\n"
        + "x,y");
    assertEquals(List.of(
        "L2 4 RECORD [0123][56789] #10",
        "L3 15 RECORD [0123][56789] #10",
        "L4 27 MALFORMED 0123,567890 // record longer than 10 bytes at byte 10 of the record #11",
        "L5 39 RECORD [x][y] #3",
        "L6 43 RECORD [0,\n3][789] #10",
        "L8 54 MALFORMED \"0, // record longer than 10 bytes (record cut at its first line break) #3",
        "L9 58 MALFORMED 3\",7890 // quote inside an unquoted field at byte 1 of the record #7",
        "L10 66 RECORD [a][234567] #10",
        "L11 78 MALFORMED a,\"2345678\" // record longer than 10 bytes at byte 10 of the record #11",
        "L12 90 MALFORMED a,\"never // record longer than 10 bytes (record cut at its first line break) #8",
        "L13 99 MALFORMED closed // wrong field count: 1 fields, the header has 2 #6",
        "L14 106 RECORD [z][z] #3",
        "L15 110 MALFORMED 0123456789ab // record longer than 10 bytes at byte 10 of the record #18",
        "L16 129 RECORD [x][y] #3"), whole(file));
    assertEveryCutAgrees(file);
  }

  @Test
  void aCrlfRecordOverTheLimitIsMalformedWithoutItsTerminator() throws IOException {
    TextInputKeys.setMaxRecordBytes(conf, 10);
    Path file = write("a,b\r\n0123,567890\r\nx,y\r\n");
    assertEquals(List.of(
        "L2 5 MALFORMED 0123,567890 // record longer than 10 bytes at byte 10 of the record #11",
        "L3 18 RECORD [x][y] #3"), whole(file));
    assertEveryCutAgrees(file);
  }

  @Test
  void invalidUtf8IsInvalidEncoding() throws IOException {
    Path file = write(bytes("h1,h2\n",
        "a,", new byte[] {(byte) 0xFF}, "\n",
        "b,", new byte[] {(byte) 0xC3}, "\n",
        "c,\u00e9\n",
        "\"", new byte[] {(byte) 0xE2, (byte) 0x82}, "\nx\",y\n",
        "x,", new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, "\n",
        new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, "\n",
        "d,e\n"));
    List<CsvRecord> records = records(file);
    assertEquals(List.of(
        "L2 6 INVALID_ENCODING a,\uFFFD // not UTF-8 #3",
        "L3 10 INVALID_ENCODING b,\uFFFD // not UTF-8 #3",
        "L4 14 RECORD [c][\u00e9] #4",
        "L5 19 INVALID_ENCODING \"\uFFFD\nx\",y // not UTF-8 #8",
        "L7 28 INVALID_ENCODING x,\uFFFD // not UTF-8 #5",
        // The structure is judged first: a record with the wrong field count is malformed, whatever its bytes.
        "L8 34 MALFORMED \uFFFD // wrong field count: 1 fields, the header has 2 #3",
        "L9 38 RECORD [d][e] #3"), whole(file));
    assertArrayEquals(new byte[] {'a', ',', (byte) 0xFF}, records.get(0).raw());
    assertArrayEquals(new byte[] {'x', ',', (byte) 0xED, (byte) 0xA0, (byte) 0x80}, records.get(4).raw());
    assertEveryCutAgrees(file);
  }

  @Test
  void aHeaderOtherThanTheExpectedOneMakesEveryRecordMalformed() throws IOException {
    CsvInputKeys.setExpectedHeader(conf, List.of("order_id", "user_id", "notes"));
    Path file = write(bytes("order_id,customer_id,notes\no1,u1,x\n\no2,u2\n\"o3\",u3,\"bad\"x\no4,u4,\"two\nlines\"\n",
        "o5,u5,", new byte[] {(byte) 0xFF}, "\n"));
    String problem = "the file's header is [order_id, customer_id, notes], expected [order_id, user_id, notes]";
    assertEquals(List.of(
        "L2 27 MALFORMED o1,u1,x // " + problem + " #7",
        "L3 35 EMPTY  //  #0",
        "L4 36 MALFORMED o2,u2 // " + problem + " #5",
        "L5 42 MALFORMED \"o3\",u3,\"bad\"x // " + problem + "; text after a closing quote at byte 13 of the record #14",
        "L6 57 MALFORMED o4,u4,\"two\nlines\" // " + problem + " #17",
        "L8 75 MALFORMED o5,u5,\uFFFD // " + problem + "; not UTF-8 #7"), whole(file));
    assertEveryCutAgrees(file);

    Path good = write("order_id,user_id,notes\no1,u1,x\n");
    assertEquals(List.of("L2 23 RECORD [o1][u1][x] #7"), whole(good));
  }

  @Test
  void aMalformedHeaderMakesEveryRecordMalformed() throws IOException {
    Path file = write("h1,\"h2\"x\na,b\nc,\"d\"e\n");
    assertEquals(List.of(
        "L2 9 MALFORMED a,b // the file's header line is MALFORMED (text after a closing quote at byte 7 of the record) #3",
        "L3 13 MALFORMED c,\"d\"e // the file's header line is MALFORMED (text after a closing quote at byte 7 of the record);"
            + " text after a closing quote at byte 5 of the record #6"),
        whole(file));
    assertEveryCutAgrees(file);
  }

  @Test
  void emptyAndHeaderOnlyFilesHaveNoRecords() throws IOException {
    assertEquals(List.of(), whole(""));
    for (String csv : List.of("h1,h2", "h1,h2\n", "h1,h2\r\n", "\"h1\",\"h\n2\"\r\n")) {
      Path file = write(csv);
      assertEquals(List.of(), whole(file), csv);
      assertEveryCutAgrees(file);
    }
  }

  @Test
  void theReaderReportsProgressAndStaysDone() throws IOException, InterruptedException {
    Path file = write("h1,h2\na,b\nc,d\n");
    try (CsvRecordReader reader = new CsvRecordReader()) {
      reader.initialize(new FileSplit(new org.apache.hadoop.fs.Path(file.toUri()), 0, Files.size(file), null),
          new TaskAttemptContextImpl(conf, new TaskAttemptID()));
      assertTrue(reader.getProgress() < 1f);
      assertTrue(reader.nextKeyValue());
      assertEquals(6, reader.getCurrentKey().get());
      assertTrue(reader.nextKeyValue());
      assertEquals(10, reader.getCurrentKey().get());
      assertEquals(List.of("c", "d"), reader.getCurrentValue().fields());
      assertFalse(reader.nextKeyValue());
      assertEquals(1f, reader.getProgress());
      assertFalse(reader.nextKeyValue());
    }
  }
}
