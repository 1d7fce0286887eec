package io.mrsuite.formats.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvSplitBoundarySweepTest {
  private static final String ORDERS = "order_id,user_id,notes\r\n"
      + "o1,u1,plain\r\n"
      + "o2,u2,\"with, comma\"\r\n"
      + "o3,u3,\"two\nlines\"\n"
      + "o4,u4,\"quote \"\"inside\"\" and\r\ncrlf\"\r\n"
      + "\n"
      + "o5,u5,\"a\"x\n"
      + "o6,u6,\"\"\n"
      + "o7,\"u\n7\",last";

  @TempDir
  Path tmp;

  @Test
  void everyTwoWayCutGivesTheUnsplitRecords() throws IOException {
    Path file = tmp.resolve("orders.csv");
    Files.write(file, ORDERS.getBytes(StandardCharsets.UTF_8));
    CsvSplits splits = new CsvSplits(new Configuration());
    List<String> whole = splits.read(file);
    assertEquals(List.of(
        "24 RECORD o1|u1|plain",
        "37 RECORD o2|u2|with, comma",
        "58 RECORD o3|u3|two\nlines",
        "76 RECORD o4|u4|quote \"inside\" and\r\ncrlf",
        "112 EMPTY ",
        "113 MALFORMED o5,u5,\"a\"x",
        "124 RECORD o6|u6|",
        "133 RECORD o7|u\n7|last"), whole);
    for (long cut = 1; cut < Files.size(file); cut++) {
      assertEquals(whole, splits.read(file, cut), "cut at " + cut);
    }
  }
}
