package io.mrsuite.jobs;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The jobs {@link MrSuiteDriver} runs, by name, with the class each runs: the tests check workflows against
 * the very list the jar's entry point uses.
 */
public final class DriverJobs {
  private DriverJobs() {
  }

  public static Map<String, Class<?>> mainClasses() {
    Map<String, Class<?>> classes = new LinkedHashMap<>();
    MrSuiteDriver.jobs().forEach((name, job) -> classes.put(name, job.mainClass()));
    return classes;
  }
}
