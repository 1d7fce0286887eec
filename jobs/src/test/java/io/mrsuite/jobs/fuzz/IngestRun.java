package io.mrsuite.jobs.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.util.Tool;
import org.apache.hadoop.util.ToolRunner;

/** Runs one ingest job in local mode as {@code bin/mrsuite} would, and keeps what it printed. */
record IngestRun(int exitCode, String stdout, String stderr, long millis) {
  /** Split size for the CSV jobs: small enough that a file with a record of 1 MiB is read as several splits. */
  static final long CSV_SPLIT_BYTES = 256 * 1024;

  static IngestRun of(Tool job, Configuration conf, String... args) throws Exception {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
    long start = System.nanoTime();
    int exit;
    try {
      exit = ToolRunner.run(conf, job, args);
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
    return new IngestRun(exit, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8),
        (System.nanoTime() - start) / 1_000_000);
  }

  /** Local mode on the local file system, as the tests of every job run. */
  static Configuration localConf() {
    Configuration conf = new Configuration();
    conf.set("fs.defaultFS", "file:///");
    conf.set("mapreduce.framework.name", "local");
    return conf;
  }

  static String[] rootAndDate(Path root, String date) {
    return new String[] {"--root", root.toString(), "--date", date};
  }
}
