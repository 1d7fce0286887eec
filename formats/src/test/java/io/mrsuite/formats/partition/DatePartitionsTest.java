package io.mrsuite.formats.partition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mrsuite.formats.partition.IgnoredEntry.Reason;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.PathIsNotDirectoryException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatePartitionsTest {
  private static final String EVENTS = "raw/events";
  private static final LocalDate D18 = LocalDate.of(2026, 11, 18);
  private static final LocalDate D19 = LocalDate.of(2026, 11, 19);
  private static final LocalDate D20 = LocalDate.of(2026, 11, 20);
  private static final LocalDate D21 = LocalDate.of(2026, 11, 21);
  private static final LocalDate D22 = LocalDate.of(2026, 11, 22);
  private static final LocalDate D23 = LocalDate.of(2026, 11, 23);
  private static final LocalDate D24 = LocalDate.of(2026, 11, 24);

  @TempDir
  java.nio.file.Path tmp;
  private LocalTree w;

  @BeforeEach
  void setUp() throws IOException {
    w = new LocalTree(tmp);
  }

  private Path dataset() {
    return w.path(EVENTS);
  }

  private Path dt(LocalDate date) {
    return w.path(EVENTS + "/dt=" + date);
  }

  private Path hr(LocalDate date, String hour) {
    return w.path(EVENTS + "/dt=" + date + "/hr=" + hour);
  }

  private void partitions(String... names) throws IOException {
    for (String name : names) {
      w.file(EVENTS + "/" + name + "/part-00000.jsonl");
    }
  }

  @Test
  void singleDateSelectsExactlyThatPartition() throws IOException {
    partitions("dt=2026-11-19", "dt=2026-11-20", "dt=2026-11-21");

    PartitionSelection s = DatePartitions.forDate(D20).select(w.fs(), dataset());

    assertEquals(List.of(dt(D20)), s.partitionPaths());
    assertEquals(List.of(), s.hourPaths());
    assertEquals(List.of(new DatePartition(D20, dt(D20), false, List.of())), s.partitions());
    assertEquals(List.of(), s.missing());
    assertEquals(List.of(), s.incomplete());
    assertEquals(List.of(), s.ignored());
    assertTrue(s.isComplete());
    assertTrue(s.datasetExists());
    assertEquals(dataset(), s.dataset());
    assertEquals("", s.describeUnavailable());
  }

  @Test
  void rangeSelectsEveryPartitionInDateOrder() throws IOException {
    // created out of order, and across a month boundary
    partitions("dt=2026-12-02", "dt=2026-11-29", "dt=2026-12-01", "dt=2026-11-30", "dt=2026-11-28", "dt=2026-12-03");

    PartitionSelection s = DatePartitions.forRange(LocalDate.of(2026, 11, 29), LocalDate.of(2026, 12, 2))
        .select(w.fs(), dataset());

    assertEquals(List.of(w.path(EVENTS + "/dt=2026-11-29"), w.path(EVENTS + "/dt=2026-11-30"),
        w.path(EVENTS + "/dt=2026-12-01"), w.path(EVENTS + "/dt=2026-12-02")), s.partitionPaths());
    assertTrue(s.isComplete());
  }

  @Test
  void lateWindowExtendsTheRangeByLateDays() throws IOException {
    partitions("dt=2026-11-19", "dt=2026-11-20", "dt=2026-11-21", "dt=2026-11-22", "dt=2026-11-23");

    DatePartitions request = DatePartitions.forDate(D20).withLateDays(2);
    PartitionSelection s = request.select(w.fs(), dataset());

    assertEquals(List.of(D20, D21, D22), request.dates());
    assertEquals(D22, request.lastDate());
    assertEquals(List.of(dt(D20), dt(D21), dt(D22)), s.partitionPaths());
  }

  @Test
  void lateWindowAppliesToTheEndOfARange() throws IOException {
    partitions("dt=2026-11-18", "dt=2026-11-19", "dt=2026-11-20", "dt=2026-11-21", "dt=2026-11-22");

    PartitionSelection s = DatePartitions.forRange(D19, D20).withLateDays(1).select(w.fs(), dataset());

    assertEquals(List.of(dt(D19), dt(D20), dt(D21)), s.partitionPaths());
  }

  @Test
  void zeroLateDaysIsTheRangeItself() throws IOException {
    partitions("dt=2026-11-20", "dt=2026-11-21");

    assertEquals(List.of(dt(D20)), DatePartitions.forDate(D20).withLateDays(0).select(w.fs(), dataset())
        .partitionPaths());
  }

  @Test
  void missingPartitionsFailNamingTheDatasetAndEveryMissingDate() throws IOException {
    partitions("dt=2026-11-20", "dt=2026-11-22");

    MissingPartitionsException e = assertThrows(MissingPartitionsException.class,
        () -> DatePartitions.forRange(D20, D23).withLateDays(1).select(w.fs(), dataset()));

    assertEquals("dataset " + dataset() + ", dt=2026-11-20..2026-11-23 + 1 late day (2026-11-20..2026-11-24): "
        + "3 of 5 partitions unavailable: missing (no directory): dt=2026-11-21, dt=2026-11-23, dt=2026-11-24. "
        + "Wait until they are written and complete, or allow missing partitions to run without them.",
        e.getMessage());
    assertEquals(List.of(D21, D23, D24), e.unavailable());
    assertEquals(List.of(D21, D23, D24), e.selection().missing());
    assertEquals(List.of(dt(D20), dt(D22)), e.selection().partitionPaths());
  }

  @Test
  void missingDatasetDirectoryHasEveryDateMissing() throws IOException {
    MissingPartitionsException e = assertThrows(MissingPartitionsException.class,
        () -> DatePartitions.forRange(D20, D21).select(w.fs(), dataset()));

    assertEquals("dataset " + dataset() + ", dt=2026-11-20..2026-11-21 (2026-11-20..2026-11-21): "
        + "2 of 2 partitions unavailable (the dataset directory does not exist): "
        + "missing (no directory): dt=2026-11-20, dt=2026-11-21. "
        + "Wait until they are written and complete, or allow missing partitions to run without them.",
        e.getMessage());

    PartitionSelection s = DatePartitions.forRange(D20, D21).withAllowMissing(true).select(w.fs(), dataset());
    assertFalse(s.datasetExists());
    assertEquals(List.of(D20, D21), s.missing());
    assertEquals(List.of(), s.partitions());
  }

  @Test
  void allowMissingSelectsWhatExistsAndNamesWhatIsMissing() throws IOException {
    partitions("dt=2026-11-20", "dt=2026-11-22");

    PartitionSelection s = DatePartitions.forRange(D20, D23).withLateDays(1).withAllowMissing(true)
        .select(w.fs(), dataset());

    assertEquals(List.of(dt(D20), dt(D22)), s.partitionPaths());
    assertEquals(List.of(D21, D23, D24), s.missing());
    assertEquals(List.of(), s.incomplete());
    assertEquals(List.of(D21, D23, D24), s.unavailable());
    assertFalse(s.isComplete());
    assertEquals("dataset " + dataset() + ", dt=2026-11-20..2026-11-23 + 1 late day (2026-11-20..2026-11-24): "
        + "3 of 5 partitions unavailable: missing (no directory): dt=2026-11-21, dt=2026-11-23, dt=2026-11-24",
        s.describeUnavailable());
  }

  @Test
  void successIsNotRequiredByDefaultButReported() throws IOException {
    partitions("dt=2026-11-20", "dt=2026-11-21");
    w.file(EVENTS + "/dt=2026-11-20/_SUCCESS");

    PartitionSelection s = DatePartitions.forRange(D20, D21).select(w.fs(), dataset());

    assertEquals(List.of(new DatePartition(D20, dt(D20), true, List.of()),
        new DatePartition(D21, dt(D21), false, List.of())), s.partitions());
    assertTrue(s.isComplete());
  }

  @Test
  void requiredSuccessTreatsPartitionsWithoutItAsIncomplete() throws IOException {
    partitions("dt=2026-11-20", "dt=2026-11-21", "dt=2026-11-22", "dt=2026-11-24");
    w.file(EVENTS + "/dt=2026-11-20/_SUCCESS");
    w.dir(EVENTS + "/dt=2026-11-22/_SUCCESS"); // a directory named _SUCCESS is no marker
    w.file(EVENTS + "/dt=2026-11-24/_SUCCESS");
    DatePartitions request = DatePartitions.forRange(D20, D23).withLateDays(1).withRequireSuccess(true);

    MissingPartitionsException e = assertThrows(MissingPartitionsException.class,
        () -> request.select(w.fs(), dataset()));
    assertEquals("dataset " + dataset() + ", dt=2026-11-20..2026-11-23 + 1 late day (2026-11-20..2026-11-24): "
        + "3 of 5 partitions unavailable: missing (no directory): dt=2026-11-23; "
        + "incomplete (no _SUCCESS): dt=2026-11-21, dt=2026-11-22. "
        + "Wait until they are written and complete, or allow missing partitions to run without them.",
        e.getMessage());
    assertEquals(List.of(D21, D22, D23), e.unavailable());

    PartitionSelection s = request.withAllowMissing(true).select(w.fs(), dataset());
    assertEquals(List.of(new DatePartition(D20, dt(D20), true, List.of()),
        new DatePartition(D24, dt(D24), true, List.of())), s.partitions());
    assertEquals(List.of(D23), s.missing());
    assertEquals(List.of(D21, D22), s.incomplete());
    assertEquals(List.of(D21, D22, D23), s.unavailable());
  }

  @Test
  void requiredSuccessWithEveryMarkerPresentSelectsAll() throws IOException {
    partitions("dt=2026-11-20", "dt=2026-11-21");
    w.file(EVENTS + "/dt=2026-11-20/_SUCCESS").file(EVENTS + "/dt=2026-11-21/_SUCCESS");

    PartitionSelection s = DatePartitions.forDate(D20).withLateDays(1).withRequireSuccess(true)
        .select(w.fs(), dataset());

    assertEquals(List.of(dt(D20), dt(D21)), s.partitionPaths());
    assertTrue(s.isComplete());
  }

  @Test
  void hiddenTemporaryStagingAndInvalidNamesAreIgnoredAndReported() throws IOException {
    partitions("dt=2026-11-20");
    w.file(EVENTS + "/_temporary/0/part-00000.jsonl")
        .file(EVENTS + "/_staging.dt=2026-11-21.run-1/_SUCCESS")
        .file(EVENTS + "/_staging.dt=2026-11-21.run-1/part-00000.jsonl")
        .dir(EVENTS + "/_replaced.dt=2026-11-20.run-0")
        .dir(EVENTS + "/.dt=2026-11-21")
        .file(EVENTS + "/_SUCCESS")
        .file(EVENTS + "/_manifest.json")
        .file(EVENTS + "/dt=2026-13-40/part-00000.jsonl")
        .file(EVENTS + "/dt=2026-1-5/part-00000.jsonl")
        .dir(EVENTS + "/dt=2026-02-30")
        .dir(EVENTS + "/dt=2026-11-21.tmp")
        .dir(EVENTS + "/dt=")
        .dir(EVENTS + "/dt=+2026-11-21")
        .file(EVENTS + "/dt=2026-11-21") // a file where the partition directory should be
        .dir(EVENTS + "/DT=2026-11-21")
        .file(EVENTS + "/README");

    PartitionSelection s = DatePartitions.forRange(D20, D21).withAllowMissing(true).select(w.fs(), dataset());

    assertEquals(List.of(dt(D20)), s.partitionPaths());
    assertEquals(List.of(D21), s.missing());
    List<IgnoredEntry> expectedWarnings = List.of(
        new IgnoredEntry(w.path(EVENTS + "/DT=2026-11-21"), Reason.UNEXPECTED),
        new IgnoredEntry(w.path(EVENTS + "/README"), Reason.UNEXPECTED),
        new IgnoredEntry(w.path(EVENTS + "/dt="), Reason.INVALID_DATE),
        new IgnoredEntry(w.path(EVENTS + "/dt=+2026-11-21"), Reason.INVALID_DATE),
        new IgnoredEntry(w.path(EVENTS + "/dt=2026-02-30"), Reason.INVALID_DATE),
        new IgnoredEntry(w.path(EVENTS + "/dt=2026-1-5"), Reason.INVALID_DATE),
        new IgnoredEntry(w.path(EVENTS + "/dt=2026-11-21"), Reason.NOT_A_DIRECTORY),
        new IgnoredEntry(w.path(EVENTS + "/dt=2026-11-21.tmp"), Reason.INVALID_DATE),
        new IgnoredEntry(w.path(EVENTS + "/dt=2026-13-40"), Reason.INVALID_DATE));
    assertEquals(expectedWarnings, s.warnings());
    List<IgnoredEntry> expectedHidden = List.of(
        new IgnoredEntry(w.path(EVENTS + "/.dt=2026-11-21"), Reason.HIDDEN),
        new IgnoredEntry(w.path(EVENTS + "/_SUCCESS"), Reason.HIDDEN),
        new IgnoredEntry(w.path(EVENTS + "/_manifest.json"), Reason.HIDDEN),
        new IgnoredEntry(w.path(EVENTS + "/_replaced.dt=2026-11-20.run-0"), Reason.HIDDEN),
        new IgnoredEntry(w.path(EVENTS + "/_staging.dt=2026-11-21.run-1"), Reason.HIDDEN),
        new IgnoredEntry(w.path(EVENTS + "/_temporary"), Reason.HIDDEN));
    assertEquals(expectedHidden, s.ignored().stream().filter(e -> e.reason() == Reason.HIDDEN).toList());
    assertEquals(expectedWarnings.size() + expectedHidden.size(), s.ignored().size());
  }

  @Test
  void invalidNamesAloneDoNotCrashAndAreReported() throws IOException {
    w.dir(EVENTS + "/dt=2026-13-40").dir(EVENTS + "/dt=2026-1-5");

    PartitionSelection s = DatePartitions.forDate(D20).withAllowMissing(true).select(w.fs(), dataset());

    assertEquals(List.of(), s.partitions());
    assertEquals(List.of(D20), s.missing());
    assertEquals(List.of(new IgnoredEntry(w.path(EVENTS + "/dt=2026-1-5"), Reason.INVALID_DATE),
        new IgnoredEntry(w.path(EVENTS + "/dt=2026-13-40"), Reason.INVALID_DATE)), s.warnings());

    // without allowing missing partitions the same layout fails on the missing date, not on the names
    MissingPartitionsException e = assertThrows(MissingPartitionsException.class,
        () -> DatePartitions.forDate(D20).select(w.fs(), dataset()));
    assertEquals(2, e.selection().warnings().size());
  }

  @Test
  void hoursSelectsValidHourDirectoriesByDateThenHour() throws IOException {
    String d20 = EVENTS + "/dt=2026-11-20/";
    w.file(d20 + "hr=23/a.jsonl").file(d20 + "hr=00/a.jsonl").file(d20 + "hr=05/a.jsonl.gz")
        .dir(d20 + "hr=24").dir(d20 + "hr=5").dir(d20 + "hr=ab").dir(d20 + "hr=").dir(d20 + "hr=-1")
        .file(d20 + "hr=07") // a file, not an hour directory
        .file(d20 + "_temporary/0/part-00000.jsonl").dir(d20 + ".hr=01").file(d20 + "_manifest.json")
        .file(d20 + "_SUCCESS").file(d20 + "stray.jsonl").dir(d20 + "foo");
    w.file(EVENTS + "/dt=2026-11-21/hr=01/a.jsonl");
    w.file(EVENTS + "/dt=2026-11-22/hr=02/a.jsonl"); // outside the range: never looked into
    w.dir(EVENTS + "/dt=2026-11-22/hr=99");

    PartitionSelection s = DatePartitions.forDate(D20).withLateDays(1).withHours(true).select(w.fs(), dataset());

    assertEquals(List.of(hr(D20, "00"), hr(D20, "05"), hr(D20, "23"), hr(D21, "01")), s.hourPaths());
    assertEquals(List.of(dt(D20), dt(D21)), s.partitionPaths());
    assertEquals(List.of(
        new DatePartition(D20, dt(D20), true, List.of(new HourPartition(0, hr(D20, "00")),
            new HourPartition(5, hr(D20, "05")), new HourPartition(23, hr(D20, "23")))),
        new DatePartition(D21, dt(D21), false, List.of(new HourPartition(1, hr(D21, "01"))))), s.partitions());
    assertEquals(List.of(
        new IgnoredEntry(w.path(d20 + ".hr=01"), Reason.HIDDEN),
        new IgnoredEntry(w.path(d20 + "_manifest.json"), Reason.HIDDEN),
        new IgnoredEntry(w.path(d20 + "_temporary"), Reason.HIDDEN),
        new IgnoredEntry(w.path(d20 + "foo"), Reason.UNEXPECTED),
        new IgnoredEntry(w.path(d20 + "hr="), Reason.INVALID_HOUR),
        new IgnoredEntry(w.path(d20 + "hr=-1"), Reason.INVALID_HOUR),
        new IgnoredEntry(w.path(d20 + "hr=07"), Reason.NOT_A_DIRECTORY),
        new IgnoredEntry(w.path(d20 + "hr=24"), Reason.INVALID_HOUR),
        new IgnoredEntry(w.path(d20 + "hr=5"), Reason.INVALID_HOUR),
        new IgnoredEntry(w.path(d20 + "hr=ab"), Reason.INVALID_HOUR),
        new IgnoredEntry(w.path(d20 + "stray.jsonl"), Reason.UNEXPECTED)), s.ignored());
  }

  @Test
  void hoursWithRequiredSuccessStillNeedTheMarker() throws IOException {
    w.file(EVENTS + "/dt=2026-11-20/hr=00/a.jsonl").file(EVENTS + "/dt=2026-11-20/_SUCCESS");
    w.file(EVENTS + "/dt=2026-11-21/hr=00/a.jsonl");

    PartitionSelection s = DatePartitions.forRange(D20, D21).withHours(true).withRequireSuccess(true)
        .withAllowMissing(true).select(w.fs(), dataset());

    assertEquals(List.of(hr(D20, "00")), s.hourPaths());
    assertEquals(List.of(D21), s.incomplete());
  }

  @Test
  void aPartitionWithoutHoursIsSelectedWithNoHours() throws IOException {
    w.dir(EVENTS + "/dt=2026-11-20");

    PartitionSelection s = DatePartitions.forDate(D20).withHours(true).select(w.fs(), dataset());

    assertEquals(List.of(new DatePartition(D20, dt(D20), false, List.of())), s.partitions());
    assertEquals(List.of(), s.hourPaths());
  }

  @Test
  void withoutHoursThePartitionContentsAreNotInspected() throws IOException {
    w.file(EVENTS + "/dt=2026-11-20/hr=00/a.jsonl").dir(EVENTS + "/dt=2026-11-20/hr=99")
        .dir(EVENTS + "/dt=2026-11-20/_temporary");

    PartitionSelection s = DatePartitions.forDate(D20).select(w.fs(), dataset());

    assertEquals(List.of(dt(D20)), s.partitionPaths());
    assertEquals(List.of(), s.hourPaths());
    assertEquals(List.of(), s.ignored());
  }

  @Test
  void curatedDatasetsWorkTheSameWay() throws IOException {
    w.file("curated/events/dt=2026-11-20/part-m-00000.avro").file("curated/events/dt=2026-11-20/_SUCCESS")
        .file("curated/events/dt=2026-11-21/part-m-00000.avro").file("curated/events/dt=2026-11-21/_SUCCESS")
        .dir("curated/events/_staging.dt=2026-11-22.run-7");

    PartitionSelection s = DatePartitions.forDate(D20).withLateDays(1).withRequireSuccess(true)
        .select(w.fs(), w.path("curated/events"));

    assertEquals(List.of(w.path("curated/events/dt=2026-11-20"), w.path("curated/events/dt=2026-11-21")),
        s.partitionPaths());
    assertEquals(List.of(), s.warnings());
  }

  @Test
  void anUnqualifiedDatasetPathIsQualified() throws IOException {
    partitions("dt=2026-11-20");

    PartitionSelection s = DatePartitions.forDate(D20)
        .select(w.fs(), new Path(tmp.resolve(EVENTS).toAbsolutePath().toString()));

    assertEquals(dataset(), s.dataset());
    assertEquals(List.of(dt(D20)), s.partitionPaths());
  }

  @Test
  void aDatasetThatIsAFileIsAnError() throws IOException {
    w.file(EVENTS);

    assertThrows(PathIsNotDirectoryException.class,
        () -> DatePartitions.forDate(D20).withAllowMissing(true).select(w.fs(), dataset()));
  }

  @Test
  void badRequestsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> DatePartitions.forRange(D21, D20));
    assertThrows(IllegalArgumentException.class, () -> DatePartitions.forDate(D20).withLateDays(-1));
    assertThrows(IllegalArgumentException.class, () -> DatePartitions.forDate(LocalDate.of(10000, 1, 1)));
    assertThrows(IllegalArgumentException.class,
        () -> DatePartitions.forDate(LocalDate.of(9999, 12, 31)).withLateDays(1));
    assertThrows(NullPointerException.class, () -> DatePartitions.forRange(null, D20));
  }

  @Test
  void requestsAreImmutable() {
    DatePartitions base = DatePartitions.forRange(D18, D19);
    DatePartitions changed = base.withLateDays(2).withAllowMissing(true).withRequireSuccess(true).withHours(true);

    assertNotSame(base, changed);
    assertEquals(0, base.lateDays());
    assertFalse(base.allowMissing());
    assertFalse(base.requireSuccess());
    assertFalse(base.hours());
    assertEquals(List.of(D18, D19), base.dates());
    assertEquals("dt=2026-11-18..2026-11-19", base.toString());
    assertEquals(2, changed.lateDays());
    assertTrue(changed.allowMissing());
    assertTrue(changed.requireSuccess());
    assertTrue(changed.hours());
    assertEquals(List.of(D18, D19, D20, D21), changed.dates());
    assertEquals("dt=2026-11-18..2026-11-19 + 2 late days", changed.toString());
    assertEquals("dt=2026-11-20", DatePartitions.forDate(D20).toString());
  }
}
