package io.mrsuite.jobs.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.mrsuite.jobs.ingest.csv.IngestFxJob;
import io.mrsuite.jobs.tool.MrSuiteTool;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.mapreduce.AvroJob;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapreduce.MRJobConfig;
import org.apache.hadoop.util.GenericOptionsParser;
import org.apache.hadoop.util.ToolRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job run the way an Oozie java action runs it, without Oozie: the test sets the system properties
 * the Oozie launcher sets ({@value OozieAction#ACTION_CONF_XML}, {@value OozieAction#OUTPUT_PROPERTIES})
 * and checks that the job takes the action configuration and leaves its summary for capture-output.
 */
class OozieActionTest {
  private static final String DATE = "2026-11-20";

  @TempDir
  Path tmp;

  @AfterEach
  void clearOozieProperties() {
    System.clearProperty(OozieAction.ACTION_CONF_XML);
    System.clearProperty(OozieAction.OUTPUT_PROPERTIES);
  }

  @Test
  void aJobUnderAnOozieActionTakesTheActionConfAndLeavesItsSummaryForCaptureOutput() throws Exception {
    Path root = warehouseWithFxRates("currency,usd_per_unit\nEUR,1.08\nGBP,x\nEUR,1.09\n\nJPY,0.0067\n");
    Configuration action = new Configuration(false);
    action.set("fs.defaultFS", "file:///");
    action.set("mapreduce.framework.name", "local");
    action.set(AvroJob.CONF_OUTPUT_CODEC, "deflate");
    Path output = tmp.resolve("output.properties");
    System.setProperty(OozieAction.ACTION_CONF_XML, write(action).toString());
    System.setProperty(OozieAction.OUTPUT_PROPERTIES, output.toString());

    int exit = ToolRunner.run(new Configuration(), new IngestFxJob(),
        new String[] {"--root", root.toString(), "--date", DATE});

    assertEquals(0, exit);
    Path curated = root.resolve("curated/fx_rates/dt=" + DATE);
    assertEquals(Map.ofEntries(
        Map.entry("job", "ingest-fx"),
        Map.entry("date", DATE),
        Map.entry("read", "5"),
        Map.entry("written", "2"),
        Map.entry("quarantined", "2"),
        Map.entry("skipped", "1"),
        Map.entry("duplicates_removed", "0"),
        Map.entry("quarantined.INVALID_VALUE", "1"),
        Map.entry("quarantined.DUPLICATE_KEY", "1"),
        Map.entry("curated", curated.toString()),
        Map.entry("quarantine", root.resolve("quarantine/fx_rates/dt=" + DATE).toString())), read(output));
    assertEquals(List.of("deflate"), codecs(curated), "the action configuration's codec");
  }

  @Test
  void aFailedJobLeavesNoActionData() throws Exception {
    Path root = warehouseWithFxRates("currency,usd_per_unit\nEUR,1.08\n");
    Path output = tmp.resolve("output.properties");
    System.setProperty(OozieAction.OUTPUT_PROPERTIES, output.toString());
    Configuration conf = new Configuration();
    conf.set("mapreduce.framework.name", "local");

    int exit = ToolRunner.run(conf, new IngestFxJob(),
        new String[] {"--root", root.toString(), "--date", "2026-11-21"});

    assertEquals(MrSuiteTool.EXIT_FAILED, exit);
    assertFalse(Files.exists(output));
  }

  @Test
  void commandLineOptionsStayAboveTheActionConfiguration() throws IOException {
    Configuration action = new Configuration(false);
    action.set(AvroJob.CONF_OUTPUT_CODEC, "deflate");
    action.set("mapreduce.job.queuename", "etl");
    Configuration conf = new Configuration();
    new GenericOptionsParser(conf, new String[] {"-D", AvroJob.CONF_OUTPUT_CODEC + "=snappy"});

    new OozieAction(write(action).toString(), null, null).configure(conf);

    assertEquals("snappy", conf.get(AvroJob.CONF_OUTPUT_CODEC));
    assertEquals("etl", conf.get("mapreduce.job.queuename"));
  }

  @Test
  void submittedJobsCarryTheLaunchersDelegationTokens() {
    Configuration conf = new Configuration(false);

    new OozieAction(null, null, "/yarn/container_1/container_tokens").configure(conf);

    assertEquals("/yarn/container_1/container_tokens", conf.get(MRJobConfig.MAPREDUCE_JOB_CREDENTIALS_BINARY));
  }

  @Test
  void outsideOozieNothingChangesAndNothingIsWritten() throws IOException {
    Configuration conf = new Configuration(false);
    OozieAction none = new OozieAction(null, null, null);

    none.configure(conf);
    none.captureOutput(new Properties());

    assertEquals(0, conf.size());
    assertNull(conf.get(MRJobConfig.MAPREDUCE_JOB_CREDENTIALS_BINARY));
    try (Stream<Path> files = Files.list(tmp)) {
      assertEquals(0, files.count());
    }
  }

  private Path warehouseWithFxRates(String csv) throws IOException {
    Path root = tmp.resolve("warehouse");
    Path partition = Files.createDirectories(root.resolve("raw/fx_rates/dt=" + DATE));
    Files.writeString(partition.resolve("fx.csv"), csv);
    return root;
  }

  private Path write(Configuration conf) throws IOException {
    Path file = Files.createTempFile(tmp, "action", ".xml");
    try (OutputStream out = Files.newOutputStream(file)) {
      conf.writeXml(out);
    }
    return file;
  }

  private static Map<String, String> read(Path properties) throws IOException {
    Properties loaded = new Properties();
    try (InputStream in = Files.newInputStream(properties)) {
      loaded.load(in);
    }
    Map<String, String> result = new TreeMap<>();
    loaded.stringPropertyNames().forEach(name -> result.put(name, loaded.getProperty(name)));
    return result;
  }

  private static List<String> codecs(Path partition) throws IOException {
    try (Stream<Path> files = Files.list(partition)) {
      return files.filter(file -> file.getFileName().toString().endsWith(".avro")).map(file -> {
        try (DataFileReader<GenericRecord> reader = new DataFileReader<>(file.toFile(), new GenericDatumReader<>())) {
          return reader.getMetaString("avro.codec");
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      }).distinct().toList();
    }
  }
}
