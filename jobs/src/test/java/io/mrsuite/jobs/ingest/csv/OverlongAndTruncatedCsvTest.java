package io.mrsuite.jobs.ingest.csv;

import static io.mrsuite.jobs.ingest.csv.KeyedIngestTests.quarantine;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mrsuite.formats.avro.FxRate;
import io.mrsuite.formats.avro.Order;
import io.mrsuite.formats.avro.Product;
import io.mrsuite.formats.commerce.CommerceColumns;
import io.mrsuite.formats.csv.CsvRecord;
import io.mrsuite.formats.quarantine.QuarantineReason;
import io.mrsuite.formats.text.TextInputKeys;
import io.mrsuite.jobs.run.RecordCounters;
import io.mrsuite.jobs.shuffle.JoinKey;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.avro.Schema;
import org.apache.avro.mapred.AvroKey;
import org.apache.avro.mapred.AvroValue;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.mapreduce.Counters;
import org.apache.hadoop.mapreduce.Mapper;
import org.apache.hadoop.mrunit.mapreduce.MapDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every CSV dataset's mapper quarantines the tail of a {@code .csv.gz} that was cut short as one
 * TRUNCATED_INPUT record naming the file and offset, and a record over the size limit once, as MALFORMED_CSV;
 * the records before and between are read as usual and the counts balance.
 */
class OverlongAndTruncatedCsvTest {
  private static final LocalDate DATE = LocalDate.of(2026, 11, 20);
  /** Above the longest header's length (orders, 94 bytes). */
  private static final int LIMIT = 120;
  private static final String GZIP_EOF = "the compressed data ends early (Unexpected end of input stream): this record"
      + " stands for the rest of the file";

  @TempDir
  Path outputDir;
  @TempDir
  Path rawDir;

  @Test
  void orders() throws IOException {
    check("orders", CommerceColumns.ORDERS, Order.getClassSchema(), new OrdersMapper(),
        "o-1,u-1,2026-11-20T10:00:00Z,paid,EUR,1,0,0,1,,", "o-2,u-2,2026-11-20T10:00:00Z,paid,EUR,1,0,0,1,,");
  }

  @Test
  void orderLines() throws IOException {
    check("order_lines", CommerceColumns.ORDER_LINES, Order.getClassSchema(), new OrderLinesMapper(),
        "o-1,1,p-1,1,5", "o-1,2,p-2,1,5");
  }

  @Test
  void products() throws IOException {
    check("products", CommerceColumns.PRODUCTS, Product.getClassSchema(), new ProductsMapper(),
        "p-1,Mug,kitchen,Acme,12.5,EUR,true", "p-2,Pan,kitchen,Acme,20,EUR,true");
  }

  @Test
  void fxRates() throws IOException {
    check("fx_rates", CommerceColumns.FX_RATES, FxRate.getClassSchema(), new FxRatesMapper(),
        "EUR,1.08", "GBP,1.27");
  }

  /**
   * A valid row, a row over the limit, a valid row, and the start of a row where the upload stopped: the gzip
   * data is flushed up to there and ends without its trailer.
   */
  private void check(String dataset, List<String> columns, Schema output,
      Mapper<LongWritable, CsvRecord, AvroKey<JoinKey>, AvroValue<SourcedRecord>> mapper,
      String valid, String alsoValid) throws IOException {
    Configuration conf = KeyedIngestTests.taskConf(DATE, output, outputDir);
    TextInputKeys.setMaxRecordBytes(conf, LIMIT);
    Path file = rawDir.resolve(dataset + "/dt=2026-11-20/" + dataset + ".csv.gz");
    String source = CsvFile.sourceFile(file);
    CsvFile csv = new CsvFile(columns);
    csv.row(valid);
    String overlongText = valid + ",x".repeat(LIMIT);
    int overlong = csv.row(overlongText);
    csv.row(alsoValid);
    byte[] partial = "partial,row".getBytes(StandardCharsets.UTF_8);
    int cut = csv.row(partial, "");

    MapDriver<LongWritable, ?, AvroKey<JoinKey>, AvroValue<SourcedRecord>> driver =
        KeyedIngestTests.mapDriver(mapper, conf, csv.writeAndRead(file, gzipWithoutItsEnd(csv.bytes()), conf));
    assertEquals(2, driver.run().size());

    assertEquals(List.of(
        quarantine(dataset, source, csv.line(overlong), csv.offset(overlong), overlongText.substring(0, LIMIT + 2),
            overlongText.length(), QuarantineReason.MALFORMED_CSV,
            "record longer than " + LIMIT + " bytes at byte " + LIMIT + " of the record"),
        quarantine(dataset, csv, source, cut, QuarantineReason.TRUNCATED_INPUT, GZIP_EOF)),
        KeyedIngestTests.quarantined(outputDir));
    Counters counters = driver.getCounters();
    assertEquals(4, counters.findCounter(RecordCounters.READ).getValue());
    assertEquals(2, counters.findCounter(RecordCounters.QUARANTINED).getValue());
    assertEquals(1, counters.findCounter(QuarantineReason.MALFORMED_CSV).getValue());
    assertEquals(1, counters.findCounter(QuarantineReason.TRUNCATED_INPUT).getValue());
  }

  /** gzip of {@code content}, all of it decodable, without the stream's end: what an interrupted upload leaves. */
  private static byte[] gzipWithoutItsEnd(byte[] content) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    GZIPOutputStream gzip = new GZIPOutputStream(out, true);
    gzip.write(content);
    // Flushed, not closed: closing would write the end of the stream.
    gzip.flush();
    return out.toByteArray();
  }
}
