package io.mrsuite.jobs.pipeline;

import java.io.IOException;
import java.io.InputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * Where the pipeline reads an app's {@code workflow.xml} from.
 *
 * <p>That is either the copy of {@code oozie/apps} built into the job jar (the same files, at
 * {@value #BUNDLED}), or a directory of apps on any Hadoop filesystem, such as the one deployed for Oozie.
 */
final class WorkflowSource {
  static final String BUNDLED = "oozie/apps";
  static final String WORKFLOW_FILE = "workflow.xml";

  private final Path apps;
  private final Configuration conf;

  /** @param apps a directory holding one folder per app, or null for the jar's copy */
  WorkflowSource(Path apps, Configuration conf) {
    this.apps = apps;
    this.conf = conf;
  }

  Workflow load(String app) throws IOException, UnsupportedWorkflowException {
    if (apps == null) {
      String resource = BUNDLED + "/" + app + "/" + WORKFLOW_FILE;
      try (InputStream in = WorkflowSource.class.getClassLoader().getResourceAsStream(resource)) {
        if (in == null) {
          throw new IOException("the job jar has no " + resource);
        }
        return WorkflowXml.read(in, "jar:" + resource);
      }
    }
    Path file = new Path(new Path(apps, app), WORKFLOW_FILE);
    try (InputStream in = file.getFileSystem(conf).open(file)) {
      return WorkflowXml.read(in, file.toString());
    }
  }
}
