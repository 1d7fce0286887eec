package io.mrsuite.jobs.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mrsuite.formats.avro.EnrichedEvent;
import io.mrsuite.formats.avro.Event;
import io.mrsuite.formats.avro.EventType;
import io.mrsuite.formats.avro.FxRate;
import io.mrsuite.formats.avro.Product;
import io.mrsuite.jobs.enrich.EnrichEventsJob;
import io.mrsuite.jobs.run.JobFailedException;
import io.mrsuite.jobs.run.JobFailures;
import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.JobContext;
import org.apache.hadoop.mapreduce.JobID;
import org.apache.hadoop.mapreduce.Mapper;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.apache.hadoop.mapreduce.task.JobContextImpl;
import org.apache.hadoop.util.ToolRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A task reads exactly the cache files its job shipped: a link left in the working directory by an earlier
 * run (the local runner links into the JVM's working directory and keeps a link that is there) changes
 * nothing, and a file that is not the shipped one fails the task, naming the link and the shipped file.
 */
class StaleCacheLinkTest {
  private static final LocalDate X = LocalDate.of(2026, 3, 1);
  private static final LocalDate NEXT = X.plusDays(1);
  private static final String EUR_OF_X = "1.07406573";
  private static final String EUR_OF_NEXT = "1.08455864";
  /** The local runner's working directory: where it links the cache files. */
  private static final Path WORKING_DIR = Paths.get(System.getProperty("user.dir"));

  @TempDir
  Path root;

  private final List<Path> planted = new ArrayList<>();

  @BeforeEach
  void warehouseOfTwoDays() throws IOException {
    write(partition("events_dedup", X), Event.getClassSchema(), List.of(
        event("e-1", "p-1", "EUR"), event("e-2", "p-2", "EUR"), event("e-3", "p-1", "GBP")));
    write(partition("products", X), Product.getClassSchema(), List.of(product("p-1", "Shoes", X), product("p-2", "Bags", X)));
    write(partition("products", NEXT), Product.getClassSchema(), List.of(product("p-1", "Boots", NEXT)));
    write(partition("fx_rates", X), FxRate.getClassSchema(), List.of(rate("EUR", EUR_OF_X, X), rate("GBP", "1.26", X)));
    // The next day has one more currency, as days do: its file is not the same length as X's.
    write(partition("fx_rates", NEXT), FxRate.getClassSchema(), List.of(rate("EUR", EUR_OF_NEXT, NEXT), rate("GBP", "1.27", NEXT),
        rate("CHF", "1.13", NEXT)));
  }

  @AfterEach
  void removePlantedFiles() throws IOException {
    for (Path file : planted) {
      Files.deleteIfExists(file);
    }
  }

  @Test
  void linksAnEarlierRunLeftUnderTheOldNamesChangeNothing() throws Exception {
    List<EnrichedEvent> clean = enrich();
    assertEquals(new BigDecimal(EUR_OF_X), clean.get(0).getUsdPerUnit());
    assertEquals("Shoes", clean.get(0).getCategory());

    plantLink("fx-rates-0.avro", partFile(partition("fx_rates", NEXT)));
    plantLink("catalog-0.avro", partFile(partition("products", NEXT)));
    List<EnrichedEvent> withStaleLinks = enrich();

    assertEquals(clean, withStaleLinks);
    assertTrue(Files.isSymbolicLink(WORKING_DIR.resolve("fx-rates-0.avro")), "the run leaves links it did not make");
  }

  @Test
  void aFileThatIsNotTheShippedOneUnderItsLinkFailsTheTask(@TempDir Path work) throws Exception {
    Job job = ratesJob(work);
    CachedFxRates.ship(job, hadoopPath(partition("fx_rates", X)));
    URI shipped = job.getCacheFiles()[0];
    Files.copy(partFile(partition("fx_rates", NEXT)), plant(shipped.getFragment()));

    JobFailedException failure = assertThrows(JobFailedException.class, () -> JobFailures.await(job, "rates"));

    assertTrue(failure.getMessage().contains("cache link " + shipped.getFragment() + " in " + WORKING_DIR
        + " is not the file the job shipped (" + hadoopPath(partFile(partition("fx_rates", X))) + ", "),
        failure.getMessage());
    assertTrue(failure.getMessage().contains("remove it if an earlier run left it"), failure.getMessage());
  }

  @Test
  void eachShipmentLinksItsFilesUnderNamesOfItsOwn(@TempDir Path work) throws Exception {
    Job first = ratesJob(work);
    Job second = ratesJob(work);
    CachedFxRates.ship(first, hadoopPath(partition("fx_rates", X)));
    CachedFxRates.ship(second, hadoopPath(partition("fx_rates", X)));

    String link = first.getCacheFiles()[0].getFragment();
    assertTrue(link.startsWith(CachedFxRates.LINK_PREFIX) && link.endsWith("-0.avro"), link);
    assertNotEquals("fx-rates-0.avro", link);
    assertNotEquals(link, second.getCacheFiles()[0].getFragment());
  }

  @Test
  void anOriginalRewrittenAfterShippingFailsTheTaskThatReadsIt(@TempDir Path work) throws Exception {
    Path fxRates = partition("fx_rates", X);
    Job job = ratesJob(work);
    CachedFxRates.ship(job, hadoopPath(fxRates));
    write(fxRates, FxRate.getClassSchema(), List.of(rate("EUR", EUR_OF_NEXT, X), rate("GBP", "1.27", X), rate("CHF", "1.13", X)));
    JobContext task = new JobContextImpl(job.getConfiguration(), new JobID("test", 1));

    IOException failure = assertThrows(IOException.class, () -> CachedFxRates.load(task));

    assertTrue(failure.getMessage().startsWith("cache file " + hadoopPath(partFile(fxRates)) + " (link "
        + job.getCacheFiles()[0].getFragment() + ") changed after the job shipped it: shipped "), failure.getMessage());
  }

  /** Writes each rate its one task loaded from the cache, as {@code currency TAB rate}. */
  public static class LoadedRatesMapper extends Mapper<LongWritable, Text, Text, Text> {
    @Override
    protected void setup(Context context) throws IOException, InterruptedException {
      for (Map.Entry<String, BigDecimal> rate : new TreeMap<>(CachedFxRates.load(context)).entrySet()) {
        context.write(new Text(rate.getKey()), new Text(rate.getValue().toPlainString()));
      }
    }

    @Override
    protected void map(LongWritable key, Text value, Context context) {
    }
  }

  private Job ratesJob(Path work) throws IOException {
    Path input = Files.writeString(Files.createDirectories(work).resolve("one-line.txt"), "x\n");
    Job job = Job.getInstance(localConf(), "rates");
    job.setMapperClass(LoadedRatesMapper.class);
    job.setNumReduceTasks(0);
    job.setOutputKeyClass(Text.class);
    job.setOutputValueClass(Text.class);
    FileInputFormat.setInputPaths(job, hadoopPath(input));
    FileOutputFormat.setOutputPath(job, hadoopPath(work.resolve("out-" + System.nanoTime())));
    return job;
  }

  private List<EnrichedEvent> enrich() throws Exception {
    String[] args = {"--root", root.toString(), "--date", X.toString(), "--join", "map"};
    assertEquals(0, ToolRunner.run(localConf(), new EnrichEventsJob(), args));
    List<EnrichedEvent> events = new ArrayList<>();
    try (Stream<Path> files = Files.list(root.resolve("curated/events_enriched/dt=" + X))) {
      for (Path part : files.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList()) {
        try (DataFileReader<EnrichedEvent> reader = new DataFileReader<>(part.toFile(),
            new SpecificDatumReader<>(EnrichedEvent.class))) {
          reader.forEach(events::add);
        }
      }
    }
    return events;
  }

  private void plantLink(String name, Path target) throws IOException {
    Files.createSymbolicLink(plant(name), target);
  }

  /** A path in the working directory the test removes afterwards; nothing may be there already. */
  private Path plant(String name) {
    Path file = WORKING_DIR.resolve(name);
    assertFalse(Files.exists(file, LinkOption.NOFOLLOW_LINKS), file + " exists before the test");
    planted.add(file);
    return file;
  }

  private Path partition(String dataset, LocalDate date) {
    return root.resolve("curated").resolve(dataset).resolve("dt=" + date);
  }

  private static Path partFile(Path partition) {
    return partition.resolve("part-r-00000.avro");
  }

  /** Replaces the partition's one part file with the records, and marks it complete. */
  private static <T> void write(Path partition, Schema schema, List<T> records) throws IOException {
    Files.createDirectories(partition);
    File file = partFile(partition).toFile();
    try (DataFileWriter<T> writer = new DataFileWriter<>(new SpecificDatumWriter<T>(schema))) {
      writer.create(schema, file);
      for (T record : records) {
        writer.append(record);
      }
    }
    Files.write(partition.resolve("_SUCCESS"), new byte[0]);
  }

  private static org.apache.hadoop.fs.Path hadoopPath(Path path) {
    return new org.apache.hadoop.fs.Path(path.toUri());
  }

  private static Configuration localConf() {
    Configuration conf = new Configuration();
    conf.set("fs.defaultFS", "file:///");
    conf.set("mapreduce.framework.name", "local");
    return conf;
  }

  private static Event event(String id, String product, String currency) {
    return Event.newBuilder().setEventId(id).setEventType(EventType.purchase)
        .setEventTime(Instant.parse("2026-03-01T10:00:00Z")).setAnonymousId("a-1").setUserId(null)
        .setProductId(product).setQuantity(1).setPrice(new BigDecimal("10.00")).setCurrency(currency)
        .setOrderId("o-" + id).setCountry("DE").setPageUrl(null).setReferrer(null).setUserAgent(null).setIp(null)
        .setSearchQuery(null).setAttributes(Map.of()).setArrivalDate(X).setSourceFile("/raw/events/a.jsonl")
        .setSourceOffset(0).setSourceLine(1).build();
  }

  private static Product product(String id, String category, LocalDate date) {
    return new Product(id, "title", category, "Acme", new BigDecimal("1.00"), "EUR", true, date,
        "/raw/products/dt=" + date + "/products.csv", 0L);
  }

  private static FxRate rate(String currency, String usdPerUnit, LocalDate date) {
    return new FxRate(currency, new BigDecimal(usdPerUnit), date, "/raw/fx_rates/dt=" + date + "/fx_rates.csv", 1L);
  }
}
