package io.mrsuite.jobs.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import io.mrsuite.formats.avro.QuarantineRecord;
import io.mrsuite.formats.quarantine.QuarantineReason;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Checks one ingest run's published output against the raw files the generator wrote: the quarantine records
 * one by one, then (in subclasses) the curated records, and the books in the run manifest.
 *
 * <p>Every output record is placed by its source file and byte offset. A record the generator planted there
 * must have come out as planted; a record where no planted one starts may only come from bytes a corruption
 * reached. Every planted record that must come out must have come out exactly once.
 */
abstract class RunCheck {
  protected final String job;
  protected final Findings findings;
  private final Map<String, RawFile> filesByPath = new HashMap<>();
  private final Map<RawFile, ResolvedFile> resolved = new IdentityHashMap<>();
  private final Map<PlantedRecord, Integer> quarantinedTimes = new IdentityHashMap<>();

  RunCheck(String job, Path root, List<RawFile> files, Findings findings) {
    this.job = job;
    this.findings = findings;
    for (RawFile file : files) {
      filesByPath.put(root.resolve(file.relativePath()).toAbsolutePath().toString(), file);
    }
  }

  /** What must become of a valid record beyond the generator's say: an order line whose order is not written. */
  protected abstract Expectation effective(ResolvedFile file, PlantedRecord record, Expectation planted);

  /** Whether a record planted valid may be quarantined with {@code reason} (a line of an unknown order). */
  protected abstract boolean mayQuarantineValid(PlantedRecord record, QuarantineReason reason);

  /** Called once every file is resolved, before any record is checked. */
  protected void afterResolving() {
  }

  /** Resolves every file with the run's TRUNCATED_INPUT records, then checks each quarantine record. */
  protected final void checkQuarantine(List<QuarantineRecord> quarantine) {
    Map<RawFile, List<QuarantineRecord>> truncations = new IdentityHashMap<>();
    filesByPath.values().forEach(file -> truncations.put(file, new ArrayList<>()));
    for (QuarantineRecord record : quarantine) {
      RawFile file = fileOf(record.getSourceFile());
      if (file != null && QuarantineReason.TRUNCATED_INPUT.name().equals(record.getReason())) {
        truncations.get(file).add(record);
      }
    }
    for (RawFile file : filesByPath.values()) {
      resolved.put(file, ResolvedFile.resolve(job, file, truncations.get(file), findings));
    }
    afterResolving();
    for (QuarantineRecord record : quarantine) {
      checkQuarantined(record);
    }
  }

  private void checkQuarantined(QuarantineRecord quarantined) {
    RawFile file = fileOf(quarantined.getSourceFile());
    String what = "quarantined " + quarantined.getReason() + " at byte " + quarantined.getByteOffset() + " ("
        + quarantined.getDetail() + ")";
    if (file == null) {
      findings.problem(job, null, what + " names " + quarantined.getSourceFile() + ", no file of this run");
      return;
    }
    QuarantineReason reason = QuarantineReason.valueOf(quarantined.getReason());
    ResolvedFile resolvedFile = resolved.get(file);
    if (!file.dataset().dir().equals(quarantined.getDataset())) {
      findings.problem(job, file, what + " as dataset " + quarantined.getDataset());
    }
    if (!file.dataset().reasons().contains(reason) || !resolvedFile.allows(reason)) {
      findings.problem(job, file, what + ": a reason this file's records cannot have");
      return;
    }
    if (file.readability() == RawFile.Readability.UNDECODABLE && reason != QuarantineReason.TRUNCATED_INPUT) {
      findings.problem(job, file, what + ": a file that is not the stream its name says can only be TRUNCATED_INPUT");
      return;
    }
    if (reason == QuarantineReason.TRUNCATED_INPUT) {
      return;
    }
    if (file.readability() == RawFile.Readability.GARBAGE || file.readability() == RawFile.Readability.CORRUPT_STREAM) {
      findings.unpredictedRecordSeen();
      return;
    }
    PlantedRecord record = resolvedFile.recordAt(quarantined.getByteOffset());
    if (record == null) {
      if (resolvedFile.isInUnpredictedBytes(quarantined.getByteOffset())) {
        findings.unpredictedRecordSeen();
      } else {
        findings.problem(job, file, what + ": no record starts there and no corruption reached it");
      }
      return;
    }
    ResolvedFile.ExpectationOrGone fate = resolvedFile.fateOf(record);
    if (fate instanceof ResolvedFile.Gone) {
      findings.problem(job, file, what + ": the " + record + " is past the stream's TRUNCATED_INPUT");
      return;
    }
    Expectation expected = effective(resolvedFile, record, ((ResolvedFile.Planted) fate).expectation());
    if (expected instanceof Expectation.Quarantined planted) {
      quarantinedTimes.merge(record, 1, Integer::sum);
      if (planted.reasons().contains(reason) && checkPosition(file, record, quarantined, what)) {
        findings.badRecordChecked();
      } else if (!planted.reasons().contains(reason)) {
        findings.problem(job, file, what + ": expected " + planted.reasons() + " for the " + record);
      }
    } else if (expected instanceof Expectation.Unknown
        || expected instanceof Expectation.Written && mayQuarantineValid(record, reason)) {
      findings.unpredictedRecordSeen();
    } else {
      findings.problem(job, file, what + ": the " + record + " must not be quarantined");
    }
  }

