package io.mrsuite.jobs.ingest.csv;

import static io.mrsuite.jobs.ingest.csv.KeyedIngestTests.quarantine;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mrsuite.formats.avro.FxRate;
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

/** FxRatesMapper: valid rates keyed by currency, with 8-place decimals and the rate date; rejections exact. */
class FxRatesMapperTest {
  static final LocalDate RATE_DATE = LocalDate.of(2026, 11, 20);

  @TempDir
  Path outputDir;
  @TempDir
  Path rawDir;

  private Configuration conf;
  private Path file;
  private String source;

  @BeforeEach
  void configure() throws IOException {
    conf = KeyedIngestTests.taskConf(RATE_DATE, FxRate.getClassSchema(), outputDir);
    file = rawDir.resolve("fx_rates/dt=2026-11-20/fx.csv");
    source = CsvFile.sourceFile(file);
  }

  @Test
  void validRatesAreKeyedByCurrency() throws IOException {
    CsvFile csv = new CsvFile(CommerceColumns.FX_RATES);
    int eur = csv.row("EUR,1.08123456");
    int jpy = csv.row("\"JPY\",0.0067".getBytes(StandardCharsets.UTF_8), "\r\n");
    int empty = csv.row("");
    int usd = csv.row("USD,1".getBytes(StandardCharsets.UTF_8), "");

    MapDriver<LongWritable, ?, AvroKey<JoinKey>, AvroValue<SourcedRecord>> driver =
        KeyedIngestTests.mapDriver(new FxRatesMapper(), conf, csv.writeAndRead(file, conf));
    List<? extends Pair<AvroKey<JoinKey>, AvroValue<SourcedRecord>>> output = driver.run();

    assertEquals(List.of(
        new JoinKey("EUR", 0, 0, source, csv.offset(eur)),
        new JoinKey("JPY", 0, 0, source, csv.offset(jpy)),
        new JoinKey("USD", 0, 0, source, csv.offset(usd))),
        output.stream().map(p -> p.getFirst().datum()).toList());
    assertEquals(List.of(
        new SourcedRecord(rate("EUR", "1.08123456", source, csv.offset(eur)), "fx_rates", source, csv.offset(eur),
            2L, "EUR,1.08123456", 14L),
        new SourcedRecord(rate("JPY", "0.00670000", source, csv.offset(jpy)), "fx_rates", source, csv.offset(jpy),
            3L, "\"JPY\",0.0067", 12L),
        new SourcedRecord(rate("USD", "1.00000000", source, csv.offset(usd)), "fx_rates", source, csv.offset(usd),
            5L, "USD,1", 5L)),
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
    CsvFile csv = new CsvFile(CommerceColumns.FX_RATES);
    int noCurrency = csv.row(",1.0");
    int noRate = csv.row("GBP,");
    int digits = csv.row("GBP,1.123456789");
    int negative = csv.row("GBP,-1");
    int exponent = csv.row("GBP,1e3");
    int code = csv.row("GB,1");
    int fields = csv.row("EUR,1,2");
    int empty = csv.row("");
    int whitespace = csv.row(" ");
    byte[] bad = {'C', 'H', (byte) 0xC6, ',', '1'};
    int encoding = csv.row(bad, "\n");

    MapDriver<LongWritable, ?, AvroKey<JoinKey>, AvroValue<SourcedRecord>> driver =
        KeyedIngestTests.mapDriver(new FxRatesMapper(), conf, csv.writeAndRead(file, conf));
    assertEquals(List.of(), driver.run());

    String fx = "fx_rates";
    List<QuarantineRecord> expected = List.of(
        quarantine(fx, csv, source, noCurrency, QuarantineReason.MISSING_FIELD, "currency is empty"),
        quarantine(fx, csv, source, noRate, QuarantineReason.MISSING_FIELD, "usd_per_unit is empty"),
        quarantine(fx, csv, source, digits, QuarantineReason.INVALID_VALUE,
            "usd_per_unit \"1.123456789\": more than 8 fraction digits"),
        quarantine(fx, csv, source, negative, QuarantineReason.INVALID_VALUE,
            "usd_per_unit \"-1\": not a plain decimal like 12, 12.5 or 12.50"),
        quarantine(fx, csv, source, exponent, QuarantineReason.INVALID_VALUE,
            "usd_per_unit \"1e3\": not a plain decimal like 12, 12.5 or 12.50"),
        quarantine(fx, csv, source, code, QuarantineReason.INVALID_VALUE, "currency \"GB\": not 3 upper-case letters"),
        quarantine(fx, csv, source, fields, QuarantineReason.MALFORMED_CSV,
            "wrong field count: 3 fields, the header has 2"),
        quarantine(fx, csv, source, whitespace, QuarantineReason.MALFORMED_CSV,
            "wrong field count: 1 fields, the header has 2"),
        quarantine(fx, csv, source, encoding, QuarantineReason.INVALID_ENCODING, "not UTF-8"));
    List<QuarantineRecord> actual = KeyedIngestTests.quarantined(outputDir);
    assertEquals(expected, actual);
    assertEquals("CH\uFFFD,1", actual.get(8).getRawText());
    assertEquals(9L, csv.line(empty));

    Counters counters = driver.getCounters();
    assertEquals(10, counters.findCounter(RecordCounters.READ).getValue());
    assertEquals(1, counters.findCounter(RecordCounters.SKIPPED).getValue());
    assertEquals(9, counters.findCounter(RecordCounters.QUARANTINED).getValue());
    assertEquals(2, counters.findCounter(QuarantineReason.MISSING_FIELD).getValue());
    assertEquals(4, counters.findCounter(QuarantineReason.INVALID_VALUE).getValue());
    assertEquals(2, counters.findCounter(QuarantineReason.MALFORMED_CSV).getValue());
    assertEquals(1, counters.findCounter(QuarantineReason.INVALID_ENCODING).getValue());
    assertEquals(9, counters.findCounter(AvroMultipleOutputs.class.getName(),
        CuratedRun.QUARANTINE_BASE_PATH).getValue());
  }

  static FxRate rate(String currency, String usdPerUnit, String file, long offset) {
    return FxRate.newBuilder().setCurrency(currency).setUsdPerUnit(new BigDecimal(usdPerUnit))
        .setRateDate(RATE_DATE).setSourceFile(file).setSourceOffset(offset).build();
  }
}
