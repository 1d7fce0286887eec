package io.mrsuite.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a main class in a child JVM under {@link MeasuredMain}, its output to a log file, and reads back what it
 * cost. A job runs as {@code hadoop jar} (and bin/mrsuite) runs it: {@code RunJar} on hadoop-client's classpath.
 */
public final class ChildJvm {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<String> jvmOptions;
  private final String classpath;
  private final Path logDir;

  /**
   * @param jvmOptions options for every child, e.g. the log4j configuration and {@code -Xmx}
   * @param classpath hadoop-client's classpath plus the bench's own classes
   * @param logDir where each run's log and metrics go
   */
  public ChildJvm(List<String> jvmOptions, String classpath, Path logDir) {
    this.jvmOptions = List.copyOf(jvmOptions);
    this.classpath = classpath;
    this.logDir = logDir;
  }

  /** Runs {@code mainClass args} and measures it; {@code name} names its log file. */
  public Measurement run(String name, String mainClass, List<String> args) throws IOException, InterruptedException {
    Files.createDirectories(logDir);
    Path log = logOf(name);
    Path metrics = logDir.resolve(fileName(name) + ".metrics.json");
    Files.deleteIfExists(metrics);
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", classpath, MeasuredMain.class.getName(), metrics.toString(), mainClass));
    command.addAll(args);
    long started = System.nanoTime();
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    int exit = process.waitFor();
    double wall = (System.nanoTime() - started) / 1e9;
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    if (!Files.exists(metrics)) {
      throw new IOException(name + " wrote no metrics (exit " + exit + "); see " + log);
    }
    JsonNode cost = JSON.readTree(metrics.toFile());
    return new Measurement(name, exit, wall, cost.get("cpu_s").asDouble(), cost.get("peak_heap_bytes").asLong(),
        cost.get("gc_s").asDouble(), LoggedCounters.parse(lines));
  }

  /** The path of a run's log, for messages. */
  public Path logOf(String name) {
    return logDir.resolve(fileName(name) + ".log");
  }

  private static String fileName(String name) {
    return name.replaceAll("[^A-Za-z0-9._-]+", "_");
  }

  /** Joins classpath entries. */
  public static String classpath(List<String> entries) {
    return String.join(File.pathSeparator, entries);
  }
}
