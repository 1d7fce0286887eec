package io.mrsuite.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Deletes the bench's own scratch trees: generated warehouses' outputs and the peers' working copies. */
public final class Trees {
  private Trees() {
  }

  /** Deletes {@code top} and everything under it; nothing when it does not exist. */
  public static void delete(Path top) throws IOException {
    if (!Files.exists(top)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(top)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
