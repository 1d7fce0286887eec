package io.mrsuite.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.stream.Stream;

/** Where the build put what the integration tests use (failsafe system properties, see it/pom.xml). */
final class TestData {
  private TestData() {
  }

  static Path root() {
    return property("mrsuite.test-data");
  }

  static Path warehouse() {
    return root().resolve("warehouse");
  }

  static Path expected(String name) {
    return root().resolve("expected").resolve(name);
  }

  /** The project's oozie/ directory, as mrsuite-deploy deploys it. */
  static Path oozie() {
    return property("mrsuite.oozie");
  }

  static Path jobJar() {
    return property("mrsuite.job-jar");
  }

  static Path log4jProperties() {
    return property("mrsuite.log4j");
  }

  /** The classpath `hadoop jar` would give on a cluster of that line: "3.4" or "3.5". */
  static String hadoopClasspath(String line) throws IOException {
    return Files.readString(property("mrsuite.classpath.hadoop-" + line)).trim();
  }

  /** Copies the sample warehouse to {@code target}, so runs never write into test-data. */
  static void copyWarehouse(Path target) throws IOException {
    Path source = warehouse();
    try (Stream<Path> paths = Files.walk(source)) {
      for (Path path : (Iterable<Path>) paths::iterator) {
        Path copy = target.resolve(source.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(copy);
        } else {
          Files.copy(path, copy);
        }
      }
    }
  }

  private static Path property(String name) {
    String value = System.getProperty(name);
    if (value == null) {
      throw new IllegalStateException("system property " + name + " is not set: run through Maven (failsafe)");
    }
    return Paths.get(value).toAbsolutePath().normalize();
  }
}
