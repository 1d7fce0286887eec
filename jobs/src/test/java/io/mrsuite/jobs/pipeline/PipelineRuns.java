package io.mrsuite.jobs.pipeline;

import io.mrsuite.jobs.MrSuiteDriver;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.generic.GenericRecord;
import org.apache.commons.io.FileUtils;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.util.ToolRunner;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;

/** Runs of {@code pipeline} in local mode on generated warehouses, and what they wrote, for the pipeline tests. */
public final class PipelineRuns {
  static final String THRESHOLDS = "../test-data/dq-thresholds.properties";

  private PipelineRuns() {
  }

  /** A run's exit code, its standard output by line and its standard error. */
  public record Run(int exitCode, List<String> out, String err) {
  }

  public static Configuration conf() {
    Configuration conf = new Configuration();
    conf.set("fs.defaultFS", "file:///");
    conf.set("mapreduce.framework.name", "local");
    return conf;
  }

  /** A new warehouse {@code tmp/name} holding a copy of the raw zone of {@code generated}. */
  static Path copyRaw(Path generated, Path tmp, String name) throws IOException {
    Path root = tmp.resolve(name);
    FileUtils.copyDirectory(generated.resolve("raw").toFile(), root.resolve("raw").toFile());
    return root;
  }

  /** {@code pipeline --root ROOT} with the sample's dq thresholds, two actions at once, and {@code args}. */
  public static Run pipeline(Path root, String... args) throws Exception {
    List<String> all = new ArrayList<>(List.of("--root", root.toString(), "--dq-thresholds", THRESHOLDS, "--parallel",
        "2"));
    all.addAll(List.of(args));
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(errors, true, StandardCharsets.UTF_8));
    int exitCode;
    try {
      exitCode = ToolRunner.run(conf(), new MrSuiteDriver.Pipeline(), all.toArray(new String[0]));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
    return new Run(exitCode, printed.toString(StandardCharsets.UTF_8).lines().toList(),
        errors.toString(StandardCharsets.UTF_8));
  }

  /** A mart partition's rows, as text, sorted. */
  public static List<String> martRows(Path partition) throws IOException {
    List<String> rows = new ArrayList<>();
    try (Stream<Path> files = Files.list(partition)) {
      for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".parquet")).sorted().toList()) {
        try (ParquetReader<GenericRecord> reader = AvroParquetReader.<GenericRecord>builder(
            HadoopInputFile.fromPath(new org.apache.hadoop.fs.Path(file.toUri()), conf())).build()) {
          for (GenericRecord record = reader.read(); record != null; record = reader.read()) {
            rows.add(record.toString());
          }
        }
      }
    }
    rows.sort(null);
    return rows;
  }
}
