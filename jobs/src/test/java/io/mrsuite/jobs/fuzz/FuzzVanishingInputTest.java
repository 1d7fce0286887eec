package io.mrsuite.jobs.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mrsuite.jobs.ingest.csv.IngestFxJob;
import io.mrsuite.jobs.ingest.csv.IngestOrdersJob;
import io.mrsuite.jobs.ingest.csv.IngestProductsJob;
import io.mrsuite.jobs.ingest.events.IngestEventsJob;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.util.Tool;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue #13 item 11, files that vanish between listing and reading: a raw file the job listed is gone when
 * its task opens it. Every ingest job then fails with one {@code Error:} line naming the file, and publishes
 * nothing: a file that was listed is input the run promised to account for, and it cannot.
 */
class FuzzVanishingInputTest {
  private static final String DATE = FuzzDay.DAY.toString();
  private static final String EVENT = "{\"event_id\":\"e1\",\"event_type\":\"page_view\","
      + "\"event_time\":\"2026-11-20T10:00:00Z\",\"anonymous_id\":\"a1\"}\n";

  @TempDir
  Path root;

  static Stream<Arguments> jobs() {
    return Stream.of(
        Arguments.of(IngestEventsJob.NAME, (Supplier<Tool>) IngestEventsJob::new, "events", "hr=10/events-2.jsonl.gz"),
        Arguments.of(IngestOrdersJob.NAME, (Supplier<Tool>) IngestOrdersJob::new, "order_lines", "order_lines-2.csv"),
        Arguments.of(IngestProductsJob.NAME, (Supplier<Tool>) IngestProductsJob::new, "products", "products-2.csv"),
        Arguments.of(IngestFxJob.NAME, (Supplier<Tool>) IngestFxJob::new, "fx_rates", "fx_rates-2.csv"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("jobs")
  void aListedFileThatCannotBeOpenedFailsTheRunNamingIt(String job, Supplier<Tool> tool, String dataset,
      String vanishing) throws Exception {
    writeDay(dataset, vanishing);
    Configuration conf = IngestRun.localConf();
    String name = Path.of(vanishing).getFileName().toString();
    VanishingFileSystem.register(conf, name);

    IngestRun run = IngestRun.of(tool.get(), conf, IngestRun.rootAndDate(root, DATE));

    String err = run.stderr();
    assertEquals(1, run.exitCode(), err);
    List<String> errors = err.lines().filter(line -> line.startsWith("Error: ")).toList();
    assertEquals(1, errors.size(), err);
    assertTrue(errors.get(0).startsWith("Error: " + job) && errors.get(0).contains(name), err);
    assertFalse(err.contains("\tat "), "no stack trace: " + err);
    String output = dataset.equals("order_lines") ? "orders" : dataset;
    assertFalse(Files.exists(root.resolve("curated/" + output + "/dt=" + DATE)), "nothing published");
    assertFalse(Files.exists(root.resolve("quarantine/" + output + "/dt=" + DATE)), "nothing published");
  }

  /** A valid day of every raw dataset: two files in {@code dataset} (the second one vanishes), one in the others. */
  private void writeDay(String dataset, String vanishing) throws Exception {
    write("events", "hr=10/events-1.jsonl", ascii(EVENT));
    write("orders", "orders-1.csv", ascii("order_id,user_id,order_time,status,currency,subtotal,shipping,tax,total,"
        + "shipping_country,notes\nO1,u1,2026-11-20T10:00:00Z,paid,EUR,10,0,0,10,DE,\n"));
    write("order_lines", "order_lines-1.csv", ascii("order_id,line_no,product_id,quantity,unit_price\nO1,1,p1,1,10\n"));
    write("products", "products-1.csv",
        ascii("product_id,title,category,brand,list_price,currency,active\np1,t,c,b,10,EUR,true\n"));
    write("fx_rates", "fx_rates-1.csv", ascii("currency,usd_per_unit\nEUR,1.08\n"));
    byte[] copy = Files.readAllBytes(root.resolve("raw/" + dataset + "/dt=" + DATE).resolve(
        dataset.equals("events") ? "hr=10/events-1.jsonl" : dataset + "-1.csv"));
    write(dataset, vanishing, vanishing.endsWith(".gz") ? Compression.GZIP.compress(copy, 0, 9) : copy);
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  private void write(String dataset, String file, byte[] bytes) throws Exception {
    Path path = root.resolve("raw/" + dataset + "/dt=" + DATE).resolve(file);
    Files.createDirectories(path.getParent());
    Files.write(path, bytes);
  }
}
