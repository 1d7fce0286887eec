package io.mrsuite.jobs.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;

/** The checkout's oozie/apps, as the tests read them (the jar carries copies of the same files). */
final class OozieApps {
  static final Path DIR = Paths.get("..", "oozie", "apps");

  private OozieApps() {
  }

  static Workflow load(String app) throws IOException, UnsupportedWorkflowException {
    Path file = workflowFile(app);
    try (InputStream in = Files.newInputStream(file)) {
      return WorkflowXml.read(in, file.toString());
    }
  }

  /** The app's workflow.xml as text, for a test to change a copy of it. */
  static String text(String app) throws IOException {
    return Files.readString(workflowFile(app));
  }

  private static Path workflowFile(String app) {
    return DIR.resolve(app).resolve(WorkflowSource.WORKFLOW_FILE);
  }

  /** Every app folder that holds a workflow. */
  static List<String> withWorkflows() throws IOException {
    try (Stream<Path> apps = Files.list(DIR)) {
      return apps.filter(app -> Files.exists(app.resolve(WorkflowSource.WORKFLOW_FILE)))
          .map(app -> app.getFileName().toString()).sorted().toList();
    }
  }
}
