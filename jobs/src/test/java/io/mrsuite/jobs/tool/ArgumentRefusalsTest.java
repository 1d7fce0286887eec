package io.mrsuite.jobs.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mrsuite.jobs.dedup.DedupEventsJob;
import io.mrsuite.jobs.ingest.events.IngestEventsJob;
import io.mrsuite.jobs.sessionize.SessionizeJob;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.util.Tool;
import org.apache.hadoop.util.ToolRunner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Command lines that would have a run read or write outside its partitions, or name no real date, are
 * refused before anything starts: one {@code Error:} line saying why, exit 2, and not one file created,
 * changed or deleted, inside the warehouse or out.
 */
class ArgumentRefusalsTest {
  private static final String D = "2026-03-01";

  @TempDir
  Path tmp;

  private Path root;
  private Path landed;

  @BeforeEach
  void warehouse() throws IOException {
    root = tmp.resolve("warehouse");
    complete(root.resolve("curated/events_enriched/dt=" + D));
    complete(root.resolve("curated/events/dt=" + D));
    complete(root.resolve("curated/events/dt=2026-03-02"));
    landed = root.resolve("raw/events/dt=" + D + "/hr=00");
    Files.createDirectories(landed);
    Files.writeString(landed.resolve("events.jsonl"), "{}\n");
    Path elsewhere = tmp.resolve("elsewhere/dt=" + D);
    Files.createDirectories(elsewhere);
    Files.writeString(elsewhere.resolve("keep.txt"), "not the warehouse's");
  }

  @Test
  void datesThatAreNoDaysAreRefused() throws Exception {
    for (String date : new String[] {"2026-02-30", "2026-3-1", "2026-03-01x", "garbage", "", "+10000-01-01",
        "20260301"}) {
      refused("--date must be a date YYYY-MM-DD: " + date, new SessionizeJob(), "--root", root.toString(), "--date",
          date);
    }
    refused("--late-days 3000000 reads past 9999-12-31, the last date a partition can be named for",
        new DedupEventsJob(), "--root", root.toString(), "--date", D, "--late-days", "3000000");
  }

  @Test
  void pathsThatGoUpADirectoryAreRefused() throws Exception {
    String upAndBack = tmp + "/elsewhere/../warehouse";
    refused("--root must not go up a directory ('..'): " + upAndBack, new SessionizeJob(), "--root", upAndBack,
        "--date", D);
    String input = root + "/raw/events/dt=" + D + "/../dt=" + D + "/hr=*";
    refused("--input must not go up a directory ('..'): " + input, new IngestEventsJob(), "--input", input,
        "--output", tmp + "/out/dt=" + D, "--quarantine", tmp + "/rejects/dt=" + D);
    String output = tmp + "/out/../elsewhere/dt=" + D;
    refused("--output must not go up a directory ('..'): " + output, new SessionizeJob(),
        "--input", root + "/curated/events_enriched/dt=" + D, "--output", output, "--date", D);
  }

  @Test
  void anOutputThatIsNotAPartitionOfTheRunsDateIsRefused() throws Exception {
    String input = root + "/curated/events_enriched/dt=" + D;
    String notAPartition = tmp.resolve("elsewhere").toString();
    refused("--output must be a partition directory named dt=" + D + " (the run's date): " + notAPartition,
        new SessionizeJob(), "--input", input, "--output", notAPartition, "--date", D);
    String otherDay = tmp + "/out/dt=2026-03-02";
    refused("--output must be a partition directory named dt=" + D + " (the run's date): " + otherDay,
        new SessionizeJob(), "--input", input, "--output", otherDay, "--date", D);
    String quarantine = tmp + "/rejects";
    refused("--quarantine must be a partition directory named dt=" + D + " (the run's date): " + quarantine,
        new IngestEventsJob(), "--input", landed.toString(), "--output", tmp + "/out/dt=" + D, "--quarantine",
        quarantine);
  }

