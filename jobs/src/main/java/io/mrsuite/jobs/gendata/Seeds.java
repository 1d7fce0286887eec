package io.mrsuite.jobs.gendata;

import java.util.SplittableRandom;

/**
 * Derives every random stream of gen-data from the user's seed and what is being generated.
 *
 * <p>What is being generated is named by a purpose, a day and a shard, never by time, task ids or the order
 * tasks run in. So the bytes of a shard depend on (seed, day, shard) alone.
 */
final class Seeds {
  /** Purposes, so that streams for different things never coincide. */
  static final long CATALOG = 1;
  static final long SHARD = 2;
  static final long FX = 3;
  static final long PRICE_CHANGE = 4;
  static final long BOT = 5;

  private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

  private Seeds() {
  }

  /** The SplitMix64 finalizer: a bijection on 64-bit values that spreads every input bit over the output. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  static long of(long seed, long purpose, long a, long b) {
    long h = mix(seed + GOLDEN_GAMMA);
    h = mix(h ^ mix(purpose + GOLDEN_GAMMA));
    h = mix(h ^ mix(a + 2 * GOLDEN_GAMMA));
    return mix(h ^ mix(b + 3 * GOLDEN_GAMMA));
  }

  static SplittableRandom random(long seed, long purpose, long a, long b) {
    return new SplittableRandom(of(seed, purpose, a, b));
  }

  /** A uniform double in [0, 1) from a hash, for decisions that need no stream. */
  static double unit(long hash) {
    return (hash >>> 11) * 0x1.0p-53;
  }
}
