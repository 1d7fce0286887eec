package io.mrsuite.jobs.fuzz;

import io.mrsuite.formats.quarantine.QuarantineReason;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a run whose curated records are one per valid raw record (ingest-events, ingest-products,
 * ingest-fx): each valid record comes out once and equal to the one the generator wrote, with its source
 * position.
 *
 * @param <T> the curated record
 */
final class FlatRecordsCheck<T> extends RunCheck {
  /** How to read a curated record's source position and to fill it into the generator's expected record. */
  interface Source<T> {
    String file(T record);

    long offset(T record);

    /** Sets the source file (as the job wrote it), offset and, where the record has one, line. */
    void fill(T expected, String file, PlantedRecord planted);
  }

  private final Source<T> source;
  private final Map<PlantedRecord, Integer> writtenTimes = new IdentityHashMap<>();

  FlatRecordsCheck(String job, Path root, List<RawFile> files, Findings findings, Source<T> source) {
    super(job, root, files, findings);
    this.source = source;
  }

  void check(PublishedRun<T> run) {
    checkQuarantine(run.quarantine());
    for (T curated : run.curated()) {
      checkCurated(curated);
    }
    for (ResolvedFile file : resolvedFiles()) {
      for (PlantedRecord record : file.records()) {
        if (file.fateOf(record) instanceof ResolvedFile.Planted planted
            && planted.expectation() instanceof Expectation.Written) {
          int times = writtenTimes.getOrDefault(record, 0);
          if (times != 1) {
            findings.problem(job, file.file(), "the " + record + " is written " + times + " times");
          }
        }
      }
    }
    checkEveryQuarantinedRecordCameOut();
    checkBooks(run, run.curated().size());
  }

  @SuppressWarnings("unchecked")
  private void checkCurated(T curated) {
    long offset = source.offset(curated);
    RawFile file = fileOf(source.file(curated));
    if (file == null) {
      findings.problem(job, null, "curated record from " + source.file(curated) + ", no file of this run: " + curated);
      return;
    }
    ResolvedFile resolvedFile = resolved(file);
    if (!resolvedFile.mayWrite()) {
      findings.problem(job, file, "curated record at byte " + offset + " from a file nothing valid can come from: "
          + curated);
      return;
    }
    PlantedRecord record = resolvedFile.recordAt(offset);
    ResolvedFile.ExpectationOrGone fate = record == null ? null : resolvedFile.fateOf(record);
    if (fate instanceof ResolvedFile.Planted planted && planted.expectation() instanceof Expectation.Written w) {
      writtenTimes.merge(record, 1, Integer::sum);
      T expected = (T) w.record();
      source.fill(expected, source.file(curated), record);
      if (expected.equals(curated)) {
        findings.validRecordChecked();
      } else {
        findings.problem(job, file, "the " + record + " is written as\n    " + curated + "\n  expected\n    "
            + expected);
      }
    } else if (fate instanceof ResolvedFile.Planted planted && planted.expectation() instanceof Expectation.Unknown
        || resolvedFile.isInUnpredictedBytes(offset)) {
      findings.unpredictedRecordSeen();
    } else {
      findings.problem(job, file, "curated record at byte " + offset + " that no valid record accounts for ("
          + (record == null ? "no record starts there" : "the " + record + (fate instanceof ResolvedFile.Gone
          ? ", past the stream's TRUNCATED_INPUT" : "")) + "): " + curated);
    }
  }

  @Override
  protected Expectation effective(ResolvedFile file, PlantedRecord record, Expectation planted) {
    return planted;
  }

  @Override
  protected boolean mayQuarantineValid(PlantedRecord record, QuarantineReason reason) {
    return false;
  }
}
