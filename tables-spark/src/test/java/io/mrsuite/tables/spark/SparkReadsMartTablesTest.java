package io.mrsuite.tables.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.apache.commons.io.FileUtils;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample day's marts built by the job jar as {@code hadoop jar} runs it, with their Iceberg tables in a Hadoop
 * catalog; Spark SQL reads each table through the same catalog (iceberg-spark-runtime) and finds exactly the mart
 * partition's rows, with the mart's column types.
 */
class SparkReadsMartTablesTest {
  private static final Path TOP = Paths.get("..");
  private static final List<String> MARTS = List.of("product_daily", "funnel_daily", "top_products", "revenue_daily");

  @TempDir
  Path tmp;

  /** Each column's name and type. */
  private static List<String> columns(Dataset<Row> rows) {
    return java.util.Arrays.stream(rows.schema().fields()).map(field -> field.name() + " "
        + field.dataType().simpleString()).toList();
  }

  @Test
  void sparkReadsEachTableThroughTheCatalogAsTheMartPartition() throws Exception {
    Path root = tmp.resolve("warehouse");
    FileUtils.copyDirectory(TOP.resolve("test-data/warehouse/raw").toFile(), root.resolve("raw").toFile());
    Path jobJar = TOP.resolve("jobs/target/mrsuite-jobs.jar");
    assertTrue(Files.exists(jobJar), jobJar + " is missing: build the project first (./mvnw -B package)");
    String hadoopClasspath = Files.readString(TOP.resolve(
        "build-support/hadoop-classpath/hadoop-3.4/target/classpath.txt")).trim();
    Path log = tmp.resolve("pipeline.log");
    ProcessBuilder pipeline = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", hadoopClasspath, "org.apache.hadoop.util.RunJar",
        jobJar.toString(), "pipeline",
        "-D", "mrsuite.tables.catalog.type=hadoop", "--root", root.toString(), "--date", "2026-11-20",
        "--dq-thresholds", TOP.resolve("test-data/dq-thresholds.properties").toString())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    pipeline.environment().put("HADOOP_CLIENT_SKIP_UNJAR", "true");
    assertEquals(0, pipeline.start().waitFor(), Files.readString(log));

    try (SparkSession spark = SparkSession.builder().master("local[2]").appName("mrsuite tables")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.catalog.mrsuite", "org.apache.iceberg.spark.SparkCatalog")
        .config("spark.sql.catalog.mrsuite.type", "hadoop")
        .config("spark.sql.catalog.mrsuite.warehouse", root.resolve("tables").toUri().toString())
        .getOrCreate()) {
      for (String mart : MARTS) {
        Dataset<Row> table = spark.sql("SELECT * FROM mrsuite.marts." + mart);
        Dataset<Row> partition = spark.read().parquet(root.resolve("marts/" + mart + "/dt=2026-11-20").toUri()
            .toString());
        // The table also says which columns are required and carries the schema's docs as comments.
        assertEquals(columns(partition), columns(table), mart);
        long rows = partition.count();
        assertTrue(rows > 0, mart);
        assertEquals(rows, table.count(), mart);
        assertEquals(0, table.exceptAll(partition).count(), mart + ": rows only in the table");
        assertEquals(0, partition.exceptAll(table).count(), mart + ": rows only in the mart");
      }
    }
  }
}
