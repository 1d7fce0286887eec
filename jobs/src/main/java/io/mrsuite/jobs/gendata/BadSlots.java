package io.mrsuite.jobs.gendata;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Decides which records of a file set come out bad, and how. The count is exact rather than a coin flip per
 * record, so the bad share of a small shard is the requested rate and not a binomial draw around it: the
 * slots are cut into as many equal strata as there are bad records, and each stratum gets one bad record
 * at a random place. Kinds take turns from a random starting point, so each kind gets an even share.
 *
 * <p>A rate above zero plants at least one record of every kind, so that even a tiny sample exercises
 * every quarantine reason; from a few hundred records per kind on, the minimum no longer matters.
 *
 * @param <K> the kind of bad record
 */
final class BadSlots<K> {
  private final List<K> rotation;
  private final K first;
  private final long slots;
  private final long planned;
  private final int offset;
  private final SplittableRandom random;
  private long slot;
  private long index;
  private long nextBad;

  /**
   * @param slots how many records there will be
   * @param rate the share of them to make bad
   * @param rotation the kinds to plant in turn
   * @param first a kind to plant exactly once, as the first bad record, or null
   */
  BadSlots(long slots, double rate, List<K> rotation, K first, SplittableRandom random) {
    this.rotation = rotation;
    this.first = first;
    this.slots = slots;
    this.random = random;
    int minimum = rotation.size() + (first == null ? 0 : 1);
    this.planned = rate <= 0 || slots == 0 ? 0 : Math.min(slots, Math.max(minimum, Math.round(slots * rate)));
    this.offset = random.nextInt(rotation.size());
    this.nextBad = position(0);
  }

  /** How many of the slots will be bad. */
  long planned() {
    return planned;
  }

  /** The kind of the next slot, or null when it is a good record. */
  K next() {
    if (slot++ != nextBad) {
      return null;
    }
    K kind;
    if (first != null && index == 0) {
      kind = first;
    } else {
      kind = rotation.get((int) ((offset + index) % rotation.size()));
    }
    nextBad = position(++index);
    return kind;
  }

  private long position(long stratum) {
    if (stratum >= planned) {
      return -1;
    }
    long start = stratum * slots / planned;
    long end = (stratum + 1) * slots / planned;
    return start + random.nextLong(end - start);
  }
}
