package io.mrsuite.jobs.gendata;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The shop's products, drawn from the seed alone, so every task of every day builds the same catalog.
 * Popularity follows a Zipf law over a seed-shuffled ranking: a few products get most views, as in real
 * shops, and the long tail still shows up in the marts.
 */
final class Catalog {
  static final int SIZE = 2_000;
  static final int BRANDS = 100;
  /** Zipf exponent of product popularity. */
  private static final double ZIPF_EXPONENT = 1.07;
  /** Share of products on a one-day deal, at a lower price, each day. */
  private static final double DAILY_DEAL_SHARE = 0.01;
  private static final int DEAL_PERCENT_OFF = 15;

  private final long seed;
  private final List<Product> products;
  /** Cumulative popularity by rank; {@link #byRank} maps a rank to a product index. */
  private final double[] cumulative = new double[SIZE];
  private final int[] byRank = new int[SIZE];

  Catalog(long seed) {
    this.seed = seed;
    SplittableRandom random = Seeds.random(seed, Seeds.CATALOG, 0, 0);
    List<String> brands = brands(random);
    List<Product> all = new ArrayList<>(SIZE);
    for (int i = 0; i < SIZE; i++) {
      all.add(product(i, brands, random));
    }
    products = List.copyOf(all);
    for (int i = 0; i < SIZE; i++) {
      byRank[i] = i;
    }
    shuffle(byRank, random);
    double sum = 0;
    for (int rank = 0; rank < SIZE; rank++) {
      sum += 1 / Math.pow(rank + 1, ZIPF_EXPONENT);
      cumulative[rank] = sum;
    }
    for (int rank = 0; rank < SIZE; rank++) {
      cumulative[rank] /= sum;
    }
  }

  private static List<String> brands(SplittableRandom random) {
    List<String> names = new ArrayList<>();
    for (String prefix : Vocabulary.BRAND_PREFIXES) {
      for (String suffix : Vocabulary.BRAND_SUFFIXES) {
        names.add(prefix + suffix);
      }
    }
    for (int i = names.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      names.set(j, names.set(i, names.get(j)));
    }
    List<String> brands = new ArrayList<>(names.subList(0, BRANDS - Vocabulary.ODD_BRANDS.size()));
    brands.addAll(Vocabulary.ODD_BRANDS);
    return brands;
  }

  private static Product product(int index, List<String> brands, SplittableRandom random) {
    int category = random.nextInt(Vocabulary.CATEGORIES.size());
    String brand = random.nextInt(100) < 2 ? null : brands.get(random.nextInt(brands.size()));
    List<String> nouns = Vocabulary.NOUNS.get(category);
    String title = (brand == null ? "" : brand + " ")
        + Vocabulary.ADJECTIVES.get(random.nextInt(Vocabulary.ADJECTIVES.size())) + " "
        + nouns.get(random.nextInt(nouns.size()))
        + Vocabulary.VARIANTS.get(random.nextInt(Vocabulary.VARIANTS.size()));
    // Log-normal list prices around 25 USD, from 1.99 to 2,999.99, ending in .99 as shops do.
    double dollars = Math.exp(3.2 + random.nextGaussian());
    long cents = Math.max(1, Math.min(2_999, (long) dollars)) * 100 + 99;
    boolean active = random.nextInt(100) >= 3;
    String id = new ByteLine(8).append('P').appendPadded(index + 1, 5).toString();
    String categoryName = random.nextInt(100) == 0 ? null : Vocabulary.CATEGORIES.get(category);
    return new Product(id, random.nextInt(200) == 0 ? "" : title, categoryName, brand, cents, active,
        Vocabulary.SHOP + "/p/" + id);
  }

  private static void shuffle(int[] values, SplittableRandom random) {
    for (int i = values.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = values[i];
      values[i] = values[j];
      values[j] = t;
    }
  }

  int size() {
    return SIZE;
  }

  Product product(int index) {
    return products.get(index);
  }

  /** A product index drawn by popularity. */
  int sample(SplittableRandom random) {
    int rank = Arrays.binarySearch(cumulative, random.nextDouble());
    return byRank[rank >= 0 ? rank : Math.min(SIZE - 1, -rank - 1)];
  }

  /** The list price on a day: the base price, or 15% off while the product is a deal of that day. */
  long priceCents(int index, long epochDay) {
    long base = products.get(index).basePriceCents();
    if (Seeds.unit(Seeds.of(seed, Seeds.PRICE_CHANGE, epochDay, index)) < DAILY_DEAL_SHARE) {
      return base * (100 - DEAL_PERCENT_OFF) / 100;
    }
    return base;
  }
}
