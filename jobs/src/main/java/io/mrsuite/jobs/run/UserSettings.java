package io.mrsuite.jobs.run;

import java.util.Arrays;
import org.apache.hadoop.conf.Configuration;

/** Tells a setting someone made (the user, a job, a site file) from one of Hadoop's shipped defaults. */
public final class UserSettings {
  private UserSettings() {
  }

  /** True when {@code key} has a value that is not one of Hadoop's {@code *-default.xml} defaults. */
  public static boolean isSet(Configuration conf, String key) {
    if (conf.get(key) == null) {
      return false;
    }
    String[] sources = conf.getPropertySources(key);
    return sources == null || !Arrays.stream(sources).allMatch(source -> source.endsWith("-default.xml"));
  }
}
