package io.mrsuite.jobs.fuzz;

import static org.junit.jupiter.api.Assertions.fail;

import io.mrsuite.formats.avro.Event;
import io.mrsuite.formats.avro.FxRate;
import io.mrsuite.formats.avro.Order;
import io.mrsuite.formats.avro.Product;
import io.mrsuite.jobs.ingest.csv.IngestFxJob;
import io.mrsuite.jobs.ingest.csv.IngestOrdersJob;
import io.mrsuite.jobs.ingest.csv.IngestProductsJob;
import io.mrsuite.jobs.ingest.events.IngestEventsJob;
import io.mrsuite.jobs.warehouse.Dataset;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.commons.io.FileUtils;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapred.LocalJobRunner;
import org.apache.hadoop.mapreduce.MRJobConfig;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.util.Tool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #13 item 11: seeded hostile raw files through every ingest job. Each job must finish, balance its
 * books, write every valid record the generator wrote exactly once and exactly as written, quarantine every
 * planted bad record with its reason, and write nothing that no raw record accounts for. See
 * {@link FuzzSettings} for the file count and seed, and {@link Corruption} for what is done to the files.
 *
 * <p>Files are written as warehouse days of at most {@value #FILES_PER_DAY}, and each day runs the four
 * jobs once: a few job runs for many files.
 */
class FuzzIngestTest {
  static final int FILES_PER_DAY = 1000;
  private static final String DATE = FuzzDay.DAY.toString();

  @TempDir
  Path work;

  @Test
  void hostileRawFilesComeOutOfEveryIngestJobWithNothingLostOrInvented() throws Exception {
    FuzzSettings settings = FuzzSettings.fromSystemProperties();
    System.out.println(settings.describe());
    SplittableRandom seeds = new SplittableRandom(settings.seed());
    int days = (settings.files() + FILES_PER_DAY - 1) / FILES_PER_DAY;
    Map<String, Integer> covered = new TreeMap<>();
    Map<String, Long> jobMillis = new TreeMap<>();
    Findings total = new Findings();
    long start = System.nanoTime();
    for (int day = 0; day < days; day++) {
      int files = settings.files() / days + (day < settings.files() % days ? 1 : 0);
      long daySeed = seeds.nextLong();
      Path root = work.resolve("day-" + day);
      List<RawFile> written = new FuzzDay(settings, daySeed, files).writeUnder(root);
      written.forEach(file -> covered.merge(file.dataset().dir() + ":" + file.corruption(), 1, Integer::sum));
      Findings findings = new Findings();
      ingestAndCheck(root, written, findings, jobMillis);
      if (!findings.isEmpty()) {
        fail(settings.describe() + ": day " + (day + 1) + " of " + days + " (day seed " + daySeed + "), "
            + findings.report());
      }
      total.add(findings);
      FileUtils.deleteDirectory(root.toFile());
    }
    System.out.printf("fuzz: %d files in %d day(s) passed in %.1f s (%s): %s%n  files by dataset:corruption %s%n",
        settings.files(), days, (System.nanoTime() - start) / 1e9, jobMillis.entrySet().stream()
            .map(e -> e.getKey() + " " + e.getValue() / 1000.0 + " s").collect(Collectors.joining(", ")),
        total.counts(), covered);
  }

  private static void ingestAndCheck(Path root, List<RawFile> files, Findings findings, Map<String, Long> millis)
      throws Exception {
    if (run(IngestEventsJob.NAME, new IngestEventsJob(), IngestRun.localConf(), root, files, findings, millis)) {
      new FlatRecordsCheck<>(IngestEventsJob.NAME, root, of(files, RawDataset.EVENTS), findings,
          new FlatRecordsCheck.Source<Event>() {
            @Override
            public String file(Event event) {
              return event.getSourceFile();
            }

            @Override
            public long offset(Event event) {
              return event.getSourceOffset();
            }

            @Override
            public void fill(Event expected, String file, PlantedRecord planted) {
              expected.setSourceFile(file);
              expected.setSourceOffset(planted.offset());
              expected.setSourceLine(planted.line());
            }
          }).check(PublishedRun.read(root, Dataset.EVENTS, DATE, Event.class));
    }
    if (run(IngestOrdersJob.NAME, new IngestOrdersJob(), csvConf(), root, files, findings, millis)) {
      new OrdersCheck(IngestOrdersJob.NAME, root, of(files, RawDataset.ORDERS, RawDataset.ORDER_LINES), findings)
          .check(PublishedRun.read(root, Dataset.ORDERS, DATE, Order.class));
    }
    if (run(IngestProductsJob.NAME, new IngestProductsJob(), csvConf(), root, files, findings, millis)) {
      new FlatRecordsCheck<>(IngestProductsJob.NAME, root, of(files, RawDataset.PRODUCTS), findings,
          new FlatRecordsCheck.Source<Product>() {
            @Override
            public String file(Product product) {
              return product.getSourceFile();
            }

            @Override
            public long offset(Product product) {
              return product.getSourceOffset();
            }

            @Override
            public void fill(Product expected, String file, PlantedRecord planted) {
              expected.setSourceFile(file);
              expected.setSourceOffset(planted.offset());
            }
          }).check(PublishedRun.read(root, Dataset.PRODUCTS, DATE, Product.class));
    }
    if (run(IngestFxJob.NAME, new IngestFxJob(), csvConf(), root, files, findings, millis)) {
      new FlatRecordsCheck<>(IngestFxJob.NAME, root, of(files, RawDataset.FX_RATES), findings,
          new FlatRecordsCheck.Source<FxRate>() {
            @Override
            public String file(FxRate rate) {
              return rate.getSourceFile();
            }

            @Override
            public long offset(FxRate rate) {
              return rate.getSourceOffset();
            }

            @Override
            public void fill(FxRate expected, String file, PlantedRecord planted) {
              expected.setSourceFile(file);
              expected.setSourceOffset(planted.offset());
            }
          }).check(PublishedRun.read(root, Dataset.FX_RATES, DATE, FxRate.class));
    }
  }

  /** Runs a job; a failure is a problem naming its Error line and the raw files that line names. */
  private static boolean run(String name, Tool job, Configuration conf, Path root, List<RawFile> files,
      Findings findings, Map<String, Long> millis) throws Exception {
    IngestRun run = IngestRun.of(job, conf, IngestRun.rootAndDate(root, DATE));
    millis.merge(name, run.millis(), Long::sum);
    if (run.exitCode() == 0) {
      return true;
    }
    String named = files.stream().filter(file -> run.stderr().contains(Path.of(file.relativePath()).getFileName()
        .toString())).map(RawFile::toString).collect(Collectors.joining("; "));
    findings.problem(name, null, "exit " + run.exitCode() + ": " + run.stderr().strip()
        + (named.isEmpty() ? "" : "\n  the files it names: " + named));
    return false;
  }

  /**
   * The CSV jobs read a file with a 1 MiB record as several splits, so records meet split boundaries. They
   * run a map task per file: two at a time, one per core of the machine the suite is sized for.
   */
  private static Configuration csvConf() {
    Configuration conf = IngestRun.localConf();
    conf.setLong(FileInputFormat.SPLIT_MAXSIZE, IngestRun.CSV_SPLIT_BYTES);
    conf.setInt(LocalJobRunner.LOCAL_MAX_MAPS, 2);
    conf.setInt(MRJobConfig.IO_SORT_MB, 8);
    return conf;
  }

  private static List<RawFile> of(List<RawFile> files, RawDataset... datasets) {
    List<RawDataset> wanted = List.of(datasets);
    return files.stream().filter(file -> wanted.contains(file.dataset())).toList();
  }
}
