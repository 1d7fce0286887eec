package io.mrsuite.jobs.gendata;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/** Makes the visitors of a shard's sessions, and the day's bots. */
final class Visitors {
  /** Share of sessions by a signed-in user. */
  static final double SIGNED_IN = 0.30;
  static final int BOTS = 3;

  private final SplittableRandom random;
  private final int userPool;
  private final long seed;

  /**
   * @param userPool how many distinct users there are; signed-in sessions pick from them, so one user shows
   *     up on several devices and days
   */
  Visitors(SplittableRandom random, int userPool, long seed) {
    this.random = random;
    this.userPool = userPool;
    this.seed = seed;
  }

  Visitor next() {
    Country country = Country.sample(random);
    Client client = Client.sample(random);
    String userId = random.nextDouble() < SIGNED_IN ? userId(random.nextInt(userPool)) : null;
    int offset = country == null ? 0 : country.sampleOffset(random);
    boolean useZ = client == Client.SERVER || client == Client.IOS || random.nextBoolean();
    if (client == Client.SERVER) {
      offset = 0;
    }
    CurrencyCode currency = country == null ? CurrencyCode.USD : country.currency();
    String campaign = random.nextInt(100) < 12 ? pick(Vocabulary.CAMPAIGNS) : null;
    String experiments = client == Client.WEB && random.nextInt(100) < 10 ? "[\"reco_b\",\"checkout_v2\"]" : null;
    return new Visitor(anonymousId(client, random), userId, country, currency, client, offset,
        TimeText.offsetText(offset, useZ), userAgent(client), ip(random), campaign, experiments, false);
  }

  /** Bot {@code index} of the shop: the same crawler every day and in every shard (it derives from the seed only). */
  Visitor bot(int index) {
    SplittableRandom botRandom = Seeds.random(seed, Seeds.BOT, index, 0);
    return new Visitor(anonymousId(Client.WEB, botRandom), null, null, CurrencyCode.USD, Client.WEB, 0,
        TimeText.offsetText(0, true), Vocabulary.BOT_AGENTS.get(index % Vocabulary.BOT_AGENTS.size()),
        ip(botRandom), null, null, true);
  }

  static String userId(int index) {
    return new ByteLine(16).append('u').appendPadded(index, 7).toString();
  }

  private String userAgent(Client client) {
    switch (client) {
      case IOS:
        return pick(Vocabulary.IOS_AGENTS);
      case ANDROID:
        return pick(Vocabulary.ANDROID_AGENTS);
      default:
        return pick(Vocabulary.WEB_AGENTS);
    }
  }

  private String pick(List<String> values) {
    return values.get(random.nextInt(values.size()));
  }

  /** Web cookies are lower-case UUIDs, iOS vendor ids upper-case ones, Android ids 16 hex digits. */
  private static String anonymousId(Client client, SplittableRandom random) {
    long hi = random.nextLong();
    long lo = random.nextLong();
    if (client == Client.ANDROID) {
      return new ByteLine(16).appendHex(hi, 16).toString();
    }
    String uuid = Uuids.format(hi, lo);
    return client == Client.IOS ? uuid.toUpperCase(Locale.ROOT) : uuid;
  }

  private static String ip(SplittableRandom random) {
    ByteLine out = new ByteLine(48);
    if (random.nextInt(10) == 0) {
      out.appendText("2a02:8109:");
      for (int i = 0; i < 3; i++) {
        out.appendHex(random.nextInt(0x10000), 4).append(':');
      }
      return out.appendHex(random.nextInt(0x10000), 4).toString();
    }
    out.appendLong(1 + random.nextInt(223)).append('.').appendLong(random.nextInt(256)).append('.')
        .appendLong(random.nextInt(256)).append('.').appendLong(1 + random.nextInt(254));
    return out.toString();
  }
}
