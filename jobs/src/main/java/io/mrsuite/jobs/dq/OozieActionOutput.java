package io.mrsuite.jobs.dq;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Properties;

/**
 * Oozie's capture-output for a java action: when Oozie runs the action it names a local file in the system
 * property {@value #OUTPUT_PROPERTIES}; the properties written there become {@code wf:actionData('node')}.
 * Self-contained here on purpose; a shared helper may replace it.
 */
final class OozieActionOutput {
  static final String OUTPUT_PROPERTIES = "oozie.action.output.properties";
  /**
   * Oozie refuses captured output above {@code oozie.action.max.output.data} (2048 characters by default),
   * so a long list of failed checks is cut to fit well below it.
   */
  static final int MAX_VALUE_CHARS = 1500;

  private OozieActionOutput() {
  }

  /** Writes {@code values} to the file Oozie named; does nothing outside Oozie. Returns whether it wrote. */
  static boolean write(Properties values) throws IOException {
    String file = System.getProperty(OUTPUT_PROPERTIES);
    if (file == null || file.isEmpty()) {
      return false;
    }
    try (OutputStream out = Files.newOutputStream(Paths.get(file))) {
      values.store(out, "dq-report");
    }
    return true;
  }

  /** {@code items} joined by commas, cut at whole items to at most {@value #MAX_VALUE_CHARS} characters. */
  static String joinWithin(Iterable<String> items) {
    StringBuilder joined = new StringBuilder();
    int left = 0;
    for (String item : items) {
      if (left > 0 || joined.length() + item.length() + 1 > MAX_VALUE_CHARS - 20) {
        left++;
        continue;
      }
      joined.append(joined.length() == 0 ? "" : ",").append(item);
    }
    return left == 0 ? joined.toString() : joined + ",...(" + left + " more)";
  }
}
