package io.mrsuite.jobs.retention;

import io.mrsuite.jobs.run.JobFailedException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How many days of partitions each dataset keeps, from a properties file:
 * {@code raw/events = 30}, {@code quarantine/* = 90}, {@code marts/* = forever}.
 *
 * <p>A key is {@code zone/dataset} or {@code zone/*}; the exact key wins. A dataset no key names is kept forever.
 * Keeping N days means keeping the partitions {@code dt} with {@code as-of - N < dt}: with N = 30 and as-of
 * 2026-12-31, dt=2026-12-02 is kept and dt=2026-12-01 goes. A key that names no dataset of the warehouse, or a
 * value that is neither a positive number of days nor {@value #FOREVER}, is refused: a typo must not keep or
 * delete the wrong data silently.
 */
public final class RetentionPolicy {
  /** The value that keeps a dataset's partitions forever. */
  public static final String FOREVER = "forever";
  private static final String ANY = "*";

  private final Map<RetainedDataset, OptionalInt> days;

  private RetentionPolicy(Map<RetainedDataset, OptionalInt> days) {
    this.days = days;
  }

  /** Reads a policy; {@code source} names it in errors. */
  public static RetentionPolicy read(InputStream in, String source) throws IOException {
    Properties properties = new Properties();
    properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    List<RetainedDataset> datasets = RetainedDataset.all();
    Set<String> zones = datasets.stream().map(RetainedDataset::zone).collect(Collectors.toSet());
    Map<String, OptionalInt> exact = new LinkedHashMap<>();
    Map<String, OptionalInt> byZone = new LinkedHashMap<>();
    for (String key : properties.stringPropertyNames()) {
      OptionalInt value = days(properties.getProperty(key).trim(), key, source);
      int slash = key.indexOf('/');
      String zone = slash < 0 ? key : key.substring(0, slash);
      String name = slash < 0 ? "" : key.substring(slash + 1);
      if (name.equals(ANY) && zones.contains(zone)) {
        byZone.put(zone, value);
      } else if (datasets.contains(new RetainedDataset(zone, name))) {
        exact.put(key, value);
      } else {
        throw new JobFailedException("retention policy " + source + ": '" + key + "' names no dataset of the"
            + " warehouse; the keys are zone/dataset or zone/* of " + datasets.stream().map(RetainedDataset::label)
            .collect(Collectors.joining(", ")));
      }
    }
    Map<RetainedDataset, OptionalInt> days = new LinkedHashMap<>();
    for (RetainedDataset dataset : datasets) {
      OptionalInt keep = exact.getOrDefault(dataset.label(), byZone.getOrDefault(dataset.zone(), OptionalInt.empty()));
      days.put(dataset, keep);
    }
    return new RetentionPolicy(days);
  }

  private static OptionalInt days(String value, String key, String source) throws JobFailedException {
    if (value.equals(FOREVER)) {
      return OptionalInt.empty();
    }
    try {
      int days = Integer.parseInt(value);
      if (days >= 1) {
        return OptionalInt.of(days);
      }
    } catch (NumberFormatException e) {
      // Refused below, with the key.
    }
    throw new JobFailedException("retention policy " + source + ": " + key + " = '" + value + "': a number of days"
        + " (1 or more) or " + FOREVER);
  }

  /** Days the dataset keeps; empty for forever. */
  public OptionalInt days(RetainedDataset dataset) {
    return days.getOrDefault(dataset, OptionalInt.empty());
  }

  /** Every dataset folder with its days, in the warehouse's order. */
  public Map<RetainedDataset, OptionalInt> all() {
    return days;
  }

  /** Whether the dataset keeps its partition of {@code date} on {@code asOf}. */
  public boolean keeps(RetainedDataset dataset, LocalDate date, LocalDate asOf) {
    OptionalInt keep = days(dataset);
    return keep.isEmpty() || date.isAfter(asOf.minusDays(keep.getAsInt()));
  }

  /** A description of the dataset's rule, e.g. {@code 30 days} or {@code forever}. */
  public String describe(RetainedDataset dataset) {
    OptionalInt keep = days(dataset);
    return keep.isEmpty() ? FOREVER : keep.getAsInt() + " days";
  }
}
