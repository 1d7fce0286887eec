package io.mrsuite.deploy;

import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * mrsuite-deploy's own command line, after ToolRunner has taken Hadoop's generic options. Every check
 * that needs no file or server is made here, so a wrong command line exits 2 before anything is read.
 * (The jobs' JobOptions is not reused: depending on mrsuite-jobs would put Avro and Parquet on this
 * tool's classpath for the sake of one small parser.)
 *
 * @param fs the filesystem deployed to, e.g. {@code hdfs://nn:8020}
 * @param apps absolute path on it of the directory that holds the apps
 * @param source the local {@code oozie/} directory deployed
 * @param jar the job jar put in each app's {@code lib/}
 * @param oozie the Oozie server the bundle is submitted to, or null
 * @param config the job properties the bundle is submitted with (given exactly when {@code oozie} is)
 * @param dryRun print the plan, change nothing
 */
record DeployOptions(URI fs, String apps, Path source, Path jar, String oozie, Path config, boolean dryRun) {
  private static final List<String> WITH_VALUE = List.of("fs", "apps", "source", "jar", "oozie", "config");
  private static final String FLAG = "dry-run";

  static DeployOptions parse(String[] args) throws UsageException {
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--")) {
        throw new UsageException("unexpected argument '" + arg + "'");
      }
      String name = arg.substring(2);
      String value = null;
      int eq = name.indexOf('=');
      if (eq >= 0) {
        value = name.substring(eq + 1);
        name = name.substring(0, eq);
      }
      if (name.equals(FLAG)) {
        if (value != null) {
          throw new UsageException("--" + FLAG + " takes no value");
        }
        value = "true";
      } else if (!WITH_VALUE.contains(name)) {
        throw new UsageException("unknown option --" + name);
      } else if (value == null) {
        if (i + 1 >= args.length) {
          throw new UsageException("--" + name + " needs a value");
        }
        value = args[++i];
      }
      if (values.put(name, value) != null) {
        throw new UsageException("--" + name + " given twice");
      }
    }
    URI fs = filesystem(required(values, "fs"));
    String apps = required(values, "apps");
    if (!apps.startsWith("/") || apps.contains(":")) {
      throw new UsageException("--apps must be an absolute path on --fs, e.g. /apps/mrsuite, not '" + apps + "'");
    }
    String oozie = values.get("oozie");
    String config = values.get("config");
    if (oozie != null && config == null) {
      throw new UsageException("--oozie needs --config FILE: the job properties to submit the bundle with");
    }
    if (oozie == null && config != null) {
      throw new UsageException("--config is only used with --oozie");
    }
    if (oozie != null && !oozie.matches("https?://.+")) {
      throw new UsageException("--oozie must be the server's http(s) URL, e.g. http://host:11000/oozie");
    }
    return new DeployOptions(fs, apps, local(required(values, "source")), local(required(values, "jar")), oozie,
        config == null ? null : local(config), values.containsKey(FLAG));
  }

  static void printUsage(PrintStream out) {
    out.println("Usage: mrsuite-deploy [generic options] --fs URI --apps PATH --source DIR --jar FILE");
    out.println("                      [--oozie URL --config FILE] [--dry-run]");
    out.println("  --fs URI        filesystem to deploy to, e.g. hdfs://nn:8020");
    out.println("  --apps PATH     absolute directory on it that holds the apps, e.g. /apps/mrsuite");
    out.println("  --source DIR    the oozie/ directory to deploy (bin/mrsuite-deploy: this checkout's)");
    out.println("  --jar FILE      job jar, deployed as <app>/lib/mrsuite-jobs.jar (bin/mrsuite-deploy:");
    out.println("                  jobs/target/mrsuite-jobs.jar, built when missing or older than the sources)");
    out.println("  --oozie URL     then submit and start the bundle on this Oozie server; prints its id on stdout");
    out.println("  --config FILE   job properties to submit with (required with --oozie)");
    out.println("  --dry-run       print what would be uploaded and submitted; touch nothing");
  }

  private static String required(Map<String, String> values, String name) throws UsageException {
    String value = values.get(name);
    if (value == null || value.isEmpty()) {
      throw new UsageException("--" + name + " is required");
    }
    return value;
  }

  private static URI filesystem(String value) throws UsageException {
    try {
      URI uri = new URI(value);
      if (uri.getScheme() == null || (uri.getPath() != null && !uri.getPath().isEmpty() && !uri.getPath().equals("/"))) {
        throw new UsageException("--fs must be a filesystem URI without a path, e.g. hdfs://nn:8020, not '"
            + value + "'");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new UsageException("--fs is not a URI: " + e.getMessage());
    }
  }

  private static Path local(String value) {
    return Paths.get(value).toAbsolutePath().normalize();
  }
}
