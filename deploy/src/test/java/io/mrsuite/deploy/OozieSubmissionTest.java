package io.mrsuite.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.security.UserGroupInformation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real OozieClient (AuthOozieClient, as the Oozie CLI) against a stub server that records what it posts. */
class OozieSubmissionTest {
  @TempDir
  Path tmp;

  private OozieStub oozie;
  private Path source;
  private Path jar;
  private Path apps;

  @BeforeEach
  void setUp() throws Exception {
    oozie = new OozieStub();
    source = OozieTree.write(tmp);
    jar = OozieTree.jar(tmp);
    apps = tmp.resolve("hdfs/apps/mrsuite");
  }

  @AfterEach
  void tearDown() {
    oozie.close();
  }

  @Test
  void deploysThenPostsTheJobPropertiesWithTheBundlePathAndPrintsTheBundleId() throws Exception {
    Path config = OozieTree.write(tmp.resolve("job.properties"),
        "# comment\nqueueName=etl\nkick_off_time=2026-11-21T00:00Z\nroot=${apps}/../warehouse\n");

    Run run = Run.of("--fs", "file:///", "--apps", apps.toString(), "--source", source.toString(),
        "--jar", jar.toString(), "--oozie", oozie.url(), "--config", config.toString());

    assertEquals(0, run.exit(), run.err());
    assertEquals(List.of(OozieStub.BUNDLE_ID), run.outLines());
    assertTrue(Files.isRegularFile(apps.resolve("bundle/bundle.xml")), "deployed before the submission");
    OozieStub.Request submit = submission();
    assertEquals("/oozie/v2/jobs?action=start&user=" + System.getProperty("user.name"), submit.uri());
    assertTrue(submit.contentType().startsWith("application/xml"), submit.contentType());
    assertEquals(Map.of(
        "oozie.bundle.application.path", "file:" + apps.resolve("bundle"),
        "apps", "file:" + apps,
        "user.name", UserGroupInformation.getCurrentUser().getShortUserName(),
        "queueName", "etl",
        "kick_off_time", "2026-11-21T00:00Z",
        "root", "${apps}/../warehouse"), submit.configuration());
  }

  @Test
  void theFilesOwnPathsAndUserAreKeptWhenTheyNameTheDeployedApps() throws Exception {
    Path config = OozieTree.write(tmp.resolve("job.properties"), "nameNode=file:\n"
        + "apps=${nameNode}" + apps + "/\n"
        + "oozie.bundle.application.path=${apps}/bundle\n"
        + "user.name=etl\n");

    Run run = Run.of("--fs", "file:///", "--apps", apps.toString(), "--source", source.toString(),
        "--jar", jar.toString(), "--oozie", oozie.url(), "--config", config.toString());

    assertEquals(0, run.exit(), run.err());
    assertEquals(Map.of("nameNode", "file:", "apps", "${nameNode}" + apps + "/",
        "oozie.bundle.application.path", "${apps}/bundle", "user.name", "etl"), submission().configuration());
  }

  @Test
  void aFileNamingOtherAppsIsRefusedBeforeAnythingIsWritten() throws Exception {
    Path config = OozieTree.write(tmp.resolve("job.properties"),
        "nameNode=hdfs://nn:8020\napps=${nameNode}/apps/other\n");

    Run run = Run.of("--fs", "file:///", "--apps", apps.toString(), "--source", source.toString(),
        "--jar", jar.toString(), "--oozie", oozie.url(), "--config", config.toString());

    assertEquals(DeployTool.EXIT_FAILED, run.exit());
    assertEquals(List.of("Error: " + config + ": apps=${nameNode}/apps/other (hdfs://nn:8020/apps/other), but the "
        + "apps are deployed to file:" + apps + "; fix the file or --fs/--apps"), run.errLines());
    assertEquals(List.of(), oozie.requests());
    assertTrue(Files.notExists(apps));
  }

  @Test
  void aWorkflowOrCoordinatorSubmissionIsRefused() throws Exception {
    Path config = OozieTree.write(tmp.resolve("job.properties"), "oozie.coord.application.path=/apps/x/ingest\n");

    Run run = Run.of("--fs", "file:///", "--apps", apps.toString(), "--source", source.toString(),
        "--jar", jar.toString(), "--oozie", oozie.url(), "--config", config.toString());

    assertEquals(DeployTool.EXIT_FAILED, run.exit());
    assertTrue(run.err().contains("sets oozie.coord.application.path"), run.err());
  }

  @Test
  void aBundleTheServerRefusesExits1WithItsErrorCode() throws Exception {
    Path config = OozieTree.write(tmp.resolve("job.properties"), "queueName=etl\n");
    oozie.refuseWith("E1310");

    Run run = Run.of("--fs", "file:///", "--apps", apps.toString(), "--source", source.toString(),
        "--jar", jar.toString(), "--oozie", oozie.url(), "--config", config.toString());

    assertEquals(DeployTool.EXIT_FAILED, run.exit());
    String last = run.errLines().get(run.errLines().size() - 1);
    assertTrue(last.startsWith("Error: Oozie at " + oozie.url() + " did not start the bundle: E1310 bundle app definition invalid"), last);
    assertEquals("", run.out());
  }

  private OozieStub.Request submission() {
    List<OozieStub.Request> posts = oozie.requests().stream().filter(r -> r.method().equals("POST")).toList();
    assertEquals(1, posts.size(), oozie.requests().toString());
    return posts.get(0);
  }
}
