package io.mrsuite.jobs.pipeline;

import io.mrsuite.jobs.run.OozieAction;
import io.mrsuite.jobs.tool.MrSuiteTool;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.util.ToolRunner;

/**
 * Runs a java action of the job jar's driver in this JVM, under the contract an Oozie launcher gives it.
 *
 * <p>The action configuration is an XML file the job loads, and the capture-output file is one the job
 * writes. Both are handed over with {@link MrSuiteTool#setOozieAction}, since system properties cannot tell
 * side-by-side actions apart. The job gets a fresh copy of the pipeline's configuration, so {@code -D}
 * options given to the pipeline reach every job and stay above the action configuration, as on a cluster.
 */
final class InProcessActions implements JavaActions {
  /** Oozie's limit on captured output, in characters, and its default: an action above it fails there. */
  static final String MAX_OUTPUT_DATA = "oozie.action.max.output.data";
  static final int DEFAULT_MAX_OUTPUT_DATA = 2048;

  private final Configuration base;
  private final Path scratch;
  private final String driverClass;
  private final JobTools jobs;
  private final AtomicInteger runs = new AtomicInteger();

  /**
   * @param scratch a local directory for the action configuration and output files
   * @param driverClass the main class of the actions run here: the job jar's driver
   * @param jobs the tools of the driver's jobs, by name
   */
  InProcessActions(Configuration base, Path scratch, String driverClass, JobTools jobs) {
    this.base = base;
    this.scratch = scratch;
    this.driverClass = driverClass;
    this.jobs = jobs;
  }

  @Override
  public ActionResult run(String node, String mainClass, List<String> args, Map<String, String> actionConf,
      boolean captureOutput) {
    if (!mainClass.equals(driverClass)) {
      return new ActionResult(1, Map.of(), "main class " + mainClass + " is not run locally: only " + driverClass);
    }
    Optional<MrSuiteTool> job = args.isEmpty() ? Optional.empty() : jobs.tool(args.get(0));
    if (job.isEmpty()) {
      return new ActionResult(MrSuiteTool.EXIT_USAGE, Map.of(), "no job '" + (args.isEmpty() ? "" : args.get(0))
          + "' in " + driverClass);
    }
    try {
      Path dir = Files.createDirectories(scratch.resolve(runs.incrementAndGet() + "-" + node));
      Path confXml = dir.resolve("action.xml");
      writeConfiguration(actionConf, confXml);
      Path output = captureOutput ? dir.resolve("output.properties") : null;
      MrSuiteTool tool = job.get();
      tool.setOozieAction(new OozieAction(confXml.toString(), output == null ? null : output.toString(), null));
      int exitCode = ToolRunner.run(new Configuration(base), tool, args.subList(1, args.size()).toArray(new String[0]));
      if (output == null || !Files.exists(output)) {
        return new ActionResult(exitCode, Map.of(), null);
      }
      String text = Files.readString(output, StandardCharsets.ISO_8859_1);
      int max = base.getInt(MAX_OUTPUT_DATA, DEFAULT_MAX_OUTPUT_DATA);
      if (text.length() > max) {
        return new ActionResult(exitCode, Map.of(), "captured output of " + text.length() + " characters is over "
            + MAX_OUTPUT_DATA + " (" + max + "), as Oozie would refuse it");
      }
      return new ActionResult(exitCode, properties(text), null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new ActionResult(MrSuiteTool.EXIT_FAILED, Map.of(), e.toString());
    } catch (Exception e) {
      // As Oozie reports a java action whose main threw: the exception, in wf:errorMessage.
      e.printStackTrace();
      return new ActionResult(MrSuiteTool.EXIT_FAILED, Map.of(), e.toString());
    }
  }

  private static void writeConfiguration(Map<String, String> properties, Path file) throws IOException {
    Configuration conf = new Configuration(false);
    properties.forEach(conf::set);
    try (OutputStream out = Files.newOutputStream(file)) {
      conf.writeXml(out);
    }
  }

  /** What the job wrote for capture-output (Properties.store writes ISO 8859-1 with escapes). */
  private static Map<String, String> properties(String text) throws IOException {
    Properties properties = new Properties();
    properties.load(new StringReader(text));
    Map<String, String> data = new TreeMap<>();
    properties.stringPropertyNames().forEach(name -> data.put(name, properties.getProperty(name)));
    return data;
  }
}
