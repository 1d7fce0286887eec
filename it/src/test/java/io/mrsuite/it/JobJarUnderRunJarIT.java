package io.mrsuite.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mrsuite.formats.avro.Event;
import io.mrsuite.formats.avro.QuarantineRecord;
import io.mrsuite.jobs.ingest.events.IngestEventsJob;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.util.ToolRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built job jar run exactly as {@code hadoop jar} runs it: {@code org.apache.hadoop.util.RunJar} in a
 * child JVM whose classpath is hadoop-client's own, once for Hadoop 3.4 (Avro 1.9.2 ahead of our jar) and
 * once for 3.5 (Avro 1.11.5). Both must write the same records as an in-process run, with our schemas
 * intact (an unrelocated jar would silently lose logical types on 3.4).
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class JobJarUnderRunJarIT {
  @TempDir
  Path tmp;

  @Test
  void sameOutputOnHadoop34And35ClasspathsAsInProcess() throws Exception {
    Path root = tmp.resolve("warehouse");
    TestData.copyWarehouse(root);
    ExpectedIngest expected = ExpectedIngest.load();
    String day = expected.days().get(0);

    List<String> inProcess = ingestInProcess(root, day);
    List<String> onHadoop34 = ingestWithRunJar("3.4", root, day);
    List<String> onHadoop35 = ingestWithRunJar("3.5", root, day);

    assertEquals(expected.day(day).written() + expected.day(day).quarantined(), inProcess.size());
    assertEquals(inProcess, onHadoop34, "hadoop 3.4 classpath");
    assertEquals(inProcess, onHadoop35, "hadoop 3.5 classpath");
  }

  private List<String> ingestInProcess(Path root, String day) throws Exception {
    Configuration conf = new Configuration();
    conf.set("fs.defaultFS", "file:///");
    conf.set("mapreduce.framework.name", "local");
    assertEquals(0, ToolRunner.run(conf, new IngestEventsJob(), new String[] {"--root", root.toString(), "--date", day}));
    return outputs(root, day);
  }

  private List<String> ingestWithRunJar(String hadoopLine, Path root, String day) throws IOException, InterruptedException {
    Path log = tmp.resolve("runjar-" + hadoopLine + ".log");
    Process process = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Dlog4j.configuration=" + TestData.log4jProperties().toUri(),
        "-cp", TestData.hadoopClasspath(hadoopLine),
        "org.apache.hadoop.util.RunJar", TestData.jobJar().toString(),
        IngestEventsJob.NAME, "--root", root.toString(), "--date", day)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("RunJar on hadoop " + hadoopLine + " did not finish:\n" + Files.readString(log));
    }
    assertEquals(0, process.exitValue(), () -> "RunJar on hadoop " + hadoopLine + " failed:\n" + readQuietly(log));
    return outputs(root, day);
  }

  /** Every curated and quarantined record as text, sorted, after checking each file's writer schema. */
  private static List<String> outputs(Path root, String day) throws IOException {
    FileSystem fs = FileSystem.getLocal(new Configuration());
    org.apache.hadoop.fs.Path curated = new org.apache.hadoop.fs.Path(root.toString(), "curated/events/dt=" + day);
    org.apache.hadoop.fs.Path quarantine = new org.apache.hadoop.fs.Path(root.toString(), "quarantine/events/dt=" + day);
    for (Schema schema : AvroPartitions.schemas(fs, curated)) {
      assertEquals(Event.getClassSchema(), schema);
    }
    for (Schema schema : AvroPartitions.schemas(fs, quarantine)) {
      assertEquals(QuarantineRecord.getClassSchema(), schema);
    }
    List<String> records = new ArrayList<>();
    for (GenericRecord record : AvroPartitions.read(fs, curated)) {
      records.add("curated " + record);
    }
    for (GenericRecord record : AvroPartitions.read(fs, quarantine)) {
      records.add("quarantine " + record);
    }
    records.sort(null);
    return records;
  }

  private static String readQuietly(Path log) {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }
}
