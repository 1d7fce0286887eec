package io.mrsuite.jobs.pipeline;

import java.util.List;
import java.util.Map;

/** Runs a workflow's {@code java} actions: what Oozie's launcher does for each one on a cluster. */
interface JavaActions {
  /**
   * Runs {@code mainClass} with {@code args} under the action configuration {@code actionConf}, and returns
   * how it ended and, with capture-output, the properties it wrote. A program that throws is an ended
   * action with an error, not an exception of this method.
   */
  ActionResult run(String node, String mainClass, List<String> args, Map<String, String> actionConf,
      boolean captureOutput);

  /**
   * @param exitCode the program's exit code (0: the action is OK)
   * @param data the captured output, empty without capture-output
   * @param error why it failed, as Oozie words it for wf:errorMessage; null when it exited 0
   */
  record ActionResult(int exitCode, Map<String, String> data, String error) {
    boolean ok() {
      return exitCode == 0 && error == null;
    }
  }
}
