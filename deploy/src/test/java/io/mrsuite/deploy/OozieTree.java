package io.mrsuite.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A small oozie/-like directory for the tests, with the files a deploy must leave out. */
final class OozieTree {
  private OozieTree() {
  }

  /** Writes apps a and b, the bundle, a properties file and the files a deploy ignores; returns the folder. */
  static Path write(Path root) throws IOException {
    Path oozie = root.resolve("oozie");
    write(oozie.resolve("apps/a/workflow.xml"), "<workflow-app name='a'/>");
    write(oozie.resolve("apps/a/coordinator.xml"), "<coordinator-app name='a'/>");
    write(oozie.resolve("apps/a/lib/.gitkeep"), "");
    write(oozie.resolve("apps/a/lib/copied-by-hand.jar"), "not deployed");
    write(oozie.resolve("apps/b/workflow.xml"), "<workflow-app name='b'/>");
    write(oozie.resolve("apps/b/coordinator.xml"), "<coordinator-app name='b'/>");
    write(oozie.resolve("apps/b/sub/child-workflow.xml"), "<workflow-app name='child'/>");
    write(oozie.resolve("apps/b/.workflow.xml.swp"), "editor");
    write(oozie.resolve("apps/.hidden/workflow.xml"), "not an app");
    write(oozie.resolve("bundle/bundle.xml"), "<bundle-app/>");
    write(oozie.resolve("dq-thresholds.properties"), "max=1\n");
    write(oozie.resolve("README.md"), "# oozie");
    write(oozie.resolve("job.properties.example"), "nameNode=hdfs://nn:8020\n");
    return oozie;
  }

  static Path jar(Path root) throws IOException {
    return write(root.resolve("build/some-jobs-1.0.jar"), "PK fake jar");
  }

  static Path write(Path file, String content) throws IOException {
    Files.createDirectories(file.getParent());
    return Files.writeString(file, content, StandardCharsets.UTF_8);
  }
}
