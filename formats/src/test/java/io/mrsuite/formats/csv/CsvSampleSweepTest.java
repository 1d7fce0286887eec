package io.mrsuite.formats.csv;

import static io.mrsuite.formats.csv.CsvSplits.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
 * Hand-written files full of quoted line breaks, commas and quotes, with malformed rows, cut at every
 * byte (and at every pair of bytes for one): the splits read exactly the unsplit records, in order, each
 * once.
 */
class CsvSampleSweepTest {
  static final String ORDERS = "order_id,user_id,status,notes\n"
      + "o1,u1,paid,\"Leave at door, ring twice\"\n"
      + "o2,u2,shipped,\"Line one\nLine two, with comma\"\n"
      + "o3,u3,paid,\"He said \"\"fragile\"\"\r\nhandle with care\"\r\n"
      + "o4,u4,cancelled,\n"
      + "o5,u5,paid,\"bad\"tail\n"
      + "o6,u6,refunded,\"ok\"\n"
      + "o7,u\"7,paid,broken\n"
      + "o8,u8,paid\n"
      + "o9,u9,delivered,\"multi\n\nline, with \"\"quotes\"\" and an empty line\"\n"
      + "\n"
      + "o10,u10,paid,\"\"\n"
      + "o11,,paid,\"last one\"";

  static final String PRODUCTS = "\uFEFFproduct_id,title,category,brand,list_price,currency,active\r\n"
      + "p1,\"Mug, 12 oz\",kitchen,Acme,9.99,USD,true\r\n"
      + "p2,\"The \"\"Best\"\" Pan\",kitchen,,24.50,EUR,false\r\n"
      + "\"p3\",\"Poster\r\n(framed)\",decor,\"Art, Inc.\",15.00,USD,true\r\n"
      + "p4,Plain title,,,1.00,USD,true\r\n"
      + "p5,\"\"\"Quoted\"\" start\",toys,\"\",3.00,USD,true\r\n"
      + "p6,Too,few,fields\r\n"
      + "\"p7\",\",\n,\",misc,B,0.50,GBP,false\r\n"
      + "p8,\"CR\ronly\",misc,B,1.25,USD,true\r\n";

  /** An unbalanced quote in the last rows: cut at its first line break, the rows after it are read. */
  static final String UNBALANCED_AT_END = "order_id,user_id,notes\n"
      + "o1,u1,\"a\nb\"\n"
      + "o2,u2,\"x, \"\"y\"\"\"\n"
      + "o3,u3,plain\n"
      + "o4,u4,\"ends with a break\n\"\n"
      + "o5,u5,\"never closed, and\n"
      + "o6,u6,after it\n"
      + "o7,u7,the end\n";

  /** Multi-byte characters (also cut in the middle), invalid UTF-8 inside and outside quotes. */
  static final byte[] UTF8 = bytes("id,name,comment\n",
      "1,J\u00fcrgen,\"Gr\u00fc\u00dfe,\n\u2603 and \u00e9\"\n",
      "2,\u65e5\u672c,\"\ud83d\ude00 \"\"smile\"\"\"\n",
      "3,bad,\"", new byte[] {(byte) 0xC3, '\n', (byte) 0xFF}, "\"\n",
      "4,x,\"\n\"\n",
      "5,\"\u00e9\"\u00e9,y\n",
      "6,", new byte[] {(byte) 0xE2, (byte) 0x82}, ",z\n",
      "7,last,\"\u2028 not a break\"\n");

  /** The file cut at every pair of offsets into three splits (~150 bytes). */
  static final String SMALL = "id,a,b\n"
      + "1,\"x,\ny\",z\n"
      + "2,\"q \"\"r\"\"\",s\r\n"
      + "3,\"\"\"\",\n"
      + "4,bad\"q,t\n"
      + "5,\"m\nn\no\",p\n"
      + "\n"
      + "6,\"x\"y,z\n"
      + "7,only two\n"
      + "8,\"\",\"\r\n\"\n"
      + "9,\"a\"\"\n\"\"b\",c\n"
      + "10,\"\n,\n\",\"\"\"\"\n"
      + "12,\"y, \"\"z\"\"\",w\n"
      + "11,end,\"e\"";

  @TempDir
  Path tmp;

  private final CsvSplits splits = new CsvSplits(new Configuration());


  private Path write(String name, byte[] csv) throws IOException {
    return Files.write(tmp.resolve(name), csv);
  }

  private Path write(String name, String csv) throws IOException {
    return write(name, csv.getBytes(StandardCharsets.UTF_8));
  }

  /** Cuts the file in two at every byte; each cut must read exactly {@code whole}. */
  private void assertEveryTwoWayCut(Path file, List<String> whole) throws IOException {
    List<String> wrong = new ArrayList<>();
    for (long cut = 1; cut < Files.size(file); cut++) {
      if (!whole.equals(splits.readFully(file, cut))) {
        wrong.add("cut " + cut + ": " + splits.readFully(file, cut));
      }
    }
    assertEquals(List.of(), wrong);
  }

  @Test
  void orders() throws IOException {
    Path file = write("orders.csv", ORDERS);
    List<String> whole = splits.readFully(file);
    assertEquals(List.of(
        "30 RECORD [o1][u1][paid][Leave at door, ring twice] #38",
        "69 RECORD [o2][u2][shipped][Line one\nLine two, with comma] #45",
        "115 RECORD [o3][u3][paid][He said \"fragile\"\r\nhandle with care] #50",
        "167 RECORD [o4][u4][cancelled][] #16",
        "184 MALFORMED o5,u5,paid,\"bad\"tail // text after a closing quote at byte 16 of the record #20",
        "205 RECORD [o6][u6][refunded][ok] #19",
        "225 MALFORMED o7,u\"7,paid,broken // quote inside an unquoted field at byte 4 of the record #18",
        "244 MALFORMED o8,u8,paid // wrong field count: 3 fields, the header has 4 #10",
        "255 RECORD [o9][u9][delivered][multi\n\nline, with \"quotes\" and an empty line] #64",
        "320 EMPTY  //  #0",
        "321 RECORD [o10][u10][paid][] #15",
        "337 RECORD [o11][][paid][last one] #20"), whole);
    assertEveryTwoWayCut(file, whole);
  }

