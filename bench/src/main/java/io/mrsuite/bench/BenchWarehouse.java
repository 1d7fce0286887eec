package io.mrsuite.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

/**
 * A generated two-day raw warehouse of one {@link BenchSize}, generated once and kept: generating 1 GB a day
 * takes minutes, and every bench run of that size reads the same bytes.
 *
 * <p>The raw zone is kept between runs; what the jobs write (curated, quarantine, marts, and any leftover of a
 * killed run) is removed before each bench run, so each starts from the same state.
 */
public final class BenchWarehouse {
  /** gen-data's seed: the same seed gives byte-identical files. */
  static final long SEED = 1;
  /** The first generated day, X; the second is X + 1, the arrival day the marts of X also read. */
  static final LocalDate FIRST_DAY = LocalDate.of(2026, 11, 20);
  private static final String MARKER = "generated.txt";

  private final Path root;
  private final BenchSize size;

  public BenchWarehouse(Path workDir, BenchSize size) {
    this.root = workDir.resolve(size.label()).resolve("warehouse");
    this.size = size;
  }

  public Path root() {
    return root;
  }

  public LocalDate day() {
    return FIRST_DAY;
  }

  /** The gen-data arguments this warehouse is generated with. */
  public List<String> genDataArgs() {
    return List.of("--root", root.toString(), "--days", "2", "--events-per-day",
        Integer.toString(size.eventsPerDay()), "--seed", Long.toString(SEED), "--start-date", FIRST_DAY.toString());
  }

  /** True when the raw zone was generated, to its end, with {@link #genDataArgs}. */
  public boolean generated() throws IOException {
    Path marker = root.resolve(MARKER);
    return Files.exists(marker) && Files.readString(marker, StandardCharsets.UTF_8).equals(markerText());
  }

  /** Records that the raw zone is complete; written only after gen-data succeeded. */
  public void markGenerated() throws IOException {
    Files.writeString(root.resolve(MARKER), markerText(), StandardCharsets.UTF_8);
  }

  /** Removes everything under the root, for a fresh generation. */
  public void clear() throws IOException {
    Trees.delete(root);
  }

  /** Removes everything the jobs wrote, keeping the raw zone and the marker. */
  public void clearOutputs() throws IOException {
    if (!Files.isDirectory(root)) {
      return;
    }
    try (Stream<Path> children = Files.list(root)) {
      for (Path child : children.toList()) {
        String name = child.getFileName().toString();
        if (!name.equals("raw") && !name.equals(MARKER)) {
          Trees.delete(child);
        }
      }
    }
  }

  /** Bytes of raw files (not their checksums) under raw/, for the table's MB/s of the whole day. */
  public long rawBytes(LocalDate day) throws IOException {
    long total = 0;
    try (Stream<Path> datasets = Files.list(root.resolve("raw"))) {
      for (Path dataset : datasets.toList()) {
        Path partition = dataset.resolve("dt=" + day);
        if (!Files.isDirectory(partition)) {
          continue;
        }
        try (Stream<Path> files = Files.walk(partition)) {
          total += files.filter(Files::isRegularFile)
              .filter(file -> !file.getFileName().toString().startsWith(".")
                  && !file.getFileName().toString().startsWith("_"))
              .mapToLong(BenchWarehouse::sizeOf).sum();
        }
      }
    }
    return total;
  }

  private String markerText() {
    return "gen-data " + String.join(" ", genDataArgs()) + "\n";
  }

  private static long sizeOf(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new IllegalStateException("could not read the size of " + file, e);
    }
  }
}
