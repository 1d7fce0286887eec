package io.mrsuite.jobs.ingest.csv;

import static io.mrsuite.jobs.ingest.csv.KeyedIngestTests.quarantine;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mrsuite.formats.avro.FxRate;
import io.mrsuite.formats.avro.Product;
import io.mrsuite.formats.quarantine.QuarantineReason;
import io.mrsuite.jobs.run.CuratedRun;
import io.mrsuite.jobs.run.RecordCounters;
import io.mrsuite.jobs.shuffle.JoinKey;
import io.mrsuite.jobs.shuffle.ReusingShuffle;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.mapred.AvroKey;
import org.apache.avro.mapred.AvroValue;
import org.apache.avro.mapreduce.AvroMultipleOutputs;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapreduce.Counters;
import org.apache.hadoop.mrunit.mapreduce.ReduceDriver;
import org.apache.hadoop.mrunit.types.Pair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * FirstWinsReducer: the first record of a key (as the sort delivers them) is written, later ones are
 * DUPLICATE_KEY naming where the kept one came from; also through a real reduce iterator that reuses values.
 */
class FirstWinsReducerTest {
  static final String FILE_A = "file:/wh/raw/products/dt=2026-11-20/a.csv";
  static final String FILE_B = "file:/wh/raw/products/dt=2026-11-20/b.csv";

  @TempDir
  Path outputDir;

  private ReduceDriver<AvroKey<JoinKey>, AvroValue<SourcedRecord>, AvroKey<Object>, NullWritable> driver(
      Schema output) throws IOException {
    Configuration conf = KeyedIngestTests.taskConf(ProductsMapperTest.SNAPSHOT, output, outputDir);
    return ReduceDriver.<AvroKey<JoinKey>, AvroValue<SourcedRecord>, AvroKey<Object>, NullWritable>newReduceDriver(
            new FirstWinsReducer())
        .withConfiguration(conf)
        .withOutputSerializationConfiguration(KeyedIngestTests.outputCopyConf(output));
  }

  @Test
  void theFirstProductIsKeptAndTheOthersAreDuplicates() throws IOException {
    Product first = product("p-1", "Mug", "12.50", FILE_A, 0);
    Product second = product("p-1", "Mug v2", "13.00", FILE_A, 50);
    Product third = product("p-1", null, "0.00", FILE_B, 10);
    Product single = product("p-2", "Cup", "3.00", FILE_A, 90);
    ReduceDriver<AvroKey<JoinKey>, AvroValue<SourcedRecord>, AvroKey<Object>, NullWritable> driver =
        driver(Product.getClassSchema());
    driver.withInput(new AvroKey<>(new JoinKey("p-1", 0, 0, FILE_A, 0L)),
        List.of(value(first, 2), value(second, 4), value(third, 2)));
    driver.withInput(new AvroKey<>(new JoinKey("p-2", 0, 0, FILE_A, 90L)), List.of(value(single, 6)));

    List<Pair<AvroKey<Object>, NullWritable>> output = driver.run();

    assertEquals(List.of(first, single), output.stream().map(p -> p.getFirst().datum()).toList());
    String detail = "key p-1 already kept from " + FILE_A + " at byte 0";
    assertEquals(List.of(
        quarantine("products", FILE_A, 4, 50, raw(second), raw(second).length(), QuarantineReason.DUPLICATE_KEY,
            detail),
        quarantine("products", FILE_B, 2, 10, raw(third), raw(third).length(), QuarantineReason.DUPLICATE_KEY,
            detail)),
        KeyedIngestTests.quarantined(outputDir));
    assertCounters(driver.getCounters(), 2, 2);
  }

  @Test
  void aSingleRateIsWrittenAsItIs() throws IOException {
    FxRate eur = FxRatesMapperTest.rate("EUR", "1.08123456", FILE_A, 20);
    ReduceDriver<AvroKey<JoinKey>, AvroValue<SourcedRecord>, AvroKey<Object>, NullWritable> driver =
        driver(FxRate.getClassSchema());
    driver.withInput(new AvroKey<>(new JoinKey("EUR", 0, 0, FILE_A, 20L)),
        List.of(new AvroValue<>(new SourcedRecord(eur, "fx_rates", FILE_A, 20L, 3L, "EUR,1.08123456", 14L))));

    List<Pair<AvroKey<Object>, NullWritable>> output = driver.run();

    assertEquals(List.of(eur), output.stream().map(p -> p.getFirst().datum()).toList());
    assertEquals("1.08123456", ((FxRate) output.get(0).getFirst().datum()).getUsdPerUnit().toPlainString());
    assertEquals(List.of(), KeyedIngestTests.quarantined(outputDir));
    assertCounters(driver.getCounters(), 1, 0);
  }

