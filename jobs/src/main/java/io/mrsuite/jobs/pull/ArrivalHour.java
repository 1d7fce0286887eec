package io.mrsuite.jobs.pull;

import io.mrsuite.formats.partition.PartitionNames;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * An hour of arrival, UTC: where a pulled record lands, {@code raw/events/dt=D/hr=HH}. It is named by its start,
 * e.g. {@code 2026-11-20T13}.
 */
record ArrivalHour(LocalDateTime start) implements Comparable<ArrivalHour> {
  private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH");

  static ArrivalHour of(long epochMillis) {
    return new ArrivalHour(LocalDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC)
        .truncatedTo(ChronoUnit.HOURS));
  }

  static ArrivalHour parse(String name) {
    return new ArrivalHour(LocalDateTime.parse(name, NAME));
  }

  String name() {
    return NAME.format(start);
  }

  ArrivalHour next() {
    return new ArrivalHour(start.plusHours(1));
  }

  /** The first millisecond after the hour. */
  long endMillis() {
    return start.plusHours(1).toInstant(ZoneOffset.UTC).toEpochMilli();
  }

  /** {@code dt=D/hr=HH}, relative to the dataset folder. */
  String partition() {
    return PartitionNames.dateName(start.toLocalDate()) + "/" + PartitionNames.hourName(start.getHour());
  }

  @Override
  public int compareTo(ArrivalHour other) {
    return start.compareTo(other.start);
  }
}
