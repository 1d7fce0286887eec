package io.mrsuite.jobs.common.keyed;

import io.mrsuite.formats.avro.JoinKey;
import io.mrsuite.formats.avro.SourcedRecord;
import io.mrsuite.formats.csv.CsvInputFormat;
import io.mrsuite.formats.partition.DatePartitions;
import io.mrsuite.formats.partition.MissingPartitionsException;
import io.mrsuite.jobs.common.CuratedRun;
import io.mrsuite.jobs.common.Dates;
import io.mrsuite.jobs.common.JobFailedException;
import io.mrsuite.jobs.common.JobOptions;
import io.mrsuite.jobs.common.MrSuiteTool;
import io.mrsuite.jobs.common.UsageException;
import io.mrsuite.jobs.common.Warehouse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.avro.Schema;
import org.apache.avro.mapreduce.AvroJob;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.Counters;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.Mapper;
import org.apache.hadoop.mapreduce.Reducer;
import org.apache.hadoop.mapreduce.lib.input.MultipleInputs;

/**
 * A job that ingests one day's CSV export(s) into one curated dataset through a reduce phase keyed by a
 * business key: each raw dataset has its {@link CsvIngestMapper}, the shuffle groups records by key in
 * (kind, sequence, source file, offset) order, and the reducer keeps, joins or rejects them.
 *
 * <p>{@code --root ROOT --date D} reads {@code raw/<dataset>/dt=D} for each input dataset and writes
 * {@code curated/<dataset>/dt=D} and {@code quarantine/<dataset>/dt=D}; the explicit form names each
 * input ({@code --<dataset> PATH}) and both outputs.
 */
public abstract class KeyedCsvIngestJob extends MrSuiteTool {

  /** One raw CSV dataset the job reads, with the format that checks its header and the mapper that validates it. */
  public record CsvInput(String dataset, Class<? extends CsvInputFormat> format,
      Class<? extends Mapper<?, ?, ?, ?>> mapper) {
    String option() {
      return dataset.replace('_', '-');
    }
  }

  /** The job's name in the driver. */
  protected abstract String name();

  protected abstract List<CsvInput> inputs();

  /** The curated (and quarantine) dataset written. */
  protected abstract String curatedDataset();

  protected abstract Schema outputSchema();

  protected abstract Class<? extends Reducer<?, ?, ?, ?>> reducer();

  /** Checks the main output's record count against the job's own counters. */
  protected abstract Function<Counters, List<String>> outputCheck();

  @Override
  protected JobOptions options() {
    StringBuilder explicit = new StringBuilder();
    for (CsvInput input : inputs()) {
      explicit.append("--").append(input.option()).append(" PATH ");
    }
    JobOptions options = new JobOptions(name(), "--root ROOT --date D\n" + explicit
        + "--output DIR --quarantine DIR [--date D]")
        .option("root", "ROOT", "warehouse root (local path or hdfs://...)")
        .option("date", "D", "export date YYYY-MM-DD; with explicit inputs, defaults to their dt=");
    for (CsvInput input : inputs()) {
      options.option(input.option(), "PATH", input.dataset() + " CSV files, directories or globs, instead of --root");
    }
    return options
        .option("output", "DIR", "curated output directory (explicit form); replaced whole")
        .option("quarantine", "DIR", "quarantine output directory (explicit form); replaced whole");
  }

  @Override
  protected int run(JobOptions.Parsed options) throws UsageException, IOException, InterruptedException,
      ClassNotFoundException {
    Configuration conf = getConf();
    Map<CsvInput, Path> paths = new LinkedHashMap<>();
    Path output;
    Path quarantine;
    LocalDate date;
    if (options.has("root")) {
      if (options.has("output") || options.has("quarantine")
          || inputs().stream().anyMatch(input -> options.has(input.option()))) {
        throw new UsageException("give either --root or explicit inputs and outputs, not both");
      }
      Warehouse warehouse = new Warehouse(new Path(options.get("root")));
      date = Dates.parseOption("date", options.required("date"));
      for (CsvInput input : inputs()) {
        paths.put(input, rawPartition(warehouse.rawDataset(input.dataset()), date, conf));
      }
      output = warehouse.curated(curatedDataset(), date);
      quarantine = warehouse.quarantine(curatedDataset(), date);
    } else if (inputs().stream().noneMatch(input -> options.has(input.option()))) {
      throw new UsageException("give --root and --date, or every input with --output and --quarantine");
    } else {
      for (CsvInput input : inputs()) {
        paths.put(input, new Path(options.required(input.option())));
      }
      output = new Path(options.required("output"));
      quarantine = new Path(options.required("quarantine"));
      date = options.has("date") ? Dates.parseOption("date", options.get("date"))
          : Dates.fromPartitions(new ArrayList<>(paths.values()));
    }
    return ingest(paths, output, quarantine, date);
  }

  private int ingest(Map<CsvInput, Path> paths, Path output, Path quarantine, LocalDate date)
      throws IOException, InterruptedException, ClassNotFoundException {
    Job job = Job.getInstance(getConf(), name() + " dt=" + date);
    job.setJarByClass(getClass());
    KeyedIngestKeys.setExportDate(job.getConfiguration(), date);
    paths.forEach((input, path) -> MultipleInputs.addInputPath(job, path, input.format(), rawMapper(input)));
    AvroJob.setMapOutputKeySchema(job, JoinKey.getClassSchema());
    AvroJob.setMapOutputValueSchema(job, SourcedRecord.getClassSchema());
    job.setPartitionerClass(JoinKeyPartitioner.class);
    // After setMapOutputKeySchema, which sets Avro's full-key comparator for grouping as well.
    job.setGroupingComparatorClass(JoinKeyGroupingComparator.class);
    job.setReducerClass(rawReducer());

    CuratedRun run = new CuratedRun(name(), date, output, quarantine, job.getConfiguration(), oozieAction());
    run.configureOutputs(job, outputSchema());
    run.runAndPublish(job, new ArrayList<>(paths.values()), outputCheck(), Map.of("export_date", date.toString()));
    return 0;
  }

  private static Path rawPartition(Path dataset, LocalDate date, Configuration conf) throws IOException {
    try {
      return DatePartitions.forDate(date).select(dataset.getFileSystem(conf), dataset).partitionPaths().get(0);
    } catch (MissingPartitionsException e) {
      throw new JobFailedException("nothing to ingest: " + e.getMessage());
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Class<? extends Mapper> rawMapper(CsvInput input) {
    return (Class<? extends Mapper>) input.mapper();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private Class<? extends Reducer> rawReducer() {
    return (Class<? extends Reducer>) reducer();
  }
}
