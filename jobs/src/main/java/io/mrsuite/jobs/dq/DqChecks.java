package io.mrsuite.jobs.dq;

import com.fasterxml.jackson.databind.JsonNode;
import io.mrsuite.jobs.warehouse.Dataset;
import io.mrsuite.jobs.warehouse.Zone;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The day's facts against the thresholds: one {@link Check} per measure that could be taken. */
final class DqChecks {
  static final String QUARANTINE_RATE = "quarantine_rate";
  static final String DUPLICATE_RATE = "duplicate_rate";
  static final String ORPHAN_PURCHASES = "orphan_purchases";
  static final String INCOMPLETE_PARTITIONS = "incomplete_partitions";
  static final String REQUIRED_PARTITION = "required_partition";
  static final String NULL_RATE = "null_rate";
  static final String DEDUP_DATASET = "curated/events_dedup";

  private static final MathContext RATE_PRECISION = MathContext.DECIMAL64;

  private DqChecks() {
  }

  /** The checks, in report order; the facts' findings get a line for each measure that could not be taken. */
  static List<Check> evaluate(DayFacts facts, Thresholds thresholds) {
    List<String> findings = facts.findings();
    List<Check> checks = new ArrayList<>();
    long incomplete = facts.partitions().stream().filter(p -> !p.complete()).count();
    checks.add(new Check(INCOMPLETE_PARTITIONS, BigDecimal.valueOf(incomplete),
        BigDecimal.valueOf(thresholds.incompletePartitionsMax()), false, incomplete + " of " + facts.partitions().size()
        + " partitions without _SUCCESS"));
    for (String label : thresholds.requiredPartitions()) {
      boolean present = facts.partitions().stream().anyMatch(p -> p.label().equals(label) && p.complete());
      checks.add(new Check(REQUIRED_PARTITION + ":" + label, BigDecimal.valueOf(present ? 0 : 1), BigDecimal.ZERO,
          false, present ? "complete" : "missing or incomplete"));
    }
    for (DayPartition partition : facts.partitions()) {
      RunBooks books = facts.books().get(partition.label());
      if (partition.zone() == Zone.CURATED && books != null && books.read() > 0) {
        checks.add(new Check(QUARANTINE_RATE + ":" + partition.label(), rate(books.quarantined(), books.read()),
            thresholds.quarantineRateMax(partition.name()), true, books.quarantined() + " of " + books.read() + " read"));
      }
    }
    RunBooks dedup = facts.books().get(DEDUP_DATASET);
    if (dedup == null) {
      findings.add("no " + DEDUP_DATASET + " run manifest: duplicate rate not checked");
    } else {
      checks.add(new Check(DUPLICATE_RATE, rate(dedup.duplicatesRemoved(), dedup.read()),
          thresholds.duplicateRateMax(), true, dedup.duplicatesRemoved() + " duplicates of " + dedup.read() + " read"));
    }
    if (facts.orphansByCountry() != null) {
      long orphans = facts.orphansByCountry().values().stream().mapToLong(Long::longValue).sum();
      checks.add(new Check(ORPHAN_PURCHASES, BigDecimal.valueOf(orphans),
          BigDecimal.valueOf(thresholds.orphanPurchasesMax()), false, "sum of " + Dataset.REVENUE_DAILY.label() + "."
          + OrphanPurchases.COLUMN));
    }
    for (Map.Entry<Thresholds.DatasetColumn, BigDecimal> limit : thresholds.nullRateMax().entrySet()) {
      String dataset = limit.getKey().dataset();
      String column = limit.getKey().column();
      JsonNode profile = facts.profiles().getOrDefault(dataset, Map.of()).get(column);
      if (profile == null) {
        findings.add("no profile of " + dataset + " column " + column + ": its null rate is not checked");
      } else {
        long nulls = profile.path("nulls").asLong();
        long rows = profile.path("rows").asLong();
        checks.add(new Check(NULL_RATE + ":" + dataset + "." + column, rate(nulls, rows), limit.getValue(),
            true, nulls + " nulls of " + rows + " rows"));
      }
    }
    return checks;
  }

  /** part / whole exactly enough for a comparison with a limit of a few digits; 0 of 0 is 0. */
  static BigDecimal rate(long part, long whole) {
    return whole == 0 ? BigDecimal.ZERO
        : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), RATE_PRECISION);
  }
}
