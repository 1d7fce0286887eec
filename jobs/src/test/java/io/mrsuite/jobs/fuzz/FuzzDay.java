package io.mrsuite.jobs.fuzz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One day of raw data in a fresh warehouse: every raw dataset's partition, each file with one corruption.
 * Every (dataset, corruption) pair the settings allow comes first, so that each day covers them all; the
 * rest are drawn at random, three in four of them event files, which cost no map task each.
 */
final class FuzzDay {
  static final LocalDate DAY = LocalDate.of(2026, 11, 20);
  /** One in this many randomly drawn files is a huge record: each one is a megabyte or two to write and read. */
  private static final int HUGE_ONE_IN = 4;

  private final FuzzSettings settings;
  private final SplittableRandom random;
  private final int files;

  FuzzDay(FuzzSettings settings, long daySeed, int files) {
    this.settings = settings;
    this.random = new SplittableRandom(daySeed);
    this.files = files;
  }

  /** Writes the day's raw files under {@code root}; returns what each holds. */
  List<RawFile> writeUnder(Path root) throws IOException {
    Keys keys = new Keys();
    CsvRows rows = new CsvRows(random.split(), keys, DAY);
    FileMaker maker = new FileMaker(random.split(), DAY, new EventContent(random.split(),
        new EventLines(random.split(), keys, DAY)), new CsvContent(random.split(), rows,
        new OrderBook(random.split(), keys, rows), keys));
    List<Planned> plan = plan();
    List<RawFile> written = new ArrayList<>();
    for (int i = 0; i < plan.size(); i++) {
      Planned file = plan.get(i);
      written.add(maker.make(i, file.dataset(), file.corruption(), codec(file)));
    }
    for (RawFile file : written) {
      Path path = root.resolve(file.relativePath());
      Files.createDirectories(path.getParent());
      Files.write(path, file.bytes());
    }
    for (RawDataset dataset : RawDataset.values()) {
      Files.createDirectories(root.resolve("raw/" + dataset.dir() + "/dt=" + DAY));
      Files.writeString(root.resolve("raw/" + dataset.dir() + "/dt=" + DAY + "/_SUCCESS"), "");
    }
    return written;
  }

  /** A file to make. */
  private record Planned(RawDataset dataset, Corruption corruption) {
  }

  /**
   * The day's files in dataset order (orders before the lines that refer to them): every allowed pair once,
   * then random ones, up to the file count.
   */
  private List<Planned> plan() {
    List<Planned> coverage = new ArrayList<>();
    for (RawDataset dataset : RawDataset.values()) {
      for (Corruption corruption : Corruption.values()) {
        if (settings.allows(dataset, corruption)) {
          coverage.add(new Planned(dataset, corruption));
        }
      }
    }
    shuffle(coverage);
    // The clean file of each dataset first, so that a small count still runs every job.
    coverage.sort(Comparator.comparing(planned -> planned.corruption() != Corruption.NONE));
    List<Planned> planned = new ArrayList<>(coverage.subList(0, Math.min(files, coverage.size())));
    while (planned.size() < files) {
      planned.add(randomFile());
    }
    planned.sort(Comparator.comparing(Planned::dataset));
    return planned;
  }

  /** One of the codecs the settings allow for the file, plain text twice as often as each codec. */
  private Compression codec(Planned file) {
    List<Compression> codecs = new ArrayList<>(settings.codecs(file.dataset(), file.corruption()));
    if (codecs.contains(Compression.NONE)) {
      codecs.add(Compression.NONE);
    }
    return codecs.get(random.nextInt(codecs.size()));
  }

  private Planned randomFile() {
    while (true) {
      RawDataset dataset = random.nextInt(4) != 0 ? RawDataset.EVENTS : RawDataset.values()[1 + random.nextInt(4)];
      Corruption corruption = Corruption.values()[random.nextInt(Corruption.values().length)];
      if (corruption == Corruption.HUGE_RECORD && random.nextInt(HUGE_ONE_IN) != 0) {
        continue;
      }
      if (settings.allows(dataset, corruption)) {
        return new Planned(dataset, corruption);
      }
    }
  }

  private void shuffle(List<Planned> list) {
    for (int i = list.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      list.set(j, list.set(i, list.get(j)));
    }
  }
}
