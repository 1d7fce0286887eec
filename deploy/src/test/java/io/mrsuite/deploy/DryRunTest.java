package io.mrsuite.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DryRunTest {
  @TempDir
  Path tmp;

  @Test
  void listsExactlyThePlannedFilesAndCreatesNothing() throws Exception {
    Path source = OozieTree.write(tmp);
    Path jar = OozieTree.jar(tmp);
    Path apps = tmp.resolve("hdfs/apps/mrsuite");

    Run run = Run.of("--fs", "file:///", "--apps", apps.toString(), "--source", source.toString(),
        "--jar", jar.toString(), "--dry-run");

    assertEquals(0, run.exit(), run.err());
    List<String> expected = new ArrayList<>();
    expected.add("dry run: would deploy to file:" + apps + " (nothing is written)");
    for (DeployPlan.Entry entry : DeployPlan.of(source, jar).entries()) {
      expected.add("file:" + apps + "/" + entry.destination() + "  <-  " + entry.source() + "  ("
          + Files.size(entry.source()) + " bytes)");
    }
    expected.add("then remove any other file in a/, b/, bundle/");
    assertEquals(expected, run.outLines());
    assertEquals(11, expected.size(), "9 files: 2 jars, the properties, 5 app files, the bundle");
    assertFalse(Files.exists(tmp.resolve("hdfs")), "no directory created");
  }

  @Test
  void showsTheSubmissionWithoutContactingTheFilesystemOrOozie() throws Exception {
    Path source = OozieTree.write(tmp);
    Path config = OozieTree.write(tmp.resolve("job.properties"),
        "nameNode=hdfs://nn.invalid:8020\napps=${nameNode}/apps/mrsuite\nqueueName=etl\nuser.name=etl\n");
    try (OozieStub oozie = new OozieStub()) {
      Run run = Run.of("--fs", "hdfs://nn.invalid:8020", "--apps", "/apps/mrsuite", "--source", source.toString(),
          "--jar", OozieTree.jar(tmp).toString(), "--oozie", oozie.url(), "--config", config.toString(),
          "--dry-run");

      assertEquals(0, run.exit(), run.err());
      List<String> lines = run.outLines();
      assertEquals(List.of(
          "then submit and start the bundle on " + oozie.url() + " with:",
          "  apps=${nameNode}/apps/mrsuite",
          "  nameNode=hdfs://nn.invalid:8020",
          "  oozie.bundle.application.path=hdfs://nn.invalid:8020/apps/mrsuite/bundle",
          "  queueName=etl",
          "  user.name=etl"), lines.subList(lines.size() - 6, lines.size()));
      assertEquals(List.of(), oozie.requests());
    }
  }
}
