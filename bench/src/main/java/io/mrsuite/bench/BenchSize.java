package io.mrsuite.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The raw size of one generated day, as gen-data writes it (about 330 bytes an event, CSV included): the
 * sizes issue #18 measures. The bench generates two days, because the marts of X read arrivals X and X + 1.
 */
public enum BenchSize {
  MB256("256m", 840_000),
  GB1("1g", 3_400_000),
  GB4("4g", 13_600_000);

  private final String label;
  private final int eventsPerDay;

  BenchSize(String label, int eventsPerDay) {
    this.label = label;
    this.eventsPerDay = eventsPerDay;
  }

  public String label() {
    return label;
  }

  public int eventsPerDay() {
    return eventsPerDay;
  }

  public static BenchSize parse(String text) {
    String wanted = text.toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(size -> size.label.equals(wanted)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("--size " + text + ": one of " + Arrays.stream(values())
            .map(BenchSize::label).collect(Collectors.joining(", "))));
  }
}
