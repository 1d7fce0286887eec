package io.mrsuite.jobs.pull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Which hours a pull closes: in order from the first one not closed, each hour whose end every partition's
 * position has passed (the last record read from it is of a later time), or, for partitions that are idle or
 * behind, whose end is {@code lateness} ago. Closing stops at the first hour that is neither, so the closed hours
 * are always a prefix: an ingest coordinator waiting on an hour's {@code _SUCCESS} then has all of it.
 */
final class HourClosing {
  private HourClosing() {
  }

  static List<ArrivalHour> closable(PullState state, Collection<Integer> partitions, long nowMillis,
      Duration lateness) {
    List<ArrivalHour> hours = new ArrayList<>();
    ArrivalHour hour = state.closedThrough().map(ArrivalHour::next).orElse(state.firstHour().orElse(null));
    for (; hour != null && hour.endMillis() <= nowMillis; hour = hour.next()) {
      long end = hour.endMillis();
      boolean passed = partitions.stream().allMatch(p -> state.positions().getOrDefault(p, Long.MIN_VALUE) >= end);
      if (!passed && nowMillis < end + lateness.toMillis()) {
        break;
      }
      hours.add(hour);
    }
    return hours;
  }
}
