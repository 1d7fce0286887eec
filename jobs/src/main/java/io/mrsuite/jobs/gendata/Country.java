package io.mrsuite.jobs.gendata;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Where visitors come from, with their currency, local offsets and tax rate.
 *
 * <p>The offsets are those their clients write times in, for late November: no daylight saving in Europe,
 * EST/CST/MST/PST in North America, AEDT/AEST in Australia. The tax rate applies to their orders.
 */
record Country(String code, int weight, CurrencyCode currency, int taxBasisPoints, int... offsetMinutes) {

  static final List<Country> ALL = List.of(
      new Country("US", 28, CurrencyCode.USD, 725, -300, -360, -420, -480),
      new Country("DE", 12, CurrencyCode.EUR, 1900, 60),
      new Country("GB", 10, CurrencyCode.GBP, 2000, 0),
      new Country("FR", 8, CurrencyCode.EUR, 2000, 60),
      new Country("JP", 7, CurrencyCode.JPY, 1000, 540),
      new Country("NL", 4, CurrencyCode.EUR, 2100, 60),
      new Country("ES", 4, CurrencyCode.EUR, 2100, 60),
      new Country("IT", 4, CurrencyCode.EUR, 2200, 60),
      new Country("CA", 4, CurrencyCode.USD, 500, -300, -480),
      new Country("AT", 2, CurrencyCode.EUR, 2000, 60),
      new Country("IN", 3, CurrencyCode.USD, 0, 330),
      new Country("AU", 3, CurrencyCode.USD, 1000, 660, 600),
      new Country("BR", 2, CurrencyCode.USD, 0, -180));

  /** Share, in percent, of visitors whose country is unknown (the events carry a null country). */
  static final int UNKNOWN_WEIGHT = 9;

  private static final int TOTAL_WEIGHT = ALL.stream().mapToInt(Country::weight).sum() + UNKNOWN_WEIGHT;

  /** A country by weight, or null for an unknown one. */
  static Country sample(SplittableRandom random) {
    int pick = random.nextInt(TOTAL_WEIGHT);
    for (Country country : ALL) {
      pick -= country.weight;
      if (pick < 0) {
        return country;
      }
    }
    return null;
  }

  int sampleOffset(SplittableRandom random) {
    return offsetMinutes[random.nextInt(offsetMinutes.length)];
  }
}
