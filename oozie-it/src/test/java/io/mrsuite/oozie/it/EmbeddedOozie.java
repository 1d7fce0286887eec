package io.mrsuite.oozie.it;

import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.oozie.client.OozieClient;
import org.apache.oozie.local.LocalOozie;
import org.apache.oozie.test.MiniOozieTestCase;

/**
 * A real Oozie (LocalOozie, in-memory database) over MiniDFSCluster + MiniYARN, from Oozie's own test base.
 * MiniOozieTestCase is a JUnit 3 TestCase that starts and stops Oozie around every test method; this
 * holds one instance so that a JUnit 5 class starts it once, in {@code @BeforeAll}.
 */
final class EmbeddedOozie extends MiniOozieTestCase {
  /** Oozie's default action-configuration directory, in its configuration directory. */
  private static final String ACTION_CONF_DIR = "action-conf";

  /** @param name names the working directories the base class makes (oozie.test.dir/oozietests/...) */
  EmbeddedOozie(String name) {
    setName(name);
  }

  void start() throws Exception {
    setUp();
  }

  void stop() throws Exception {
    tearDown();
  }

  /**
   * Sets what this Oozie adds to the configuration of every action of {@code actionType}, as an Oozie
   * administrator does in {@code action-conf/<type>.xml} (oozie.service.HadoopAccessorService
   * .action.configurations). Oozie reads the file when it first runs such an action.
   */
  void setActionDefaults(String actionType, Map<String, String> defaults) throws IOException {
    Configuration conf = new Configuration(false);
    defaults.forEach(conf::set);
    File file = new File(new File(getTestCaseConfDir(), ACTION_CONF_DIR), actionType + ".xml");
    try (OutputStream out = new FileOutputStream(file)) {
      conf.writeXml(out);
    }
  }

  /** HDFS, as the user jobs are submitted for. */
  FileSystem fs() {
    return getFileSystem();
  }

  /** A fresh HDFS directory of that user, for this instance. */
  Path dir() {
    return getFsTestCaseDir();
  }

  String nameNode() {
    return getNameNodeUri();
  }

  String resourceManager() {
    return getJobTrackerUri();
  }

  /** The user workflows run as. */
  String user() {
    return getTestUser();
  }

  OozieClient workflows() {
    return getClient();
  }

  OozieClient coordinators() {
    return LocalOozie.getCoordClient();
  }
}
