package io.mrsuite.jobs.pipeline;

import java.time.Duration;
import java.util.Locale;

/** A run's time as a person reads it: {@code 4.2 s}, {@code 3 min 07 s}. */
final class Durations {
  private Durations() {
  }

  static String text(Duration took) {
    long millis = took.toMillis();
    if (millis < 60_000) {
      return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
    long seconds = Math.round(millis / 1000.0);
    return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
  }
}
