package io.mrsuite.jobs.gendata;

import java.util.SplittableRandom;

/**
 * The tracking client that sent an event. Each writes its events its own way, as real SDKs do, which is
 * where the variety of the raw data comes from: time formats, prices as numbers or strings, which optional
 * fields are sent as null and which are left out.
 */
enum Client {
  /** Browser tag: ISO time in the visitor's offset with millis, prices as JSON numbers, explicit nulls. */
  WEB,
  /** iOS app: epoch milliseconds, prices as decimal strings, absent rather than null, a nested context. */
  IOS,
  /** Android app: ISO time with microseconds, prices with two decimals, a nested context. */
  ANDROID,
  /** Server-side tracking: ISO time in UTC ({@code Z}) without fraction. */
  SERVER;

  static Client sample(SplittableRandom random) {
    int pick = random.nextInt(100);
    return pick < 60 ? WEB : pick < 75 ? IOS : pick < 90 ? ANDROID : SERVER;
  }
}
