package io.mrsuite.jobs.gendata;

import java.time.LocalDate;

/**
 * What one gen-data run makes. The bytes of every file are a function of this plan alone; a shard's files
 * depend only on the seed, its date, its index and the per-day sizes, so one day generated alone is
 * byte-identical to the same day generated among others.
 *
 * @param eventsPerDay event records per day: non-empty lines of raw/events/dt=D, bad ones and retries
 *     included; empty lines come on top
 * @param shards shards per day, each one map task writing its own files
 * @param badRate share of bad records in every raw dataset that has them
 * @param recordTooLarge whether each shard also writes one event line over 1 MiB
 */
public record GenDataPlan(LocalDate startDate, int days, int eventsPerDay, int shards, long seed, double badRate,
    boolean recordTooLarge) {
  /** Events per shard when the command line names no shard count. */
  public static final int EVENTS_PER_SHARD = 50_000;

  public static int defaultShards(int eventsPerDay) {
    return (int) ((eventsPerDay + (long) EVENTS_PER_SHARD - 1) / EVENTS_PER_SHARD);
  }

  public LocalDate date(int dayIndex) {
    return startDate.plusDays(dayIndex);
  }

  public LocalDate endDate() {
    return date(days - 1);
  }

  /** The day's events split as evenly as possible: the first {@code eventsPerDay % shards} shards get one more. */
  public long eventsInShard(int shard) {
    return eventsPerDay / shards + (shard < eventsPerDay % shards ? 1 : 0);
  }
}
