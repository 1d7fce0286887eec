package io.mrsuite.jobs.tool;

import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.util.GenericOptionsParser;

/**
 * Checks a job's command line the way the job itself reads it, without running it: Hadoop's generic
 * options first (as ToolRunner takes them), then the job's own {@link JobOptions}. In this package
 * because {@link MrSuiteTool#options()} is protected.
 */
public final class JobCommandLines {
  private JobCommandLines() {
  }

  /** Parses {@code args} as {@code jobClass} would; throws UsageException where the job would print usage. */
  public static JobOptions.Parsed parse(Class<?> jobClass, String[] args) throws UsageException, IOException {
    if (!MrSuiteTool.class.isAssignableFrom(jobClass)) {
      throw new IllegalArgumentException(jobClass.getName() + " is not an MrSuiteTool");
    }
    MrSuiteTool tool;
    try {
      tool = (MrSuiteTool) jobClass.getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot create " + jobClass.getName(), e);
    }
    String[] own = new GenericOptionsParser(new Configuration(false), args).getRemainingArgs();
    return tool.options().parse(own);
  }
}
