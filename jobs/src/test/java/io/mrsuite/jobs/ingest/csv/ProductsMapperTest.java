package io.mrsuite.jobs.ingest.csv;

import static io.mrsuite.jobs.ingest.csv.KeyedIngestTests.quarantine;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mrsuite.formats.avro.Product;
import io.mrsuite.formats.avro.QuarantineRecord;
import io.mrsuite.formats.commerce.CommerceColumns;
import io.mrsuite.formats.quarantine.QuarantineReason;
import io.mrsuite.jobs.run.CuratedRun;
import io.mrsuite.jobs.run.RecordCounters;
import io.mrsuite.jobs.shuffle.JoinKey;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.avro.mapred.AvroKey;
import org.apache.avro.mapred.AvroValue;
import org.apache.avro.mapreduce.AvroMultipleOutputs;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.mapreduce.Counters;
import org.apache.hadoop.mrunit.mapreduce.MapDriver;
import org.apache.hadoop.mrunit.types.Pair;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ProductsMapper: valid catalog rows keyed by product_id with every field; every rejection exact and counted. */
class ProductsMapperTest {
  static final LocalDate SNAPSHOT = LocalDate.of(2026, 11, 20);

  @TempDir
  Path outputDir;
  @TempDir
  Path rawDir;

  private Configuration conf;
  private Path file;
  private String source;

  @BeforeEach
  void configure() throws IOException {
    conf = KeyedIngestTests.taskConf(SNAPSHOT, Product.getClassSchema(), outputDir);
    file = rawDir.resolve("products/dt=2026-11-20/products.csv");
    source = CsvFile.sourceFile(file);
  }

  @Test
  void validProductsAreKeyedByProductIdWithEveryField() throws IOException {
    CsvFile csv = new CsvFile(CommerceColumns.PRODUCTS);
    int mug = csv.row("p-1,\"Mug, \"\"large\"\"\nceramic\",kitchen,Acme,12.5,EUR,true");
    int empty = csv.row("");
    int bare = csv.row("p-2,,,,0,USD,false".getBytes(StandardCharsets.UTF_8), "\r\n");
    int unicode = csv.row("p-\u00e9\u65e5,Th\u00e9 \ud83c\udf75,t\u00e9,\u00c9clat,999999999999999.99,JPY,true");

    MapDriver<LongWritable, ?, AvroKey<JoinKey>, AvroValue<SourcedRecord>> driver =
        KeyedIngestTests.mapDriver(new ProductsMapper(), conf, csv.writeAndRead(file, conf));
    List<? extends Pair<AvroKey<JoinKey>, AvroValue<SourcedRecord>>> output = driver.run();

    Product p1 = product("p-1", "Mug, \"large\"\nceramic", "kitchen", "Acme", "12.50", "EUR", true, source,
        csv.offset(mug));
    Product p2 = product("p-2", null, null, null, "0.00", "USD", false, source, csv.offset(bare));
    Product p3 = product("p-\u00e9\u65e5", "Th\u00e9 \ud83c\udf75", "t\u00e9", "\u00c9clat", "999999999999999.99",
        "JPY", true, source, csv.offset(unicode));
    assertEquals(List.of(
        new JoinKey("p-1", 0, 0, source, csv.offset(mug)),
        new JoinKey("p-2", 0, 0, source, csv.offset(bare)),
        new JoinKey("p-\u00e9\u65e5", 0, 0, source, csv.offset(unicode))),
        output.stream().map(p -> p.getFirst().datum()).toList());
    assertEquals(List.of(
        new SourcedRecord(p1, "products", source, csv.offset(mug), 2L, csv.text(mug), csv.length(mug)),
        new SourcedRecord(p2, "products", source, csv.offset(bare), 5L, "p-2,,,,0,USD,false", 18L),
        new SourcedRecord(p3, "products", source, csv.offset(unicode), 6L, csv.text(unicode), csv.length(unicode))),
        output.stream().map(p -> p.getSecond().datum()).toList());
    assertEquals(4L, csv.line(empty));
    assertEquals(List.of(), KeyedIngestTests.quarantined(outputDir));

    Counters counters = driver.getCounters();
    assertEquals(4, counters.findCounter(RecordCounters.READ).getValue());
    assertEquals(1, counters.findCounter(RecordCounters.SKIPPED).getValue());
    assertEquals(0, counters.findCounter(RecordCounters.QUARANTINED).getValue());
  }

