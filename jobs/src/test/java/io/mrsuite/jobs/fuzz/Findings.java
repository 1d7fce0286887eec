package io.mrsuite.jobs.fuzz;

import java.util.ArrayList;
import java.util.List;

/**
 * What the checks of a run found: the problems, each naming the raw file and what was done to it so that it
 * can be reproduced, and how many records were checked against a prediction.
 */
final class Findings {
  private static final int SHOWN = 40;

  private final List<String> problems = new ArrayList<>();
  private long validRecords;
  private long badRecords;
  private long unpredicted;

  void problem(String job, RawFile file, String problem) {
    problems.add(job + ": " + (file == null ? "" : file + ": ") + problem);
  }

  /** A valid record came out as predicted: curated, equal to what the generator wrote. */
  void validRecordChecked() {
    validRecords++;
  }

  /** A planted bad record came out as predicted: quarantined with its reason at its position. */
  void badRecordChecked() {
    badRecords++;
  }

  /** An output record came from bytes a corruption reached, where nothing was predicted. */
  void unpredictedRecordSeen() {
    unpredicted++;
  }

  boolean isEmpty() {
    return problems.isEmpty();
  }

  /** The first problems, one a line, and how many more there are. */
  String report() {
    StringBuilder text = new StringBuilder(problems.size() + " problems:");
    problems.stream().limit(SHOWN).forEach(line -> text.append("\n  ").append(line));
    if (problems.size() > SHOWN) {
      text.append("\n  ... and ").append(problems.size() - SHOWN).append(" more");
    }
    return text.toString();
  }

  /** Adds another day's counts to these. */
  void add(Findings day) {
    validRecords += day.validRecords;
    badRecords += day.badRecords;
    unpredicted += day.unpredicted;
  }

  String counts() {
    return validRecords + " valid records curated exactly, " + badRecords + " planted bad records quarantined"
        + " exactly, " + unpredicted + " records from corrupted bytes";
  }
}
