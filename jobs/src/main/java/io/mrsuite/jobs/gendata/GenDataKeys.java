package io.mrsuite.jobs.gendata;

import java.time.LocalDate;
import org.apache.hadoop.conf.Configuration;

/**
 * Configuration keys of gen-data, set by the driver from its options and read by the input format and the
 * mappers. Only these methods touch the key strings.
 */
public final class GenDataKeys {
  /** First date generated, YYYY-MM-DD. */
  public static final String START_DATE = "mrsuite.gen-data.start-date";
  public static final LocalDate DEFAULT_START_DATE = LocalDate.of(2026, 11, 20);
  /** Number of consecutive days generated. */
  public static final String DAYS = "mrsuite.gen-data.days";
  /** Event records per day (see {@link GenDataPlan#eventsPerDay()}). */
  public static final String EVENTS_PER_DAY = "mrsuite.gen-data.events-per-day";
  /** Shards per day: map tasks per day, each writing its own files. */
  public static final String SHARDS = "mrsuite.gen-data.shards";
  /** The seed every random choice derives from. */
  public static final String SEED = "mrsuite.gen-data.seed";
  /** Share of bad records in events, orders and order lines. */
  public static final String BAD_RATE = "mrsuite.gen-data.bad-rate";
  public static final double DEFAULT_BAD_RATE = 0.01;
  /** Whether each shard writes one event line over the 1 MiB record limit. */
  public static final String RECORD_TOO_LARGE = "mrsuite.gen-data.record-too-large";

  private GenDataKeys() {
  }

  public static void setPlan(Configuration conf, GenDataPlan plan) {
    conf.set(START_DATE, plan.startDate().toString());
    conf.setInt(DAYS, plan.days());
    conf.setInt(EVENTS_PER_DAY, plan.eventsPerDay());
    conf.setInt(SHARDS, plan.shards());
    conf.setLong(SEED, plan.seed());
    conf.setDouble(BAD_RATE, plan.badRate());
    conf.setBoolean(RECORD_TOO_LARGE, plan.recordTooLarge());
  }

  public static GenDataPlan plan(Configuration conf) {
    return new GenDataPlan(LocalDate.parse(required(conf, START_DATE)), Integer.parseInt(required(conf, DAYS)),
        Integer.parseInt(required(conf, EVENTS_PER_DAY)), Integer.parseInt(required(conf, SHARDS)),
        Long.parseLong(required(conf, SEED)), conf.getDouble(BAD_RATE, DEFAULT_BAD_RATE),
        conf.getBoolean(RECORD_TOO_LARGE, false));
  }

  private static String required(Configuration conf, String key) {
    String value = conf.get(key);
    if (value == null) {
      throw new IllegalStateException(key + " is not set");
    }
    return value;
  }
}
