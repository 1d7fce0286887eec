package io.mrsuite.jobs.pipeline;

import static io.mrsuite.jobs.pipeline.PipelineRuns.conf;
import static io.mrsuite.jobs.pipeline.PipelineRuns.copyRaw;
import static io.mrsuite.jobs.pipeline.PipelineRuns.martRows;
import static io.mrsuite.jobs.pipeline.PipelineRuns.pipeline;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mrsuite.jobs.gendata.GenDataJob;
import io.mrsuite.jobs.pipeline.PipelineRuns.Run;
import io.mrsuite.jobs.warehouse.Dataset;
import io.mrsuite.jobs.warehouse.Zone;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.commons.io.FileUtils;
import org.apache.hadoop.util.ToolRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pipeline --from A --to B} on a generated warehouse: a backfill stopped by a day that cannot be built
 * says where to resume, keeps the days done, and the same command run again resumes there; its marts then equal,
 * row for row, those of the same days run one by one with {@code --date}; with {@code --force} each arrival date
 * is ingested again once, and the marts are the same.
 */
@Timeout(600)
class PipelineBackfillTest {
  private static final LocalDate FIRST = LocalDate.of(2026, 11, 1);
  private static final LocalDate LAST = FIRST.plusDays(2);

  @TempDir
  Path tmp;

  @Test
  void aBackfillResumesWhereItStoppedAndBuildsWhatTheDaysOneByOneBuild() throws Exception {
    Path raw = tmp.resolve("generated");
    assertEquals(0, ToolRunner.run(conf(), new GenDataJob(), new String[] {"--root", raw.toString(), "--days", "4",
        "--start-date", FIRST.toString(), "--events-per-day", "400", "--seed", "20261201", "--bad-rate", "0"}));
    Path oneByOne = copyRaw(raw, tmp, "one-by-one");
    for (LocalDate day = FIRST; !day.isAfter(LAST); day = day.plusDays(1)) {
      Run run = pipeline(oneByOne, "--date", day.toString());
      assertEquals(0, run.exitCode(), day + ": " + run.err());
    }

    Path backfilled = copyRaw(raw, tmp, "backfill");
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

    assertSameMarts(oneByOne, backfilled);

    // With --force every arrival date is ingested again, once: the next day does not repeat the one before.
    Run forced = pipeline(backfilled, "--from", FIRST.toString(), "--to", LAST.toString(), "--force");
    assertEquals(0, forced.exitCode(), forced.err());
    List<String> plan = forced.out().stream().filter(line -> line.startsWith("  arrival ")).toList();
    assertEquals(List.of(
        "  arrival 2026-11-01: ingest (forced)", "  arrival 2026-11-02: ingest (forced)",
        "  arrival 2026-11-02: skip (ingested earlier in this run)", "  arrival 2026-11-03: ingest (forced)",
        "  arrival 2026-11-03: skip (ingested earlier in this run)", "  arrival 2026-11-04: ingest (forced)"), plan);
    assertSameMarts(oneByOne, backfilled);
  }

  private static void assertSameMarts(Path expectedRoot, Path root) throws Exception {
    for (Dataset mart : Dataset.inZone(Zone.MARTS)) {
      for (LocalDate day = FIRST; !day.isAfter(LAST); day = day.plusDays(1)) {
        String partition = "marts/" + mart.dir() + "/dt=" + day;
        List<String> expected = martRows(expectedRoot.resolve(partition));
        assertFalse(expected.isEmpty(), partition);
        assertEquals(expected, martRows(root.resolve(partition)), partition);
      }
    }
  }
}
