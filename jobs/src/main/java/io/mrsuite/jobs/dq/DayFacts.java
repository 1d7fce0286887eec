package io.mrsuite.jobs.dq;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * What dq-report found for one day, before any threshold is applied.
 *
 * @param partitions every partition of the day, complete or not
 * @param books run books by dataset label, for partitions that have a manifest
 * @param profiles column profiles by dataset label, then column name (complete partitions only)
 * @param orphansByCountry revenue_daily's orphan purchases by country; null when not available
 * @param findings what the report could not check or noticed, one sentence each
 */
record DayFacts(List<DayPartition> partitions, Map<String, RunBooks> books, Map<String, Map<String, JsonNode>> profiles,
    Map<String, Long> orphansByCountry, List<String> findings) {
  /** Records of a dataset's partition as profiled: the rows of any of its columns (every column sees every row). */
  long profiledRecords(String label) {
    Map<String, JsonNode> columns = profiles.getOrDefault(label, Map.of());
    return columns.isEmpty() ? 0 : columns.values().iterator().next().path("rows").asLong();
  }
}
