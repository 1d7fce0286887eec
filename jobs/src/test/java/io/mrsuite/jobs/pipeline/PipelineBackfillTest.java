package io.mrsuite.jobs.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mrsuite.jobs.MrSuiteDriver;
import io.mrsuite.jobs.gendata.GenDataJob;
import io.mrsuite.jobs.warehouse.Dataset;
import io.mrsuite.jobs.warehouse.Zone;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.generic.GenericRecord;
import org.apache.commons.io.FileUtils;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.util.ToolRunner;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pipeline --from A --to B} on a generated warehouse: a backfill stopped by a day that cannot be built
 * says where to resume, keeps the days done, and the same command run again resumes there; its marts then equal,
 * row for row, those of the same days run one by one with {@code --date}.
 */
@Timeout(600)
class PipelineBackfillTest {
  private static final LocalDate FIRST = LocalDate.of(2026, 11, 1);
  private static final LocalDate LAST = FIRST.plusDays(2);
  private static final String THRESHOLDS = "../test-data/dq-thresholds.properties";

  @TempDir
  Path tmp;

  @Test
  void aBackfillResumesWhereItStoppedAndBuildsWhatTheDaysOneByOneBuild() throws Exception {
    Path raw = tmp.resolve("generated");
    assertEquals(0, ToolRunner.run(conf(), new GenDataJob(), new String[] {"--root", raw.toString(), "--days", "4",
        "--start-date", FIRST.toString(), "--events-per-day", "400", "--seed", "20261201", "--bad-rate", "0"}));
    Path oneByOne = copyRaw(raw, "one-by-one");
    for (LocalDate day = FIRST; !day.isAfter(LAST); day = day.plusDays(1)) {
      Run run = pipeline(oneByOne, "--date", day.toString());
      assertEquals(0, run.exitCode(), day + ": " + run.err());
    }

    Path backfilled = copyRaw(raw, "backfill");
    // The FX rates exported on the third day are late: the second day cannot be built yet.
    Path lateRates = backfilled.resolve("raw/fx_rates/dt=" + FIRST.plusDays(2));
    Path aside = tmp.resolve("late-fx");
    FileUtils.moveDirectory(lateRates.toFile(), aside.toFile());
    String[] range = {"--from", FIRST.toString(), "--to", LAST.toString()};

    Run stopped = pipeline(backfilled, range);

    assertEquals(1, stopped.exitCode());
    String state = "file:" + backfilled.toAbsolutePath() + "/reports/backfill/2026-11-01_2026-11-03.json";
    assertTrue(stopped.err().startsWith("Error: pipeline --from 2026-11-01 --to 2026-11-03: dt=2026-11-02 failed:"
        + " cannot build the marts of 2026-11-02 (arrivals 2026-11-02 .. 2026-11-03): 2026-11-03: raw partitions"
        + " missing [fx_rates]"), stopped.err());
    assertTrue(stopped.err().trim().endsWith("; done: [2026-11-01]; run the same command again to resume at"
        + " dt=2026-11-02 (" + state + ")"), stopped.err());
    assertTrue(Files.exists(backfilled.resolve("marts/revenue_daily/dt=2026-11-01/_SUCCESS")));
    assertFalse(Files.exists(backfilled.resolve("marts/revenue_daily/dt=2026-11-02")));

    FileUtils.moveDirectory(aside.toFile(), lateRates.toFile());
    Run resumed = pipeline(backfilled, range);

    assertEquals(0, resumed.exitCode(), resumed.err());
    assertTrue(resumed.out().contains("pipeline --from 2026-11-01 --to 2026-11-03: resuming; done by an earlier run ("
        + state + "): [2026-11-01]"), resumed.out().toString());
    assertFalse(resumed.out().stream().anyMatch(line -> line.startsWith("pipeline dt=2026-11-01: root")),
        "the day done is not built again");
    assertTrue(resumed.out().contains("  arrival 2026-11-03: skip (ingested earlier in this run)")
        || resumed.out().contains("  arrival 2026-11-03: skip (curated partitions complete, kept (--force ingests "
        + "again))"), resumed.out().toString());
    assertTrue(resumed.out().stream().anyMatch(line -> line.startsWith("pipeline --from 2026-11-01 --to 2026-11-03:"
        + " SUCCEEDED, 2 of 3 days built in ") && line.endsWith(" (1 done by an earlier run)")), resumed.out().toString());
    assertFalse(Files.exists(backfilled.resolve("reports/backfill/2026-11-01_2026-11-03.json")),
        "the state of a finished backfill is removed");

    for (Dataset mart : Dataset.inZone(Zone.MARTS)) {
      for (LocalDate day = FIRST; !day.isAfter(LAST); day = day.plusDays(1)) {
        String partition = "marts/" + mart.dir() + "/dt=" + day;
        List<String> expected = rows(oneByOne.resolve(partition));
        assertFalse(expected.isEmpty(), partition);
        assertEquals(expected, rows(backfilled.resolve(partition)), partition);
      }
    }
  }

  private record Run(int exitCode, List<String> out, String err) {
  }

  private static Configuration conf() {
    Configuration conf = new Configuration();
    conf.set("fs.defaultFS", "file:///");
    conf.set("mapreduce.framework.name", "local");
    return conf;
  }

  private Path copyRaw(Path generated, String name) throws IOException {
    Path root = tmp.resolve(name);
    FileUtils.copyDirectory(generated.resolve("raw").toFile(), root.resolve("raw").toFile());
    return root;
  }

  private static Run pipeline(Path root, String... args) throws Exception {
    List<String> all = new ArrayList<>(List.of("--root", root.toString(), "--dq-thresholds", THRESHOLDS, "--parallel",
        "2"));
    all.addAll(List.of(args));
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(errors, true, StandardCharsets.UTF_8));
    int exitCode;
    try {
      exitCode = ToolRunner.run(conf(), new MrSuiteDriver.Pipeline(), all.toArray(new String[0]));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
    return new Run(exitCode, printed.toString(StandardCharsets.UTF_8).lines().toList(),
        errors.toString(StandardCharsets.UTF_8));
  }

  /** A mart partition's rows, as text, sorted. */
  private static List<String> rows(Path partition) throws IOException {
    List<String> rows = new ArrayList<>();
    try (Stream<Path> files = Files.list(partition)) {
      for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".parquet")).sorted().toList()) {
        try (ParquetReader<GenericRecord> reader = AvroParquetReader.<GenericRecord>builder(
            HadoopInputFile.fromPath(new org.apache.hadoop.fs.Path(file.toUri()), conf())).build()) {
          for (GenericRecord record = reader.read(); record != null; record = reader.read()) {
            rows.add(record.toString());
          }
        }
      }
    }
    rows.sort(null);
    return rows;
  }
}
