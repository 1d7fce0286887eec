package io.mrsuite.jobs.fuzz;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How much to fuzz and from which seed, read from system properties so that a Maven profile or a developer
 * can change both without touching the test.
 *
 * <ul>
 *   <li>{@value #FILES}: raw files to write, {@value #DEFAULT_FILES} by default (the 10,000-file run is the
 *       {@code fuzz} profile of jobs/pom.xml).</li>
 *   <li>{@value #SEED}: a number, or {@code random} for a new one each run; {@value #DEFAULT_SEED} by
 *       default, so that {@code verify} is repeatable.</li>
 *   <li>{@value #EXCLUDE}: comma-separated {@link Target}s to leave out, e.g. {@code csv:COMPRESSED_CUT},
 *       {@code COMPRESSED_FLIP:bzip2} (both formats) or {@code jsonl:NUL_BYTES}, to narrow a failure down.</li>
 * </ul>
 */
record FuzzSettings(long seed, int files, Set<FuzzSettings.Target> excluded) {
  static final String FILES = "mrsuite.fuzz.files";
  static final String SEED = "mrsuite.fuzz.seed";
  static final String EXCLUDE = "mrsuite.fuzz.exclude";
  static final int DEFAULT_FILES = 200;
  static final long DEFAULT_SEED = 20261120L;

  /**
   * Corruptions left out of every run because they find a bug that is not fixed yet, each with the bug it
   * finds. Remove an entry with its fix.
   */
  static final Set<Target> EXCLUDED_UNTIL_FIXED = Set.of();

  /**
   * A corruption planted in one raw format (JSON Lines or CSV), in files of one codec (their name's, or for
   * {@link Corruption#COMPRESSED_UNNAMED} their bytes') or of any when {@code codec} is null.
   */
  record Target(boolean csv, Corruption corruption, Compression codec) {
    /** Parses {@code [csv:|jsonl:]KIND[:none|gzip|bzip2]}, comma-separated; no format means both. */
    static Set<Target> parse(String names) {
      Set<Target> targets = new LinkedHashSet<>();
      for (String name : names.split(",")) {
        List<String> parts = new ArrayList<>(List.of(name.trim().split(":")));
        if (parts.get(0).isEmpty()) {
          continue;
        }
        String format = parts.get(0).equalsIgnoreCase("csv") || parts.get(0).equalsIgnoreCase("jsonl")
            ? parts.remove(0).toLowerCase(Locale.ROOT) : "";
        Corruption corruption = Corruption.valueOf(parts.get(0).toUpperCase(Locale.ROOT));
        Compression codec = parts.size() > 1 ? Compression.valueOf(parts.get(1).toUpperCase(Locale.ROOT)) : null;
        if (!format.equals("csv")) {
          targets.add(new Target(false, corruption, codec));
        }
        if (!format.equals("jsonl")) {
          targets.add(new Target(true, corruption, codec));
        }
      }
      return targets;
    }

    @Override
    public String toString() {
      return (csv ? "csv:" : "jsonl:") + corruption
          + (codec == null ? "" : ":" + codec.name().toLowerCase(Locale.ROOT));
    }
  }

  static FuzzSettings fromSystemProperties() {
    String seedText = System.getProperty(SEED, String.valueOf(DEFAULT_SEED)).trim();
    long seed = seedText.equalsIgnoreCase("random") ? System.nanoTime() ^ System.currentTimeMillis()
        : Long.parseLong(seedText);
    int files = Integer.parseInt(System.getProperty(FILES, String.valueOf(DEFAULT_FILES)).trim());
    if (files < RawDataset.values().length) {
      throw new IllegalArgumentException(FILES + " must be at least " + RawDataset.values().length + ": " + files);
    }
    Set<Target> excluded = new LinkedHashSet<>(EXCLUDED_UNTIL_FIXED);
    excluded.addAll(Target.parse(System.getProperty(EXCLUDE, "")));
    return new FuzzSettings(seed, files, Set.copyOf(excluded));
  }

  boolean allows(RawDataset dataset, Corruption corruption) {
    return !codecs(dataset, corruption).isEmpty();
  }

  /** The codecs files of the dataset with the corruption may have; empty when it is excluded or does not apply. */
  List<Compression> codecs(RawDataset dataset, Corruption corruption) {
    if (!corruption.appliesTo(dataset) || excluded.contains(new Target(dataset.isCsv(), corruption, null))) {
      return List.of();
    }
    return corruption.codecs().stream()
        .filter(codec -> !excluded.contains(new Target(dataset.isCsv(), corruption, codec))).toList();
  }

  /** The line a run prints first and every failure repeats: enough to write the same files again. */
  String describe() {
    String line = "fuzz: " + files + " raw files, seed " + seed + " (-D" + SEED + "=" + seed + " -D" + FILES + "="
        + files + ")";
    if (!excluded.isEmpty()) {
      line += ", excluded " + excluded.stream().map(Target::toString).sorted().collect(Collectors.joining(","));
    }
    return line;
  }
}
