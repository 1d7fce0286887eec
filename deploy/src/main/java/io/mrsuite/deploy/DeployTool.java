package io.mrsuite.deploy;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Properties;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.security.UserGroupInformation;
import org.apache.hadoop.util.GenericOptionsParser;
import org.apache.hadoop.util.ToolRunner;

/**
 * Uploads the Oozie apps of an {@code oozie/} directory to a Hadoop filesystem and can start their bundle.
 *
 * <p>This is {@code mrsuite-deploy} (docs/deploy.md). With {@code --oozie} it also submits and starts the
 * bundle.
 *
 * <p>Hadoop's generic options ({@code -D}, {@code -conf core-site.xml}) come first and configure the
 * filesystem client, as for the jobs. They are parsed here and not by ToolRunner, whose parser would take
 * {@code --fs} for its own {@code -fs}.
 *
 * <p>The upload report goes to stderr and the bundle id alone to stdout ({@code id=$(bin/mrsuite-deploy ...)});
 * a dry run prints its plan on stdout. Exit codes as the jobs': 2 on a wrong command line, 1 on a failure,
 * with one line saying why.
 */
public final class DeployTool {
  static final int EXIT_USAGE = 2;
  static final int EXIT_FAILED = 1;

  private final Configuration conf;
  private final PrintStream out;
  private final PrintStream err;

  public DeployTool(Configuration conf, PrintStream out, PrintStream err) {
    this.conf = conf;
    this.out = out;
    this.err = err;
  }

  public static void main(String[] args) {
    System.exit(new DeployTool(new Configuration(), System.out, System.err).run(args));
  }

  /** Runs one deploy; returns the exit code. */
  public int run(String[] args) {
    DeployOptions options;
    try {
      options = DeployOptions.parse(genericOptions(args));
    } catch (UsageException e) {
      err.println("Error: " + e.getMessage());
      DeployOptions.printUsage(err);
      ToolRunner.printGenericCommandUsage(err);
      return EXIT_USAGE;
    }
    try {
      return deploy(options);
    } catch (IOException e) {
      String message = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
      err.println("Error: " + message);
      return EXIT_FAILED;
    }
  }

  /** Applies the leading generic options to the configuration; returns the rest, the tool's own. */
  private String[] genericOptions(String[] args) throws UsageException {
    int own = 0;
    while (own < args.length && !args[own].startsWith("--")) {
      own++;
    }
    try {
      GenericOptionsParser parser = new GenericOptionsParser(conf, Arrays.copyOfRange(args, 0, own));
      if (!parser.isParseSuccessful()) {
        throw new UsageException("wrong generic options " + String.join(" ", Arrays.copyOfRange(args, 0, own)));
      }
      if (parser.getRemainingArgs().length > 0) {
        throw new UsageException("unexpected argument '" + parser.getRemainingArgs()[0] + "'");
      }
    } catch (IOException e) {
      throw new UsageException("wrong generic options: " + e.getMessage());
    }
    return Arrays.copyOfRange(args, own, args.length);
  }

  private int deploy(DeployOptions options) throws IOException {
    // A -conf or -D naming Kerberos must reach the login, which otherwise reads only the default resources.
    UserGroupInformation.setConfiguration(conf);
    DeployPlan plan = DeployPlan.of(options.source(), options.jar());
    Path apps = new Path(options.fs().getScheme(), options.fs().getAuthority(), options.apps());
    Properties submission = options.oozie() == null ? null
        : BundleConfig.load(options.config(), apps, UserGroupInformation.getCurrentUser().getShortUserName());
    if (options.dryRun()) {
      printDryRun(plan, apps, options.oozie(), submission);
      return 0;
    }
    FileSystem fs = FileSystem.get(options.fs(), conf);
    FileContext fc = FileContext.getFileContext(options.fs(), conf);
    new AppUploader(fs, fc, conf).upload(plan, apps).print(err, apps.toString());
    if (submission != null) {
      out.println(new OozieSubmitter(options.oozie()).run(submission));
    }
    return 0;
  }

  /** Reads only local files: no filesystem or server is contacted, so nothing can change. */
  private void printDryRun(DeployPlan plan, Path apps, String oozie, Properties submission) {
    out.println("dry run: would deploy to " + apps + " (nothing is written)");
    for (DeployPlan.Entry entry : plan.entries()) {
      out.println(new Path(apps, entry.destination()) + "  <-  " + entry.source() + "  (" + entry.size()
          + " bytes)");
    }
    out.println("then remove any other file in " + String.join("/, ", plan.ownedDirectories()) + "/");
    if (submission != null) {
      out.println("then submit and start the bundle on " + oozie + " with:");
      for (String key : new TreeSet<>(submission.stringPropertyNames())) {
        out.println("  " + key + "=" + submission.getProperty(key));
      }
    }
  }
}
