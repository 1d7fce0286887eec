package io.mrsuite.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mrsuite.jobs.retention.RetentionJob;
import io.mrsuite.jobs.run.PartitionLock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.hadoop.util.ToolRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * retention on a MiniDFS warehouse, as of 2026-12-31, with raw 30 days, quarantine 60, curated 90, dq reports 90
 * and marts forever: the dry run lists exactly the partitions past their window, less those a partition still to
 * be built needs, and deletes nothing; --apply deletes exactly those, leaves a partition being written (its lock
 * held) and says so with exit 1, writes its manifest, and a second run deletes the one left.
 */
@Timeout(120)
class RetentionIT {
  private static final String DATA = "0123456789";
  private static final String POLICY = "raw/* = 30\nquarantine/* = 60\ncurated/* = 90\nmarts/* = forever\n"
      + "reports/dq = 90\n";

  @TempDir
  static java.nio.file.Path tmp;

  private static MiniDFSCluster dfs;
  private static FileSystem fs;
  private static final Path ROOT = new Path("/warehouse");

  @BeforeAll
  static void startCluster() throws IOException {
    Configuration conf = new Configuration();
    conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, tmp.resolve("dfs").toString());
    dfs = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
    fs = dfs.getFileSystem();
  }

  @AfterAll
  static void stopCluster() {
    if (dfs != null) {
      dfs.shutdown();
    }
  }

  @Test
  void deletesExactlyThePartitionsPastTheirWindowThatNothingStillNeeds() throws Exception {
    // Raw events of 11-01 were curated: they may go. Those of 11-02 were not: they stay.
    landed("raw/events/dt=2026-11-01/hr=00/a.jsonl");
    complete("curated/events/dt=2026-11-01");
    landed("raw/events/dt=2026-11-02/hr=00/a.jsonl");
    landed("raw/events/dt=2026-12-15/hr=00/a.jsonl");
    landed("raw/events/_staging.dt=2026-01-01.run/a.jsonl");
    landed("raw/events/notes/a.txt");
    landed("raw/fx_rates/dt=2026-11-01/fx.csv");
    complete("curated/fx_rates/dt=2026-11-01");
    // Past the curated window, as is everything built from it.
    complete("curated/events/dt=2026-09-01");
    // Both marts built from the enriched events of 09-15 exist; of 09-16 revenue_daily does not, and marts are
    // kept forever.
    complete("curated/events_enriched/dt=2026-09-15");
    complete("marts/product_daily/dt=2026-09-15");
    complete("marts/revenue_daily/dt=2026-09-15");
    complete("curated/events_enriched/dt=2026-09-16");
    complete("marts/product_daily/dt=2026-09-16");
    complete("marts/product_daily/dt=2025-01-01");
    complete("quarantine/events/dt=2026-10-15");
    complete("reports/dq/dt=2026-09-01");
    complete("reports/dq/dt=2026-12-01");
    Path policy = new Path("/apps/retention-policy.properties");
    try (OutputStream out = fs.create(policy)) {
      out.write(POLICY.getBytes(StandardCharsets.UTF_8));
    }
    List<String> before = files();
    String[] args = {"--root", ROOT.toString(), "--policy", policy.toString(), "--as-of", "2026-12-31"};

    Run dryRun = run(args);

    assertEquals(0, dryRun.exitCode(), dryRun.err());
    List<String> planned = List.of(
        "  keep   raw/events/dt=2026-11-02: curated/events/dt=2026-11-02 is built from it and is missing or incomplete"
            + " (90 days)",
        "  keep   curated/events_enriched/dt=2026-09-16: marts/revenue_daily/dt=2026-09-16 is built from it and is"
            + " missing or incomplete (forever)",
        "  would delete raw/events/dt=2026-11-01 (1 file, 10 bytes)",
        "  would delete raw/fx_rates/dt=2026-11-01 (1 file, 10 bytes)",
        "  would delete curated/events/dt=2026-09-01 (2 files, 10 bytes)",
        "  would delete curated/events_enriched/dt=2026-09-15 (2 files, 10 bytes)",
        "  would delete quarantine/events/dt=2026-10-15 (2 files, 10 bytes)",
        "  would delete reports/dq/dt=2026-09-01 (2 files, 10 bytes)",
        "retention: would delete 6 partitions (10 files, 60 bytes); kept 2 needed downstream");
    assertEquals(planned, dryRun.out().stream().filter(line -> !line.matches("  \\S+ +keeps .*")).skip(1).toList());
    assertEquals(before, files(), "a dry run deletes nothing");

    // Another run is writing the fx rates of 11-01.
    PartitionLock writing = PartitionLock.acquire("ingest-fx", "other-run", new Path(ROOT, "raw/fx_rates/dt=2026-11-01"),
        fs.getConf(), message -> { });
    String[] apply = {"--root", ROOT.toString(), "--policy", policy.toString(), "--as-of", "2026-12-31", "--apply"};
    Run applied = run(apply);
    writing.close();

    assertEquals(1, applied.exitCode(), applied.out() + "\n" + applied.err());
    assertTrue(applied.err().startsWith("Error: retention: 1 partitions were being written and were left:"
        + " raw/fx_rates/dt=2026-11-01: "), applied.err());
    List<String> expectedLeft = new ArrayList<>(before);
    expectedLeft.removeIf(file -> file.startsWith("raw/events/dt=2026-11-01/") || file.startsWith(
        "curated/events/dt=2026-09-01/") || file.startsWith("curated/events_enriched/dt=2026-09-15/")
        || file.startsWith("quarantine/events/dt=2026-10-15/") || file.startsWith("reports/dq/dt=2026-09-01/"));
    List<String> left = files();
    left.removeIf(file -> file.startsWith("reports/retention/"));
    assertEquals(expectedLeft, left);

    JsonNode manifest = onlyManifest();
    assertEquals("2026-12-31", manifest.get("as_of").asText());
    assertTrue(manifest.get("finished").asBoolean());
    List<String> deleted = new ArrayList<>();
    manifest.get("planned").forEach(entry -> {
      if (entry.get("deleted").asBoolean()) {
        deleted.add(entry.get("partition").asText());
      }
    });
    assertEquals(List.of("raw/events/dt=2026-11-01", "curated/events/dt=2026-09-01",
        "curated/events_enriched/dt=2026-09-15", "quarantine/events/dt=2026-10-15", "reports/dq/dt=2026-09-01"),
        deleted);
    assertEquals(6, manifest.get("planned").size());
    assertEquals("raw/events/dt=2026-11-02", manifest.get("kept_needed").get(0).get("partition").asText());
    assertEquals(1, manifest.get("left_being_written").size());

    Run again = run(apply);

    assertEquals(0, again.exitCode(), again.err());
    assertTrue(again.out().contains("  delete raw/fx_rates/dt=2026-11-01 (1 file, 10 bytes)"), again.out().toString());
    assertTrue(again.out().get(again.out().size() - 1).startsWith("retention: deleted 1 partition (1 file, 10 bytes);"
        + " kept 2 needed downstream; manifest "), again.out().toString());
    assertTrue(!fs.exists(new Path(ROOT, "raw/fx_rates/dt=2026-11-01")));
  }

  private record Run(int exitCode, List<String> out, String err) {
  }

  private static Run run(String[] args) throws Exception {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(errors, true, StandardCharsets.UTF_8));
    int exitCode;
    try {
      exitCode = ToolRunner.run(new Configuration(fs.getConf()), new RetentionJob(), args);
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
    return new Run(exitCode, printed.toString(StandardCharsets.UTF_8).lines().toList(),
        errors.toString(StandardCharsets.UTF_8));
  }

  private static void landed(String file) throws IOException {
    try (OutputStream out = fs.create(new Path(ROOT, file))) {
      out.write(DATA.getBytes(StandardCharsets.UTF_8));
    }
  }

  private static void complete(String partition) throws IOException {
    landed(partition + "/part-r-00000.avro");
    fs.create(new Path(ROOT, partition + "/_SUCCESS")).close();
  }

  /** Every file under the root, relative to it, sorted. */
  private static List<String> files() throws IOException {
    List<String> files = new ArrayList<>();
    RemoteIterator<LocatedFileStatus> all = fs.listFiles(ROOT, true);
    String prefix = fs.makeQualified(ROOT).toString() + "/";
    while (all.hasNext()) {
      files.add(all.next().getPath().toString().substring(prefix.length()));
    }
    files.sort(null);
    return files;
  }

  private static JsonNode onlyManifest() throws IOException {
    FileStatus[] manifests = fs.listStatus(new Path(ROOT, "reports/retention/dt=2026-12-31"));
    assertEquals(1, manifests.length);
    try (InputStream in = fs.open(manifests[0].getPath())) {
      return new ObjectMapper().readTree(in);
    }
  }
}