  /** Checks the line and length a quarantine record gives; a CSV split that starts mid-file gives line 0. */
  private boolean checkPosition(RawFile file, PlantedRecord record, QuarantineRecord quarantined, String what) {
    boolean right = true;
    boolean lineKnown = !file.dataset().isCsv() || quarantined.getLineNumber() != 0;
    if (lineKnown && quarantined.getLineNumber() != record.line()) {
      findings.problem(job, file, what + ": line " + quarantined.getLineNumber() + ", expected " + record.line());
      right = false;
    }
    if (record.lengthKnown() && quarantined.getRawLength() != record.contentLength()) {
      findings.problem(job, file, what + ": raw_length " + quarantined.getRawLength() + ", expected "
          + record.contentLength());
      right = false;
    }
    return right;
  }

  /** Every record that must be quarantined was, exactly once. */
  protected final void checkEveryQuarantinedRecordCameOut() {
    for (ResolvedFile file : resolved.values()) {
      for (PlantedRecord record : file.records()) {
        if (file.fateOf(record) instanceof ResolvedFile.Planted planted
            && effective(file, record, planted.expectation()) instanceof Expectation.Quarantined reasons) {
          int times = quarantinedTimes.getOrDefault(record, 0);
          if (times != 1) {
            findings.problem(job, file.file(), "the " + record + " is quarantined " + times
                + " times, expected once with " + reasons.reasons());
          }
        }
      }
    }
  }

  /** The books in the manifests balance and agree with the records published. */
  protected final void checkBooks(PublishedRun<?> run, long writtenInFiles) {
    JsonNode records = run.manifest().get("records");
    long read = run.count("read");
    long written = run.count("written");
    long quarantined = run.count("quarantined");
    long skipped = run.count("skipped");
    long duplicates = run.count("duplicates_removed");
    if (read != written + quarantined + skipped + duplicates) {
      findings.problem(job, null, "books do not balance: read " + read + " != written " + written + " + quarantined "
          + quarantined + " + skipped " + skipped + " + duplicates removed " + duplicates);
    }
    if (written != writtenInFiles) {
      findings.problem(job, null, "manifest written " + written + ", the curated files hold " + writtenInFiles);
    }
    if (quarantined != run.quarantine().size()) {
      findings.problem(job, null, "manifest quarantined " + quarantined + ", the quarantine files hold "
          + run.quarantine().size());
    }
    Map<QuarantineReason, Long> byReason = new EnumMap<>(QuarantineReason.class);
    run.quarantine().forEach(q -> byReason.merge(QuarantineReason.valueOf(q.getReason()), 1L, Long::sum));
    Map<QuarantineReason, Long> manifestByReason = new EnumMap<>(QuarantineReason.class);
    for (Iterator<Map.Entry<String, JsonNode>> it = records.get("quarantined_by_reason").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      if (entry.getValue().asLong() != 0) {
        manifestByReason.put(QuarantineReason.valueOf(entry.getKey()), entry.getValue().asLong());
      }
    }
    if (!byReason.equals(manifestByReason)) {
      findings.problem(job, null, "manifest quarantined by reason " + manifestByReason + ", the files hold "
          + byReason);
    }
    if (!run.manifest().get("run_id").equals(run.quarantineManifest().get("run_id"))) {
      findings.problem(job, null, "curated and quarantine partitions are from different runs");
    }
    long knownSkipped = 0;
    for (ResolvedFile file : resolved.values()) {
      for (PlantedRecord record : file.records()) {
        if (file.fateOf(record) instanceof ResolvedFile.Planted planted
            && planted.expectation() instanceof Expectation.Skipped) {
          knownSkipped++;
        }
      }
    }
    if (skipped < knownSkipped) {
      findings.problem(job, null, "skipped " + skipped + ", but the files hold " + knownSkipped + " empty lines");
    }
  }

  protected final RawFile fileOf(String sourceFile) {
    return filesByPath.get(new org.apache.hadoop.fs.Path(sourceFile).toUri().getPath());
  }

  protected final ResolvedFile resolved(RawFile file) {
    return resolved.get(file);
  }

  protected final Iterable<ResolvedFile> resolvedFiles() {
    return resolved.values();
  }
}
