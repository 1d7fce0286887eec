package io.mrsuite.jobs.cache;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;

/** The job configuration's record of the files it shipped through the distributed cache. Only these methods touch the key. */
public final class ShippedFiles {
  /**
   * Every file the job shipped through {@link CachedAvroFiles}, comma-separated, each as
   * {@code link:length:modificationTime} (milliseconds) of the file when the driver listed it. A task checks
   * the file it opens against it. Set by {@link CachedAvroFiles#ship}; never set it by hand.
   */
  public static final String SHIPPED_FILES = "mrsuite.cache.shipped-files";

  private ShippedFiles() {
  }

  static void add(Configuration conf, ShippedFile file) {
    List<String> entries = new ArrayList<>(Arrays.asList(conf.getTrimmedStrings(SHIPPED_FILES)));
    entries.add(file.entry());
    conf.setStrings(SHIPPED_FILES, entries.toArray(new String[0]));
  }

  /** What the job recorded of the file it linked as {@code link}; empty when it shipped no such file. */
  static Optional<ShippedFile> find(Configuration conf, String link) {
    return Arrays.stream(conf.getTrimmedStrings(SHIPPED_FILES)).map(ShippedFile::parse)
        .filter(file -> file.link().equals(link)).findFirst();
  }
}