  @Test
  void productsWithByteOrderMarkAndCrlf() throws IOException {
    Path file = write("products.csv", PRODUCTS);
    List<String> whole = splits.readFully(file);
    assertEquals(List.of(
        "63 RECORD [p1][Mug, 12 oz][kitchen][Acme][9.99][USD][true] #42",
        "107 RECORD [p2][The \"Best\" Pan][kitchen][][24.50][EUR][false] #46",
        "155 RECORD [p3][Poster\r\n(framed)][decor][Art, Inc.][15.00][USD][true] #56",
        "213 RECORD [p4][Plain title][][][1.00][USD][true] #30",
        "245 RECORD [p5][\"Quoted\" start][toys][][3.00][USD][true] #43",
        "290 MALFORMED p6,Too,few,fields // wrong field count: 4 fields, the header has 7 #17",
        "309 RECORD [p7][,\n,][misc][B][0.50][GBP][false] #32",
        "343 RECORD [p8][CR\ronly][misc][B][1.25][USD][true] #33"), whole);
    assertEveryTwoWayCut(file, whole);
  }

  @Test
  void unbalancedQuoteNearTheEnd() throws IOException {
    Path file = write("unbalanced.csv", UNBALANCED_AT_END);
    List<String> whole = splits.readFully(file);
    assertEquals(List.of(
        "23 RECORD [o1][u1][a\nb] #11",
        "35 RECORD [o2][u2][x, \"y\"] #16",
        "52 RECORD [o3][u3][plain] #11",
        "64 RECORD [o4][u4][ends with a break\n] #26",
        "91 MALFORMED o5,u5,\"never closed, and // unbalanced quote: the file ends inside a quoted field"
            + " (record cut at its first line break) #24",
        "116 RECORD [o6][u6][after it] #14",
        "131 RECORD [o7][u7][the end] #13"), whole);
    assertEveryTwoWayCut(file, whole);
  }

  @Test
  void utf8() throws IOException {
    Path file = write("utf8.csv", UTF8);
    List<String> whole = splits.readFully(file);
    assertEquals(List.of(
        "16 RECORD [1][J\u00fcrgen][Gr\u00fc\u00dfe,\n\u2603 and \u00e9] #31",
        "48 RECORD [2][\u65e5\u672c][\ud83d\ude00 \"smile\"] #25",
        "74 INVALID_ENCODING 3,bad,\"\uFFFD\n\uFFFD\" // not UTF-8 #11",
        "86 RECORD [4][x][\n] #7",
        "94 MALFORMED 5,\"\u00e9\"\u00e9,y // text after a closing quote at byte 6 of the record #10",
        "105 INVALID_ENCODING 6,\uFFFD,z // not UTF-8 #6",
        "112 RECORD [7][last][\u2028 not a break] #24"), whole);
    assertEveryTwoWayCut(file, whole);
  }

  @Test
  void smallFileCutIntoThreeAtEveryPairOfOffsets() throws IOException {
    Path file = write("small.csv", SMALL);
    long length = Files.size(file);
    List<String> whole = splits.readFully(file);
    assertEquals(List.of(
        "7 RECORD [1][x,\ny][z] #10",
        "18 RECORD [2][q \"r\"][s] #13",
        "33 RECORD [3][\"][] #7",
        "41 MALFORMED 4,bad\"q,t // quote inside an unquoted field at byte 5 of the record #9",
        "51 RECORD [5][m\nn\no][p] #11",
        "63 EMPTY  //  #0",
        "64 MALFORMED 6,\"x\"y,z // text after a closing quote at byte 5 of the record #8",
        "73 MALFORMED 7,only two // wrong field count: 2 fields, the header has 3 #10",
        "84 RECORD [8][][\r\n] #9",
        "94 RECORD [9][a\"\n\"b][c] #13",
        "108 RECORD [10][\n,\n][\"] #13",
        "122 RECORD [12][y, \"z\"][w] #15",
        "138 RECORD [11][end][e] #10"), whole);
    assertEveryTwoWayCut(file, whole);
    // A split's records depend only on its own start and end: read the first and the last split once per cut.
    List<List<String>> firstSplit = new ArrayList<>();
    List<List<String>> lastSplit = new ArrayList<>();
    for (long cut = 0; cut < length; cut++) {
      firstSplit.add(cut == 0 ? null : splits.readSplitFully(file, 0, cut));
      lastSplit.add(cut == 0 ? null : splits.readSplitFully(file, cut, length - cut));
    }
    List<String> wrong = new ArrayList<>();
    int pairs = 0;
    for (long i = 1; i < length; i++) {
      for (long j = i + 1; j < length; j++) {
        pairs++;
        List<String> records = new ArrayList<>(firstSplit.get((int) i));
        records.addAll(splits.readSplitFully(file, i, j - i));
        records.addAll(lastSplit.get((int) j));
        if (!whole.equals(records)) {
          wrong.add("cuts " + i + "," + j + ": " + records);
        }
      }
    }
    assertEquals(List.of(), wrong);
    assertEquals((length - 1) * (length - 2) / 2, pairs);
  }
}
