package io.mrsuite.jobs.run;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Properties;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.MRJobConfig;
import org.apache.hadoop.security.UserGroupInformation;

/**
 * The contract of an Oozie {@code java} action with the program it runs.
 *
 * <p>Oozie hands over the action's Hadoop configuration as a local XML file and the launcher's delegation
 * tokens as a token file. It reads back a properties file when the action has {@code capture-output}. This is
 * the "Java Action" of the Oozie workflow spec. Outside Oozie none of these files is named and nothing
 * changes.
 */
public final class OozieAction {
  /** System property: local file with the site configuration plus the action's {@code <configuration>}. */
  public static final String ACTION_CONF_XML = "oozie.action.conf.xml";
  /** System property: local file whose properties become {@code wf:actionData(action)}. */
  public static final String OUTPUT_PROPERTIES = "oozie.action.output.properties";
  /** Environment variable: the launcher's token file (set by YARN in every container). */
  public static final String TOKEN_FILE_ENV = UserGroupInformation.HADOOP_TOKEN_FILE_LOCATION;

  private final String actionConfXml;
  private final String outputProperties;
  private final String tokenFile;

  /**
   * @param actionConfXml the action configuration file, or null
   * @param outputProperties the capture-output file, or null
   * @param tokenFile the launcher's token file, or null
   */
  public OozieAction(String actionConfXml, String outputProperties, String tokenFile) {
    this.actionConfXml = actionConfXml;
    this.outputProperties = outputProperties;
    this.tokenFile = tokenFile;
  }

  /** What this process was handed: Oozie's system properties and YARN's token file variable. */
  public static OozieAction ofThisProcess() {
    return new OozieAction(System.getProperty(ACTION_CONF_XML), System.getProperty(OUTPUT_PROPERTIES),
        System.getenv(TOKEN_FILE_ENV));
  }

  /**
   * Adds the action configuration (without it a submitted job sees only the *-default.xml values, not
   * the cluster's nor the workflow's) and makes the jobs submitted with {@code conf} carry the launcher's
   * delegation tokens, without which they cannot reach HDFS or YARN on a secure cluster. Values set on
   * {@code conf} directly, such as {@code -D} options, stay above the action configuration.
   */
  public void configure(Configuration conf) {
    if (actionConfXml != null) {
      conf.addResource(new Path("file:///", actionConfXml));
    }
    if (tokenFile != null) {
      conf.set(MRJobConfig.MAPREDUCE_JOB_CREDENTIALS_BINARY, tokenFile);
    }
  }

  /** Writes {@code data} for capture-output; does nothing when Oozie named no output file. */
  public void captureOutput(Properties data) throws IOException {
    if (outputProperties == null) {
      return;
    }
    try (OutputStream out = Files.newOutputStream(Paths.get(outputProperties))) {
      data.store(out, null);
    }
  }
}
