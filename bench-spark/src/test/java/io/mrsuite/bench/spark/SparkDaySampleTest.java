package io.mrsuite.bench.spark;

import io.mrsuite.bench.PeerDaySampleTests;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * The Spark peer on the hand-checked sample warehouse: its marts are the expected ones, as ours must be. One
 * Spark session for the class.
 */
class SparkDaySampleTest extends PeerDaySampleTests {
  @Override
  protected Map<String, Long> runPeer(Path warehouse, LocalDate day, int lateDays, Path out) throws Exception {
    try (SparkSession spark = SparkDay.session(THREADS)) {
      return new SparkDay(spark, warehouse, day, lateDays).run(out);
    }
  }
}
