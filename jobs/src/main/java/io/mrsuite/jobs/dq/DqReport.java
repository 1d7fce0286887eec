package io.mrsuite.jobs.dq;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mrsuite.jobs.warehouse.Dataset;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The day's report as the JSON tree written to {@value #JSON_FILE}; docs/dq-report.md describes each field. */
final class DqReport {
  static final String JSON_FILE = "dq.json";
  /** Decimals kept exact both ways: written plain as they are (0.00 stays 0.00), read back as BigDecimal. */
  static final ObjectMapper JSON = exactDecimals().enable(SerializationFeature.INDENT_OUTPUT);

  private DqReport() {
  }

  static ObjectMapper exactDecimals() {
    return new ObjectMapper().setNodeFactory(JsonNodeFactory.withExactBigDecimals(true))
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
  }

  static Verdict verdict(List<Check> checks) {
    return checks.stream().allMatch(Check::passed) ? Verdict.PASS : Verdict.FAIL;
  }

  static List<String> failedChecks(List<Check> checks) {
    return checks.stream().filter(c -> !c.passed()).map(Check::name).toList();
  }

  static ObjectNode build(LocalDate date, String runId, int lgK, DayFacts facts, Thresholds thresholds,
      List<Check> checks) {
    ObjectNode root = JSON.createObjectNode();
    root.put("report", DqReportJob.NAME);
    root.put("date", date.toString());
    root.put("run_id", runId);
    root.put("generated", Instant.now().toString());
    root.put("verdict", verdict(checks).name());
    failedChecks(checks).forEach(root.putArray("failed_checks")::add);
    ArrayNode checkNodes = root.putArray("checks");
    for (Check check : checks) {
      ObjectNode node = checkNodes.addObject();
      node.put("name", check.name());
      node.put("passed", check.passed());
      node.put("measured", check.measured());
      node.put("limit", check.limit());
      node.put("unit", check.rate() ? "rate" : "count");
      node.put("detail", check.detail());
    }
    facts.findings().forEach(root.putArray("findings")::add);
    ObjectNode limits = root.putObject("thresholds");
    thresholds.asMap().forEach(limits::put);
    ObjectNode distinct = root.putObject("distinct_counts");
    distinct.put("method", "HyperLogLog (Apache DataSketches HllSketch, HLL_4), lgK=" + lgK);
    distinct.put("relative_standard_error", Math.round(1.04 / Math.sqrt(1 << lgK) * 10000) / 10000.0);
    distinct.put("bounds", "lower_bound/upper_bound: about 95% confidence ("
        + ColumnProfileReducer.BOUND_STANDARD_DEVIATIONS + " standard deviations)");
    putOrphans(root, facts);
    ArrayNode datasets = root.putArray("datasets");
    for (DayPartition partition : facts.partitions()) {
      datasets.add(dataset(partition, facts));
    }
    return root;
  }

  private static void putOrphans(ObjectNode root, DayFacts facts) {
    ObjectNode orphans = root.putObject("orphan_purchases");
    orphans.put("mart", Dataset.REVENUE_DAILY.label());
    orphans.put("available", facts.orphansByCountry() != null);
    if (facts.orphansByCountry() != null) {
      orphans.put("total", facts.orphansByCountry().values().stream().mapToLong(Long::longValue).sum());
      ObjectNode byCountry = orphans.putObject("by_country");
      facts.orphansByCountry().forEach(byCountry::put);
    }
  }

  private static ObjectNode dataset(DayPartition partition, DayFacts facts) {
    ObjectNode node = JSON.createObjectNode();
    node.put("dataset", partition.label());
    node.put("zone", partition.zone().dir());
    node.put("path", partition.path().toString());
    node.put("complete", partition.complete());
    RunBooks books = facts.books().get(partition.label());
    if (books != null) {
      ObjectNode run = node.putObject("run");
      run.put("job", books.job());
      run.put("run_id", books.runId());
      run.put("read", books.read());
      run.put("written", books.written());
      run.put("quarantined", books.quarantined());
      run.put("skipped", books.skipped());
      run.put("duplicates_removed", books.duplicatesRemoved());
      run.put("quarantine_rate", DqChecks.rate(books.quarantined(), books.read()));
      run.put("duplicate_rate", DqChecks.rate(books.duplicatesRemoved(), books.read()));
      ObjectNode reasons = run.putObject("quarantined_by_reason");
      books.quarantinedByReason().forEach(reasons::put);
    }
    if (partition.complete()) {
      node.put("records", facts.profiledRecords(partition.label()));
      ObjectNode columns = node.putObject("columns");
      facts.profiles().getOrDefault(partition.label(), Map.of()).forEach(columns::set);
    }
    return node;
  }
}