  @Test
  void everyRejectionIsQuarantinedAndCounted() throws IOException {
    CsvFile csv = new CsvFile(CommerceColumns.PRODUCTS);
    int noId = csv.row(",t,c,b,1,EUR,true");
    int noPrice = csv.row("p-3,t,c,b,,EUR,true");
    int noActive = csv.row("p-4,t,c,b,1,EUR,");
    int currency = csv.row("p-5,t,c,b,1,eur,true");
    int active = csv.row("p-6,t,c,b,1,EUR,yes");
    int activeCase = csv.row("p-7,t,c,b,1,EUR,TRUE");
    int tooBig = csv.row("p-8,t,c,b,1000000000000000000,EUR,true");
    int fields = csv.row("p-9,t,c,b,1,EUR,true,extra");
    byte[] bad = "p-11,t,c,b,1,EUR,true".getBytes(StandardCharsets.UTF_8);
    bad[5] = (byte) 0xC3;
    int encoding = csv.row(bad, "\n");
    int unbalanced = csv.row("p-10,\"t,c,b,1,EUR,true".getBytes(StandardCharsets.UTF_8), "");

    MapDriver<LongWritable, ?, AvroKey<JoinKey>, AvroValue<SourcedRecord>> driver =
        KeyedIngestTests.mapDriver(new ProductsMapper(), conf, csv.writeAndRead(file, conf));
    assertEquals(List.of(), driver.run());

    List<QuarantineRecord> expected = List.of(
        quarantine("products", csv, source, noId, QuarantineReason.MISSING_FIELD, "product_id is empty"),
        quarantine("products", csv, source, noPrice, QuarantineReason.MISSING_FIELD, "list_price is empty"),
        quarantine("products", csv, source, noActive, QuarantineReason.MISSING_FIELD, "active is empty"),
        quarantine("products", csv, source, currency, QuarantineReason.INVALID_VALUE,
            "currency \"eur\": not 3 upper-case letters"),
        quarantine("products", csv, source, active, QuarantineReason.INVALID_VALUE,
            "active \"yes\": not true or false"),
        quarantine("products", csv, source, activeCase, QuarantineReason.INVALID_VALUE,
            "active \"TRUE\": not true or false"),
        quarantine("products", csv, source, tooBig, QuarantineReason.INVALID_VALUE,
            "list_price \"1000000000000000000\": more than 16 integer digits"),
        quarantine("products", csv, source, fields, QuarantineReason.MALFORMED_CSV,
            "wrong field count: 8 fields, the header has 7"),
        quarantine("products", csv, source, encoding, QuarantineReason.INVALID_ENCODING, "not UTF-8"),
        quarantine("products", csv, source, unbalanced, QuarantineReason.MALFORMED_CSV,
            "unbalanced quote: the file ends inside a quoted field at byte " + (csv.length(unbalanced) - 1)
                + " of the record"));
    List<QuarantineRecord> actual = KeyedIngestTests.quarantined(outputDir);
    assertEquals(expected, actual);
    assertEquals("p-11,\uFFFD,c,b,1,EUR,true", actual.get(8).getRawText());

    Counters counters = driver.getCounters();
    assertEquals(10, counters.findCounter(RecordCounters.READ).getValue());
    assertEquals(0, counters.findCounter(RecordCounters.SKIPPED).getValue());
    assertEquals(10, counters.findCounter(RecordCounters.QUARANTINED).getValue());
    assertEquals(3, counters.findCounter(QuarantineReason.MISSING_FIELD).getValue());
    assertEquals(4, counters.findCounter(QuarantineReason.INVALID_VALUE).getValue());
    assertEquals(2, counters.findCounter(QuarantineReason.MALFORMED_CSV).getValue());
    assertEquals(1, counters.findCounter(QuarantineReason.INVALID_ENCODING).getValue());
    assertEquals(10, counters.findCounter(AvroMultipleOutputs.class.getName(),
        CuratedRun.QUARANTINE_BASE_PATH).getValue());
  }

  static Product product(String id, String title, String category, String brand, String price, String currency,
      boolean active, String file, long offset) {
    return Product.newBuilder().setProductId(id).setTitle(title).setCategory(category).setBrand(brand)
        .setListPrice(new BigDecimal(price)).setCurrency(currency).setActive(active).setSnapshotDate(SNAPSHOT)
        .setSourceFile(file).setSourceOffset(offset).build();
  }
}
