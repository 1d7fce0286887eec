package io.mrsuite.bench.spark;

import io.mrsuite.bench.PeerCheck;
import org.apache.spark.sql.SparkSession;

/**
 * Times the Spark peer on one event date, in local[threads], and reports its time only when its marts equal
 * ours ({@link PeerCheck}; the comparison runs after Spark has stopped).
 */
public final class SparkPeerCheck {
  private SparkPeerCheck() {
  }

  public static void main(String[] args) throws Exception {
    PeerCheck.main("spark", "Spark's local threads (local[N])", args, day -> {
      try (SparkSession spark = SparkDay.session(day.threads())) {
        return new SparkDay(spark, day.root(), day.date(), day.lateDays()).run(day.out());
      }
    });
  }
}
