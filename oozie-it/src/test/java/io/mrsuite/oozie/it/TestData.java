package io.mrsuite.oozie.it;

import java.nio.file.Path;
import java.nio.file.Paths;

/** Where the build put what the tests use (failsafe system properties, see oozie-it/pom.xml). */
final class TestData {
  private TestData() {
  }

  static Path warehouse() {
    return property("mrsuite.test-data").resolve("warehouse");
  }

  static Path expected(String name) {
    return property("mrsuite.test-data").resolve("expected").resolve(name);
  }

  /** The dq thresholds under which the sample's 2026-11-20 passes the marts gate. */
  static Path dqThresholds() {
    return property("mrsuite.test-data").resolve("dq-thresholds.properties");
  }

  /** The shaded job jar, as deployment puts it in an app's lib/. */
  static Path jobJar() {
    return property("mrsuite.job-jar");
  }

  private static Path property(String name) {
    String value = System.getProperty(name);
    if (value == null) {
      throw new IllegalStateException("system property " + name + " is not set: run through Maven (failsafe)");
    }
    return Paths.get(value).toAbsolutePath().normalize();
  }
}
