package io.mrsuite.jobs.pipeline;

import io.mrsuite.jobs.MrSuiteDriver;
import io.mrsuite.jobs.common.MrSuiteTool;
import io.mrsuite.jobs.common.OozieAction;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.util.ToolRunner;

/**
 * Runs a java action of the job jar's driver in this JVM, under the same contract an Oozie launcher gives
 * it: the action configuration as an XML file the job loads, and a capture-output file the job writes (both
 * handed over with {@link MrSuiteTool#runAs}, since system properties cannot tell side-by-side actions
 * apart). The job gets a fresh copy of the pipeline's configuration, so {@code -D} options given to the
 * pipeline reach every job and stay above the action configuration, as on a cluster.
 */
final class InProcessActions implements JavaActions {
  private final Configuration base;
  private final Path scratch;
  private final AtomicInteger runs = new AtomicInteger();

  /** @param scratch a local directory for the action configuration and output files */
  InProcessActions(Configuration base, Path scratch) {
    this.base = base;
    this.scratch = scratch;
  }

  @Override
  public ActionResult run(String node, String mainClass, List<String> args, Map<String, String> actionConf,
      boolean captureOutput) {
    if (!mainClass.equals(MrSuiteDriver.class.getName())) {
      return new ActionResult(1, Map.of(), "main class " + mainClass + " is not run locally: only "
          + MrSuiteDriver.class.getName());
    }
    MrSuiteDriver.Job job = args.isEmpty() ? null : MrSuiteDriver.jobs().get(args.get(0));
    if (job == null || !MrSuiteTool.class.isAssignableFrom(job.mainClass())) {
      return new ActionResult(MrSuiteTool.EXIT_USAGE, Map.of(), "no job '" + (args.isEmpty() ? "" : args.get(0))
          + "' in " + MrSuiteDriver.class.getSimpleName());
    }
    try {
      Path dir = Files.createDirectories(scratch.resolve(runs.incrementAndGet() + "-" + node));
      Path confXml = dir.resolve("action.xml");
      writeConfiguration(actionConf, confXml);
      Path output = captureOutput ? dir.resolve("output.properties") : null;
      MrSuiteTool tool = (MrSuiteTool) job.mainClass().getDeclaredConstructor().newInstance();
      tool.runAs(new OozieAction(confXml.toString(), output == null ? null : output.toString(), null));
      int exitCode = ToolRunner.run(new Configuration(base), tool, args.subList(1, args.size()).toArray(new String[0]));
      return new ActionResult(exitCode, output == null ? Map.of() : readOutput(output), null);
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

  /** What the job wrote for capture-output; none when it wrote nothing (it failed before its summary). */
  private static Map<String, String> readOutput(Path file) throws IOException {
    Map<String, String> data = new TreeMap<>();
    if (Files.exists(file)) {
      Properties properties = new Properties();
      try (InputStream in = Files.newInputStream(file)) {
        properties.load(in);
      }
      properties.stringPropertyNames().forEach(name -> data.put(name, properties.getProperty(name)));
    }
    return data;
  }
}
