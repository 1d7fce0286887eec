package io.mrsuite.jobs.tool;

import io.mrsuite.jobs.local.LocalMode;
import io.mrsuite.jobs.run.JobFailedException;
import io.mrsuite.jobs.run.JobFailures;
import io.mrsuite.jobs.run.MapOutputCompression;
import io.mrsuite.jobs.run.ObjectStoreCommitter;
import io.mrsuite.jobs.run.OozieAction;
import java.io.IOException;
import java.io.PrintStream;
import org.apache.hadoop.conf.Configured;
import org.apache.hadoop.util.Tool;
import org.apache.hadoop.util.ToolRunner;

/**
 * The base class of every mrsuite job.
 *
 * <p>It parses the job's own options after ToolRunner has taken Hadoop's generic ones. On a wrong command
 * line it prints usage and returns 2. Any failure ends with one {@code Error:} line on stderr naming its cause
 * and path, and exit 1; only an unexpected runtime exception (a bug) prints its stack trace before that line. Run by an Oozie {@code java} action, it takes the action's configuration and
 * the launcher's delegation tokens ({@link OozieAction}).
 */
public abstract class MrSuiteTool extends Configured implements Tool {
  /** Exit code for a wrong command line, as in Hadoop's own tools. */
  public static final int EXIT_USAGE = 2;
  public static final int EXIT_FAILED = 1;

  private OozieAction oozieAction;

  /** The job's options, for parsing and for its usage text. */
  protected abstract JobOptions options();

  /** Runs the job with parsed options; throws UsageException for combinations the parser cannot see. */
  protected abstract int run(JobOptions.Parsed options) throws UsageException, IOException, InterruptedException,
      ClassNotFoundException;

  /**
   * Runs as the java action {@code action} describes instead of the one this process was started as: for
   * a runner that executes several workflow actions in one JVM (bin/mrsuite pipeline), where system
   * properties cannot tell side-by-side actions apart.
   */
  public void setOozieAction(OozieAction action) {
    this.oozieAction = action;
  }

  /** The action this run is: the one given to {@link #setOozieAction}, else what this process was handed. */
  protected final OozieAction oozieAction() {
    return oozieAction != null ? oozieAction : OozieAction.ofThisProcess();
  }

  @Override
  public final int run(String[] args) throws Exception {
    oozieAction().configure(getConf());
    LocalMode.configure(getConf());
    MapOutputCompression.configure(getConf());
    ObjectStoreCommitter.configure(getConf());
    JobOptions options = options();
    try {
      return run(options.parse(args));
    } catch (UsageException e) {
      PrintStream err = System.err;
      err.println("Error: " + e.getMessage());
      options.printUsage(err);
      ToolRunner.printGenericCommandUsage(err);
      return EXIT_USAGE;
    } catch (JobFailedException e) {
      System.err.println("Error: " + e.getMessage());
      return EXIT_FAILED;
    } catch (IOException e) {
      // The filesystem or the cluster failed: its message names the path; the trace would bury it.
      System.err.println("Error: " + options.job() + ": " + JobFailures.describe(e));
      return EXIT_FAILED;
    } catch (RuntimeException e) {
      // A bug: the trace for whoever fixes it, then the one line.
      e.printStackTrace();
      System.err.println("Error: " + options.job() + ": " + JobFailures.describe(e));
      return EXIT_FAILED;
    }
  }
}
