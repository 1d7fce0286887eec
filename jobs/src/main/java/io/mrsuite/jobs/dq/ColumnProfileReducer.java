package io.mrsuite.jobs.dq;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.apache.datasketches.hll.HllSketch;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Reducer;

/**
 * Merges the partial stats of one column of a dataset and writes its profile as one JSON object.
 *
 * <p>The profile holds rows, nulls, the distinct count estimated from the merged HLL sketch with its 95%
 * bounds, and min/max (time columns as ISO-8601 text, numbers as exact decimals).
 */
public class ColumnProfileReducer extends Reducer<Text, ColumnStats, Text, Text> {
  /** Standard deviations of the distinct-count bounds: 2 is about 95% confidence. */
  static final int BOUND_STANDARD_DEVIATIONS = 2;

  private static final ObjectMapper JSON = DqReport.exactDecimals();

  private final Text profile = new Text();

  @Override
  protected void reduce(Text key, Iterable<ColumnStats> values, Context context)
      throws IOException, InterruptedException {
    profile.set(JSON.writeValueAsString(toJson(ColumnStatsMerge.of(values))));
    context.write(key, profile);
    context.getCounter(DqCounters.COLUMNS).increment(1);
  }

  static ObjectNode toJson(ColumnStats stats) {
    ObjectNode node = JSON.createObjectNode();
    node.put("type", stats.type());
    node.put("rows", stats.rows());
    node.put("nulls", stats.nulls());
    HllSketch sketch = stats.distinct();
    ObjectNode distinct = node.putObject("distinct");
    distinct.put("estimate", sketch == null ? 0 : Math.round(sketch.getEstimate()));
    distinct.put("lower_bound", sketch == null ? 0 : (long) Math.floor(sketch.getLowerBound(BOUND_STANDARD_DEVIATIONS)));
    distinct.put("upper_bound", sketch == null ? 0 : (long) Math.ceil(sketch.getUpperBound(BOUND_STANDARD_DEVIATIONS)));
    if (stats.min() != null) {
      putValue(node, "min", stats.type(), stats.min());
      putValue(node, "max", stats.type(), stats.max());
    }
    return node;
  }

  private static void putValue(ObjectNode node, String field, String type, BigDecimal value) {
    switch (type) {
      case ColumnTypes.TIMESTAMP_MILLIS -> node.put(field, Instant.ofEpochMilli(value.longValueExact()).toString());
      case ColumnTypes.LOCAL_TIMESTAMP_MILLIS -> node.put(field,
          LocalDateTime.ofEpochSecond(Math.floorDiv(value.longValueExact(), 1000),
              (int) Math.floorMod(value.longValueExact(), 1000) * 1_000_000, ZoneOffset.UTC).toString());
      case ColumnTypes.DATE -> node.put(field, LocalDate.ofEpochDay(value.longValueExact()).toString());
      default -> node.put(field, value);
    }
  }
}