  @Test
  void anOutputOverAnInputIsRefused() throws Exception {
    String input = root + "/curated/events_enriched/dt=" + D;
    refused("output " + input + " is the same directory as input --input " + input
        + ": a run must not write where it reads", new SessionizeJob(), "--input", input, "--output", input, "--date", D);
    String inside = tmp + "/elsewhere/dt=" + D;
    refused("output " + inside + " is inside input --input " + tmp + "/elsewhere: a run must not write where it reads",
        new SessionizeJob(), "--input", tmp + "/elsewhere", "--output", inside, "--date", D);
    String hours = root + "/raw/events/dt=" + D + "/hr=*";
    String partition = root + "/raw/events/dt=" + D;
    refused("output " + partition + " is the same directory as input --input " + hours
        + ": a run must not write where it reads", new IngestEventsJob(), "--input", hours, "--output", partition,
        "--quarantine", tmp + "/rejects/dt=" + D);
    String kept = tmp + "/elsewhere/dt=" + D + "/keep.txt";
    refused("output " + inside + " contains input --input " + kept + ": a run must not write where it reads",
        new SessionizeJob(), "--input", kept, "--output", inside, "--date", D);
    refused("quarantine " + inside + " is inside input --input " + tmp + "/elsewhere: a run must not write where it"
        + " reads", new IngestEventsJob(), "--input", tmp + "/elsewhere", "--output", tmp + "/out/dt=" + D,
        "--quarantine", inside, "--date", D);
  }

  @Test
  void anOutputAndQuarantineThatOverlapAreRefused() throws Exception {
    String output = tmp + "/out/dt=" + D;
    refused("output " + output + " and quarantine " + output + " overlap: they must be separate directories",
        new IngestEventsJob(), "--input", landed.toString(), "--output", output, "--quarantine", output);
  }

  @Test
  void aSymbolicLinkOutOfTheWarehouseIsRefusedAndNothingThereIsTouched() throws Exception {
    Path outside = tmp.resolve("outside/sessions");
    Files.createDirectories(outside.resolve("dt=" + D));
    Files.writeString(outside.resolve("dt=" + D).resolve("part-r-00000.avro"), "someone else's");
    Files.createDirectories(outside.resolve("_staging.dt=" + D + ".an-earlier-run"));
    Files.createSymbolicLink(root.resolve("curated/sessions"), outside);

    refused(root + "/curated/sessions/dt=" + D + " resolves to " + outside + "/dt=" + D + ", outside --root "
        + root + ": a symbolic link leads out of the warehouse",
        new SessionizeJob(), "--root", root.toString(), "--date", D);
  }

  @Test
  void aSymbolicLinkFromTheOutputToAnInputInsideTheWarehouseIsRefused() throws Exception {
    Files.createSymbolicLink(root.resolve("curated/sessions"), root.resolve("curated/events_enriched"));

    String output = root + "/curated/sessions/dt=" + D;
    String input = root + "/curated/events_enriched/dt=" + D;
    refused("output " + output + " is the same directory as input --input " + input + " (both are " + input
        + " once symbolic links are followed): a run must not write where it reads",
        new SessionizeJob(), "--root", root.toString(), "--date", D);
  }

  /** Runs the job, which must exit 2 with the one line {@code Error: <message>} and change nothing under tmp. */
  private void refused(String message, Tool job, String... args) throws Exception {
    Map<String, String> before = tree();
    PrintStream original = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    int exit;
    try {
      exit = ToolRunner.run(localConf(), job, args);
    } finally {
      System.setErr(original);
    }
    String said = err.toString(StandardCharsets.UTF_8);
    assertEquals(List.of("Error: " + message), said.lines().filter(line -> line.startsWith("Error:")).toList(), said);
    assertEquals(MrSuiteTool.EXIT_USAGE, exit, said);
    assertEquals(before, tree(), "nothing created, changed or deleted");
  }

  /** Every entry under tmp, links not followed: a file's contents, a link's target, or "dir". */
  private Map<String, String> tree() throws IOException {
    Map<String, String> tree = new TreeMap<>();
    try (Stream<Path> entries = Files.walk(tmp)) {
      for (Path entry : entries.toList()) {
        String what = Files.isSymbolicLink(entry) ? "-> " + Files.readSymbolicLink(entry)
            : Files.isDirectory(entry) ? "dir" : Files.readString(entry);
        tree.put(tmp.relativize(entry).toString(), what);
      }
    }
    return tree;
  }

  private static void complete(Path partition) throws IOException {
    Files.createDirectories(partition);
    Files.write(partition.resolve("_SUCCESS"), new byte[0]);
  }

  private static Configuration localConf() {
    Configuration conf = new Configuration();
    conf.set("fs.defaultFS", "file:///");
    conf.set("mapreduce.framework.name", "local");
    return conf;
  }
}
