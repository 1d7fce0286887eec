package io.mrsuite.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mrsuite.deploy.DeployTool;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * mrsuite-deploy on HDFS: the real oozie/ tree and a stand-in job jar deployed to a MiniDFSCluster give
 * exactly the layout the Oozie apps expect, byte for byte; a second deploy writes nothing; a changed
 * workflow is replaced in place and what the source no longer has is removed from the apps' folders.
 * Each test deploys to an --apps directory of its own on the one cluster of the class.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class DeployAppsIT {
  private static final String JOB_JAR = "mrsuite-jobs.jar";

  @TempDir
  static Path tmp;

  private static MiniDFSCluster dfs;
  private static FileSystem fs;
  private static Path jar;

  @BeforeAll
  static void startCluster() throws IOException {
    Configuration conf = new Configuration();
    conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, tmp.resolve("dfs").toString());
    dfs = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
    fs = dfs.getFileSystem();
    byte[] bytes = new byte[300_000];
    new Random(20261121).nextBytes(bytes);
    jar = Files.write(tmp.resolve("mrsuite-jobs-test.jar"), bytes);
  }

  @AfterAll
  static void stopCluster() {
    if (dfs != null) {
      dfs.shutdown();
    }
  }

  @Test
  void theRealTreeIsDeployedExactlyAndByteForByte() throws Exception {
    Deploy first = deploy("/apps/mrsuite", TestData.oozie());

    assertEquals(0, first.exit, first.err);
    Map<String, FileStatus> deployed = list("/apps/mrsuite");
    assertEquals(expectedLayout(TestData.oozie()), deployed.keySet());
    assertTrue(deployed.keySet().containsAll(Set.of("ingest/", "ingest/lib/", "ingest/workflow.xml",
        "ingest/coordinator.xml", "ingest/lib/mrsuite-jobs.jar", "marts/workflow.xml", "marts/coordinator.xml",
        "marts/lib/mrsuite-jobs.jar", "compact/workflow.xml", "compact/coordinator.xml",
        "compact/lib/mrsuite-jobs.jar", "bundle/bundle.xml", "dq-thresholds.properties",
        "retention-policy.properties")));
    for (String file : deployed.keySet()) {
      if (!file.endsWith("/")) {
        assertArrayEquals(Files.readAllBytes(source(TestData.oozie(), file)), read("/apps/mrsuite/" + file), file);
      }
    }
    long files = deployed.keySet().stream().filter(p -> !p.endsWith("/")).count();
    assertEquals("mrsuite-deploy: " + qualified("/apps/mrsuite") + ": " + files
        + " uploaded, 0 replaced, 0 unchanged, 0 removed", first.summary());
  }

  @Test
  void aSecondDeployOfTheSameTreeWritesNothing() throws Exception {
    assertEquals(0, deploy("/apps/again", TestData.oozie()).exit);
    Map<String, FileStatus> before = list("/apps/again");

    Deploy second = deploy("/apps/again", TestData.oozie());

    assertEquals(0, second.exit, second.err);
    Map<String, FileStatus> after = list("/apps/again");
    assertEquals(before.keySet(), after.keySet());
    for (String path : before.keySet()) {
      assertEquals(before.get(path).getModificationTime(), after.get(path).getModificationTime(), path);
    }
    List<String> files = before.keySet().stream().filter(p -> !p.endsWith("/")).toList();
    assertEquals(files.size(), second.lines().stream().filter(l -> l.startsWith("  unchanged  ")).count(),
        second.err);
    assertEquals("mrsuite-deploy: " + qualified("/apps/again") + ": 0 uploaded, 0 replaced, " + files.size()
        + " unchanged, 0 removed", second.summary());
  }

  @Test
  void aChangedWorkflowIsReplacedAndWhatTheSourceNoLongerHasIsRemoved() throws Exception {
    Path source = tmp.resolve("changed/oozie");
    copyTree(TestData.oozie(), source);
    assertEquals(0, deploy("/apps/changed", source).exit);
    Path workflow = source.resolve("apps/ingest/workflow.xml");
    Files.writeString(workflow, Files.readString(workflow).replace("</workflow-app>",
        "<!-- changed -->\n</workflow-app>"));
    write("/apps/changed/ingest/lib/mrsuite-jobs-0.0.9.jar", "an old build's name");
    write("/apps/changed/marts/old-subworkflow/workflow.xml", "<workflow-app/>");
    write("/apps/changed/retired/workflow.xml", "<workflow-app/>");
    write("/apps/changed/.mrsuite-deploy-interrupted/0-workflow.xml", "half");

    Deploy again = deploy("/apps/changed", source);

    assertEquals(0, again.exit, again.err);
    List<String> notUnchanged = again.lines().stream().filter(l -> !l.startsWith("  unchanged  ")).toList();
    assertEquals(List.of(
        "  replaced   ingest/workflow.xml",
        "  removed    .mrsuite-deploy-interrupted/",
        "  removed    ingest/lib/mrsuite-jobs-0.0.9.jar",
        "  removed    marts/old-subworkflow/",
        "  kept       retired/"), notUnchanged.subList(0, notUnchanged.size() - 1));
    assertArrayEquals(Files.readAllBytes(workflow), read("/apps/changed/ingest/workflow.xml"));
    Set<String> expected = new TreeSet<>(expectedLayout(source));
    expected.addAll(Set.of("retired/", "retired/workflow.xml"));
    assertEquals(expected, list("/apps/changed").keySet());
  }

  /** What the deploy must produce from an oozie/ tree, worked out from its folders, not by the tool's plan. */
  private static Set<String> expectedLayout(Path oozie) throws IOException {
    Set<String> layout = new TreeSet<>();
    try (Stream<Path> apps = Files.list(oozie.resolve("apps"))) {
      for (Path app : apps.toList()) {
        String name = app.getFileName().toString();
        layout.addAll(Set.of(name + "/", name + "/lib/", name + "/lib/" + JOB_JAR));
        try (Stream<Path> files = Files.list(app)) {
          files.filter(f -> Files.isRegularFile(f) && !f.getFileName().toString().startsWith("."))
              .forEach(f -> layout.add(name + "/" + f.getFileName()));
        }
      }
    }
    layout.addAll(Set.of("bundle/", "bundle/bundle.xml", "dq-thresholds.properties", "retention-policy.properties"));
    return layout;
  }

  private static Path source(Path oozie, String deployed) {
    if (deployed.endsWith("/lib/" + JOB_JAR)) {
      return jar;
    }
    return deployed.contains("/") && !deployed.startsWith("bundle/") ? oozie.resolve("apps").resolve(deployed)
        : oozie.resolve(deployed);
  }

  private static Deploy deploy(String apps, Path oozie) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = new DeployTool(new Configuration(fs.getConf()), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8)).run(new String[] {
            "--fs", fs.getUri().toString(), "--apps", apps, "--source", oozie.toString(), "--jar", jar.toString()});
    return new Deploy(exit, err.toString(StandardCharsets.UTF_8));
  }

  /** Every file and directory below {@code dir}, relative to it, directories ending with '/'. */
  private static Map<String, FileStatus> list(String dir) throws IOException {
    Map<String, FileStatus> all = new TreeMap<>();
    collect(new org.apache.hadoop.fs.Path(dir), "", all);
    return all;
  }

  private static void collect(org.apache.hadoop.fs.Path dir, String prefix, Map<String, FileStatus> all)
      throws IOException {
    for (FileStatus child : fs.listStatus(dir)) {
      String relative = prefix + child.getPath().getName();
      if (child.isDirectory()) {
        all.put(relative + "/", child);
        collect(child.getPath(), relative + "/", all);
      } else {
        all.put(relative, child);
      }
    }
  }

  private static byte[] read(String path) throws IOException {
    try (InputStream in = fs.open(new org.apache.hadoop.fs.Path(path))) {
      return in.readAllBytes();
    }
  }

  private static void write(String path, String content) throws IOException {
    try (OutputStream out = fs.create(new org.apache.hadoop.fs.Path(path))) {
      out.write(content.getBytes(StandardCharsets.UTF_8));
    }
  }

  private static String qualified(String path) {
    return fs.makeQualified(new org.apache.hadoop.fs.Path(path)).toString();
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path path : paths.toList()) {
        Path copy = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(copy);
        } else {
          Files.copy(path, copy);
        }
      }
    }
  }

  /** A finished deploy: its exit code and its report (stderr). */
  private record Deploy(int exit, String err) {
    List<String> lines() {
      return err.lines().toList();
    }

    String summary() {
      List<String> lines = new ArrayList<>(lines());
      return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }
  }
}
