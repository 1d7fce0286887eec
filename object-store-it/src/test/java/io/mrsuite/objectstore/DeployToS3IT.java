package io.mrsuite.objectstore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mrsuite.deploy.DeployTool;
import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mrsuite-deploy --fs s3a://bucket}: the real {@code oozie/} directory uploaded to the in-JVM S3 server,
 * each file written in place (no rename, which S3A does as delete, copy, delete), so a coordinator reading the
 * apps during a deploy finds the old file or the new one, never none.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class DeployToS3IT {
  private static final Path OOZIE = Path.of(System.getProperty("mrsuite.oozie", "../oozie"));
  private static final String APPS = "apps/mrsuite";
  private static final int JAR_BYTES = 8 << 20;
  private static final int LOOKUPS_PER_READ = 20;

  @TempDir
  static Path tmp;

  private static InJvmS3 s3;
  private static Configuration conf;

  @BeforeAll
  static void startS3() throws Exception {
    s3 = InJvmS3.start();
    conf = s3.configure(new Configuration(), tmp);
  }

  @AfterAll
  static void stopS3() throws Exception {
    FileSystem.closeAll();
    if (s3 != null) {
      s3.close();
    }
  }

  @Test
  void deploysTheAppsAndReplacesTheJarWhileAReaderAlwaysFindsAWholeOne() throws Exception {
    byte[] oldJar = jarBytes(1);
    byte[] newJar = jarBytes(2);
    Path jar = Files.write(tmp.resolve("mrsuite-jobs-1.0.jar"), oldJar);
    String[] args = {"--fs", "s3a://" + InJvmS3.BUCKET, "--apps", "/" + APPS, "--source", OOZIE.toString(),
        "--jar", jar.toString()};
    FileSystem fs = FileSystem.get(URI.create(s3.uri("")), conf);
    org.apache.hadoop.fs.Path apps = new org.apache.hadoop.fs.Path(s3.uri(APPS));

    String first = deploy(args);
    Map<String, byte[]> deployed = files(fs, apps);
    List<String> shipped = List.of("compact", "ingest", "marts", "pull");
    for (String app : shipped) {
      assertArrayEquals(oldJar, deployed.get(app + "/lib/mrsuite-jobs.jar"), app);
      for (String file : List.of("workflow.xml", "coordinator.xml")) {
        assertArrayEquals(Files.readAllBytes(OOZIE.resolve("apps/" + app + "/" + file)), deployed.get(app + "/" + file),
            app + "/" + file);
      }
    }
    assertArrayEquals(Files.readAllBytes(OOZIE.resolve("bundle/bundle.xml")), deployed.get("bundle/bundle.xml"));
    for (String properties : List.of("dq-thresholds.properties", "retention-policy.properties")) {
      assertArrayEquals(Files.readAllBytes(OOZIE.resolve(properties)), deployed.get(properties), properties);
    }
    assertEquals(15, deployed.size(), deployed.keySet().toString());
    assertTrue(first.endsWith(": 15 uploaded, 0 replaced, 0 unchanged, 0 removed\n"), first);

    String again = deploy(args);
    assertTrue(again.endsWith(": 0 uploaded, 0 replaced, 15 unchanged, 0 removed\n"), again);

    Files.write(jar, newJar);
    org.apache.hadoop.fs.Path watched = new org.apache.hadoop.fs.Path(apps, "marts/lib/mrsuite-jobs.jar");
    AtomicBoolean deploying = new AtomicBoolean(true);
    CompletableFuture<int[]> reads = CompletableFuture.supplyAsync(() -> readWhile(fs, watched, deploying,
        oldJar, newJar));
    Map<String, Long> before = InJvmS3.counters(fs);
    String replacing;
    try {
      replacing = deploy(args);
    } finally {
      deploying.set(false);
    }
    Map<String, Long> after = InJvmS3.counters(fs);
    int[] seen = reads.get(1, TimeUnit.MINUTES);
    assertTrue(replacing.endsWith(": 0 uploaded, 4 replaced, 11 unchanged, 0 removed\n"), replacing);
    assertTrue(seen[0] + seen[1] > 0, "the reader read the jar during the deploy");
    for (String app : shipped) {
      try (InputStream in = fs.open(new org.apache.hadoop.fs.Path(apps, app + "/lib/mrsuite-jobs.jar"))) {
        assertArrayEquals(newJar, in.readAllBytes(), app);
      }
    }
    assertEquals(before.getOrDefault("op_rename", 0L), after.getOrDefault("op_rename", 0L), "renames");
    // S3A replaces a file by a rename as delete, copy, delete: a reader could find nothing in between.
    for (String request : List.of("object_delete_request", "object_copy_requests")) {
      assertEquals(before.getOrDefault(request, 0L), after.getOrDefault(request, 0L), request);
    }
    assertEquals(List.of(), Arrays.stream(fs.listStatus(apps)).map(status -> status.getPath().getName())
        .filter(name -> name.startsWith(".")).toList(), "nothing staged beside the apps");
  }

  /**
   * Until the deploy ends, looks the file up (often: a lookup is quick, so it samples the store finely) and reads
   * it whole (every {@value #LOOKUPS_PER_READ}th time); counts whole old and new copies, and fails on a missing
   * file or on anything else.
   */
  private static int[] readWhile(FileSystem fs, org.apache.hadoop.fs.Path file, AtomicBoolean deploying,
      byte[] oldBytes, byte[] newBytes) {
    int[] seen = new int[2];
    try {
      for (long lookup = 0; deploying.get(); lookup++) {
        try {
          long length = fs.getFileStatus(file).getLen();
          if (length != oldBytes.length && length != newBytes.length) {
            throw new AssertionError(file + " has " + length + " bytes during the deploy");
          }
          if (lookup % LOOKUPS_PER_READ != 0) {
            continue;
          }
          byte[] read;
          try (InputStream in = fs.open(file)) {
            read = in.readAllBytes();
          }
          if (Arrays.equals(read, oldBytes)) {
            seen[0]++;
          } else if (Arrays.equals(read, newBytes)) {
            seen[1]++;
          } else {
            throw new AssertionError(file + " read as " + read.length + " bytes, neither the old jar nor the new");
          }
        } catch (FileNotFoundException e) {
          throw new AssertionError(file + " was missing during the deploy", e);
        }
      }
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return seen;
  }

  private static byte[] jarBytes(long seed) {
    byte[] bytes = new byte[JAR_BYTES + (int) seed];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  private static String deploy(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      exit = new DeployTool(new Configuration(conf), o, e).run(args);
    }
    String report = err.toString(StandardCharsets.UTF_8);
    assertEquals(0, exit, report);
    return report;
  }

  private static Map<String, byte[]> files(FileSystem fs, org.apache.hadoop.fs.Path dir) throws Exception {
    Map<String, byte[]> files = new TreeMap<>();
    String prefix = fs.makeQualified(dir) + "/";
    RemoteIterator<LocatedFileStatus> it = fs.listFiles(dir, true);
    while (it.hasNext()) {
      LocatedFileStatus status = it.next();
      try (InputStream in = fs.open(status.getPath())) {
        files.put(status.getPath().toString().substring(prefix.length()), in.readAllBytes());
      }
    }
    return files;
  }

}
