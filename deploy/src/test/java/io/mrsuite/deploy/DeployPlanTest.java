package io.mrsuite.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeployPlanTest {
  @TempDir
  Path tmp;

  @Test
  void everyAppFolderWithTheJarThenTheBundleAndTheSharedProperties() throws IOException {
    Path oozie = OozieTree.write(tmp);
    Path jar = OozieTree.jar(tmp);

    DeployPlan plan = DeployPlan.of(oozie, jar);

    List<DeployPlan.Entry> expected = List.of(
        entry("a/lib/mrsuite-jobs.jar", jar),
        entry("b/lib/mrsuite-jobs.jar", jar),
        entry("dq-thresholds.properties", oozie.resolve("dq-thresholds.properties")),
        entry("a/workflow.xml", oozie.resolve("apps/a/workflow.xml")),
        entry("b/sub/child-workflow.xml", oozie.resolve("apps/b/sub/child-workflow.xml")),
        entry("b/workflow.xml", oozie.resolve("apps/b/workflow.xml")),
        entry("a/coordinator.xml", oozie.resolve("apps/a/coordinator.xml")),
        entry("b/coordinator.xml", oozie.resolve("apps/b/coordinator.xml")),
        entry("bundle/bundle.xml", oozie.resolve("bundle/bundle.xml")));
    assertEquals(expected, plan.entries());
    assertEquals(List.of("a", "b", "bundle"), List.copyOf(plan.ownedDirectories()));
  }

  @Test
  void aNewAppFolderIsDeployedWithoutCodeChange() throws IOException {
    Path oozie = OozieTree.write(tmp);
    OozieTree.write(oozie.resolve("apps/c/workflow.xml"), "<workflow-app name='c'/>");

    DeployPlan plan = DeployPlan.of(oozie, OozieTree.jar(tmp));

    assertTrue(plan.entries().stream().anyMatch(e -> e.destination().equals("c/lib/mrsuite-jobs.jar")));
    assertTrue(plan.entries().stream().anyMatch(e -> e.destination().equals("c/workflow.xml")));
    assertEquals(Set.of("a", "b", "c", "bundle"), plan.ownedDirectories());
  }

  @Test
  void refusesWhatIsNotAnOozieTree() throws IOException {
    Path oozie = OozieTree.write(tmp);
    Path jar = OozieTree.jar(tmp);
    DeployException noJar = assertThrows(DeployException.class,
        () -> DeployPlan.of(oozie, tmp.resolve("missing.jar")));
    assertTrue(noJar.getMessage().startsWith("job jar "), noJar.getMessage());

    Files.delete(oozie.resolve("bundle/bundle.xml"));
    DeployException noBundle = assertThrows(DeployException.class, () -> DeployPlan.of(oozie, jar));
    assertTrue(noBundle.getMessage().contains("bundle/bundle.xml"), noBundle.getMessage());
  }

  @Test
  void anAppCannotTakeTheBundlesName() throws IOException {
    Path oozie = OozieTree.write(tmp);
    OozieTree.write(oozie.resolve("apps/bundle/workflow.xml"), "<workflow-app/>");
    assertThrows(DeployException.class, () -> DeployPlan.of(oozie, OozieTree.jar(tmp)));
  }

  private static DeployPlan.Entry entry(String destination, Path source) throws IOException {
    return new DeployPlan.Entry(destination, source, Files.size(source));
  }
}