  /** Scrambled input through the job's sort and grouping comparators and Hadoop's reusing reduce iterator. */
  @Test
  void theKeptRecordSurvivesTheReuseOfValueObjects() throws IOException, InterruptedException {
    Product kept = product("p-1", "Mug", "12.50", FILE_A, 0);
    Product sameFileLater = product("p-1", "Mug v2", "13.00", FILE_A, 50);
    Product otherFile = product("p-1", null, "0.00", FILE_B, 0);
    Product accented = product("p-\u00e9", "Th\u00e9", "4.00", FILE_B, 70);
    Product plain = product("p-2", "Cup", "3.00", FILE_B, 40);
    List<SourcedRecord> values = List.of(sourced(otherFile, 2), sourced(accented, 9), sourced(sameFileLater, 4),
        sourced(plain, 5), sourced(kept, 2));
    List<JoinKey> keys = new ArrayList<>();
    for (SourcedRecord value : values) {
      keys.add(new JoinKey(((Product) value.getPayload()).getProductId(), 0, 0, value.getSourceFile(),
          value.getSourceOffset()));
    }
    ReusingShuffle.ReuseProbe probe = new ReusingShuffle.ReuseProbe();
    FirstWinsReducer reducer = new FirstWinsReducer() {
      @Override
      protected void reduce(AvroKey<JoinKey> key, Iterable<AvroValue<SourcedRecord>> group, Context context)
          throws IOException, InterruptedException {
        super.reduce(key, probe.watch(group), context);
      }
    };
    Configuration conf = KeyedIngestTests.taskConf(ProductsMapperTest.SNAPSHOT, Product.getClassSchema(), outputDir);
    ReusingShuffle shuffle = new ReusingShuffle(conf, Product.getClassSchema());

    List<Object> output = shuffle.run(reducer, keys, values);

    assertEquals("5 values in 1 AvroValue and 1 SourcedRecord objects", probe.reused());
    // Keys in the sort's order: Avro 1.12 compares string bytes signed, so "p-é" (0xC3 0xA9) sorts before "p-1"
    // (see FieldGroupingComparatorTest).
    assertEquals(List.of(accented, kept, plain), output);
    String detail = "key p-1 already kept from " + FILE_A + " at byte 0";
    assertEquals(List.of(
        quarantine("products", FILE_A, 4, 50, raw(sameFileLater), raw(sameFileLater).length(),
            QuarantineReason.DUPLICATE_KEY, detail),
        quarantine("products", FILE_B, 2, 0, raw(otherFile), raw(otherFile).length(), QuarantineReason.DUPLICATE_KEY,
            detail)),
        KeyedIngestTests.quarantined(outputDir));
    assertCounters(shuffle.counters(), 3, 2);
  }

  private static void assertCounters(Counters counters, long written, long duplicates) {
    assertEquals(written, counters.findCounter(RecordCounters.WRITTEN).getValue(), "WRITTEN");
    assertEquals(duplicates, counters.findCounter(RecordCounters.QUARANTINED).getValue(), "QUARANTINED");
    assertEquals(duplicates, counters.findCounter(QuarantineReason.DUPLICATE_KEY).getValue(), "DUPLICATE_KEY");
    assertEquals(duplicates, counters.findCounter(AvroMultipleOutputs.class.getName(),
        CuratedRun.QUARANTINE_BASE_PATH).getValue(), "quarantine output records");
  }

  static Product product(String id, String title, String price, String file, long offset) {
    return ProductsMapperTest.product(id, title, "kitchen", null, price, "EUR", true, file, offset);
  }

  static String raw(Product product) {
    return product.getProductId() + "," + (product.getTitle() == null ? "" : product.getTitle()) + ",kitchen,,"
        + product.getListPrice() + ",EUR,true";
  }

  static SourcedRecord sourced(Product product, long line) {
    String raw = raw(product);
    return new SourcedRecord(product, "products", product.getSourceFile(), product.getSourceOffset(), line, raw,
        (long) raw.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
  }

  static AvroValue<SourcedRecord> value(Product product, long line) {
    return new AvroValue<>(sourced(product, line));
  }
}
