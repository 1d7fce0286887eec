package io.mrsuite.deploy;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Properties;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.oozie.client.OozieClient;

/**
 * The configuration the bundle is submitted with, checked against where the apps were just deployed.
 *
 * <p>It is the user's job properties (oozie/job.properties.example) plus the values the tool adds. The check
 * means a deploy never starts a bundle that runs other copies of the apps.
 *
 * <ul>
 *   <li>{@code apps} (the bundle's parameter: {@code ${apps}/ingest}, ..., {@code ${apps}/dq-thresholds.properties})
 *       and {@code oozie.bundle.application.path} ({@code <apps>/bundle}) are set when absent; when present they
 *       must resolve to exactly those paths, or the submission is refused.
 *   <li>A workflow or coordinator application path is refused: the tool submits the bundle only.
 *   <li>{@code user.name} is set when absent, to the Hadoop user the files were written as.
 * </ul>
 *
 * <p>Values are resolved as the Oozie server resolves them, by Hadoop's {@code ${name}} substitution over the
 * file's own properties ({@code apps=${nameNode}/apps/mrsuite}); the file is sent as written, with the
 * values the tool adds.
 */
final class BundleConfig {
  private static final String APPS = "apps";
  private static final List<String> OTHER_APP_PATHS =
      List.of(OozieClient.APP_PATH, OozieClient.COORDINATOR_APP_PATH);

  private BundleConfig() {
  }

  static Properties load(java.nio.file.Path file, Path appsDir, String user) throws DeployException {
    Properties properties = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(in);
    } catch (IOException e) {
      throw new DeployException("cannot read --config " + file + ": " + e.getMessage(), e);
    }
    for (String key : OTHER_APP_PATHS) {
      if (properties.containsKey(key)) {
        throw new DeployException(file + " sets " + key + "; mrsuite-deploy submits the bundle only ("
            + OozieClient.BUNDLE_APP_PATH + ")");
      }
    }
    require(properties, file, APPS, appsDir);
    require(properties, file, OozieClient.BUNDLE_APP_PATH, new Path(appsDir, DeployPlan.BUNDLE));
    properties.putIfAbsent(OozieClient.USER_NAME, user);
    return properties;
  }

  private static void require(Properties properties, java.nio.file.Path file, String key, Path expected)
      throws DeployException {
    String value = properties.getProperty(key);
    if (value == null) {
      properties.setProperty(key, expected.toString());
      return;
    }
    String resolved = resolve(properties, key);
    if (resolved.isEmpty() || !new Path(resolved).equals(expected)) {
      throw new DeployException(file + ": " + key + "=" + value
          + (resolved.equals(value) ? "" : " (" + resolved + ")") + ", but the apps are deployed to "
          + expected + "; fix the file or --fs/--apps");
    }
  }

  private static String resolve(Properties properties, String key) {
    Configuration conf = new Configuration(false);
    for (String name : properties.stringPropertyNames()) {
      conf.set(name, properties.getProperty(name));
    }
    return conf.get(key).trim();
  }
}
