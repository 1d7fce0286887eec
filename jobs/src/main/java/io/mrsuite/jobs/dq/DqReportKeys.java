package io.mrsuite.jobs.dq;

import org.apache.hadoop.conf.Configuration;

/** Configuration keys of dq-report. Only these methods touch the key strings. */
public final class DqReportKeys {
  /**
   * log2 of the HLL sketches' bucket count (4..21). 12 gives a relative standard error of about 1.6% and
   * sketches of at most 2.6 KB per column.
   */
  public static final String HLL_LG_K = "mrsuite.dq-report.hll-lg-k";
  public static final int DEFAULT_HLL_LG_K = 12;

  private DqReportKeys() {
  }

  public static void setHllLgK(Configuration conf, int lgK) {
    conf.setInt(HLL_LG_K, lgK);
  }

  public static int hllLgK(Configuration conf) {
    int lgK = conf.getInt(HLL_LG_K, DEFAULT_HLL_LG_K);
    if (lgK < 4 || lgK > 21) {
      throw new IllegalArgumentException(HLL_LG_K + " must be 4..21: " + lgK);
    }
    return lgK;
  }
}
