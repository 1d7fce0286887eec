package io.mrsuite.jobs.gendata;

/**
 * Makes the UUID-shaped event ids of one shard.
 *
 * <p>They are distinct within the shard by construction, since the low half is a bijection of the sequence
 * number. Across shards and days they are distinct with overwhelming probability, since both halves depend on
 * the shard's own key.
 */
final class EventIds {
  private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

  private final long key;
  private long sequence;

  EventIds(long shardKey) {
    this.key = shardKey;
  }

  String next() {
    long lo = Seeds.mix(key + GOLDEN_GAMMA * ++sequence);
    return Uuids.format(Seeds.mix(key ^ lo), lo);
  }
}
