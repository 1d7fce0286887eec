package io.mrsuite.jobs.dq;

import io.mrsuite.jobs.tool.UsageException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * The limits dq-report checks a day against.
 *
 * <p>They come from a Java properties file laid over the defaults shipped in the jar
 * ({@value #DEFAULTS_RESOURCE}). Rates are fractions (0.02 = 2%); a measure above its limit fails. An unknown
 * key is an error, so a misspelt limit cannot silently fall back to its default.
 */
final class Thresholds {
  static final String DEFAULTS_RESOURCE = "dq-thresholds.properties";

  /** Largest quarantined / read of a curated partition's run; {@code quarantine.rate.max.<dataset>} overrides. */
  static final String QUARANTINE_RATE_MAX = "quarantine.rate.max";
  /** Largest duplicates_removed / read of dedup-events' run (curated/events_dedup). */
  static final String DUPLICATE_RATE_MAX = "duplicate.rate.max";
  /** Most orphan purchases (sum of revenue_daily's orphan_purchases) when that mart exists. */
  static final String ORPHAN_PURCHASES_MAX = "orphan.purchases.max";
  /** Most partitions of the day without _SUCCESS. */
  static final String INCOMPLETE_PARTITIONS_MAX = "incomplete.partitions.max";
  /** Comma-separated dataset labels (curated/events, marts/product_daily) that must have a complete partition. */
  static final String REQUIRED_PARTITIONS = "required.partitions";
  /** Prefix of {@code null.rate.max.<zone>/<dataset>.<column>}: largest nulls / rows of that column. */
  static final String NULL_RATE_MAX_PREFIX = "null.rate.max.";

  private final Properties values;

  private Thresholds(Properties values) {
    this.values = values;
  }

  /** The defaults, with {@code file} (any Hadoop filesystem) over them when given. */
  static Thresholds load(Path file, Configuration conf) throws IOException, UsageException {
    Properties values = new Properties();
    try (InputStream in = Thresholds.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
      if (in == null) {
        throw new IOException("missing resource " + DEFAULTS_RESOURCE + " next to " + Thresholds.class.getName());
      }
      values.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    if (file != null) {
      try (Reader in = new InputStreamReader(file.getFileSystem(conf).open(file), StandardCharsets.UTF_8)) {
        values.load(in);
      }
    }
    Thresholds thresholds = new Thresholds(values);
    thresholds.validate(file);
    return thresholds;
  }

  private void validate(Path file) throws UsageException {
    for (String key : values.stringPropertyNames()) {
        if (key.equals(REQUIRED_PARTITIONS)) {
        continue;
      }
      if (!key.equals(QUARANTINE_RATE_MAX) && !key.startsWith(QUARANTINE_RATE_MAX + ".")
          && !key.equals(DUPLICATE_RATE_MAX) && !key.equals(ORPHAN_PURCHASES_MAX)
          && !key.equals(INCOMPLETE_PARTITIONS_MAX) && !isNullRateKey(key)) {
        throw new UsageException("unknown threshold '" + key + "' in " + file);
      }
      BigDecimal value = decimal(key);
      if (value.signum() < 0) {
        throw new UsageException("threshold " + key + " must not be negative: " + value);
      }
    }
  }

  private static boolean isNullRateKey(String key) {
    return key.startsWith(NULL_RATE_MAX_PREFIX) && key.indexOf('/') > 0
        && key.indexOf('.', key.indexOf('/')) > 0;
  }

  private BigDecimal decimal(String key) throws UsageException {
    String text = values.getProperty(key).trim();
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw new UsageException("threshold " + key + " must be a number: '" + text + "'");
    }
  }

  private BigDecimal get(String key) {
    return new BigDecimal(values.getProperty(key).trim());
  }

  BigDecimal quarantineRateMax(String dataset) {
    String specific = QUARANTINE_RATE_MAX + "." + dataset;
    return get(values.containsKey(specific) ? specific : QUARANTINE_RATE_MAX);
  }

  BigDecimal duplicateRateMax() {
    return get(DUPLICATE_RATE_MAX);
  }

  long orphanPurchasesMax() {
    return get(ORPHAN_PURCHASES_MAX).longValue();
  }

  long incompletePartitionsMax() {
    return get(INCOMPLETE_PARTITIONS_MAX).longValue();
  }

  List<String> requiredPartitions() {
    List<String> labels = new ArrayList<>();
    for (String label : values.getProperty(REQUIRED_PARTITIONS, "").split(",")) {
      if (!label.isBlank()) {
        labels.add(label.trim());
      }
    }
    return labels;
  }

  /** Column limits by (dataset label, column), e.g. (curated/events, event_id) -> 0. */
  Map<DatasetColumn, BigDecimal> nullRateMax() {
    Map<DatasetColumn, BigDecimal> limits = new LinkedHashMap<>();
    for (String key : new TreeSet<>(values.stringPropertyNames())) {
      if (isNullRateKey(key)) {
        String rest = key.substring(NULL_RATE_MAX_PREFIX.length());
        int dot = rest.indexOf('.', rest.indexOf('/'));
        limits.put(new DatasetColumn(rest.substring(0, dot), rest.substring(dot + 1)), get(key));
      }
    }
    return limits;
  }

  /** Every threshold in force, sorted by key, for the report. */
  Map<String, String> asMap() {
    Map<String, String> map = new TreeMap<>();
    values.stringPropertyNames().forEach(key -> map.put(key, values.getProperty(key).trim()));
    return map;
  }

  /** A column of a dataset. */
  record DatasetColumn(String dataset, String column) {
  }
}
