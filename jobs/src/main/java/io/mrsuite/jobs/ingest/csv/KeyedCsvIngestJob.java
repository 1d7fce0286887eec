package io.mrsuite.jobs.ingest.csv;

import io.mrsuite.formats.csv.CombinedCsvInputFormat;
import io.mrsuite.jobs.run.CuratedRun;
import io.mrsuite.jobs.run.JobPaths;
import io.mrsuite.jobs.run.OutputCheck;
import io.mrsuite.jobs.shuffle.JoinKeyShuffle;
import io.mrsuite.jobs.tool.DatasetJob;
import io.mrsuite.jobs.tool.JobInput;
import io.mrsuite.jobs.tool.JobOptions;
import io.mrsuite.jobs.warehouse.Dataset;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.Counters;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.Mapper;
import org.apache.hadoop.mapreduce.Reducer;
import org.apache.hadoop.mapreduce.lib.input.MultipleInputs;

/**
 * Ingests one day's CSV exports into one curated dataset through a reduce phase keyed by a business key.
 *
 * <p>Each raw dataset has its {@link CsvIngestMapper}, the shuffle groups records by key in (kind, sequence,
 * source file, offset) order, and the reducer keeps, joins or rejects them.
 *
 * <p>{@code --root ROOT --date D} reads {@code raw/<dataset>/dt=D} for each input dataset and writes
 * {@code curated/<dataset>/dt=D} and {@code quarantine/<dataset>/dt=D}; the explicit form names each
 * input ({@code --<dataset> PATH}) and both outputs.
 */
public abstract class KeyedCsvIngestJob extends DatasetJob {

  /** One raw CSV dataset the job reads, with the format that checks its header and the mapper that validates it. */
  public record CsvInput(Dataset dataset, Class<? extends CombinedCsvInputFormat> format,
      Class<? extends Mapper<?, ?, ?, ?>> mapper) {
    String option() {
      return dataset.dir().replace('_', '-');
    }
  }

  private final List<CsvInput> csvInputs;

  protected KeyedCsvIngestJob(String name, Dataset output, List<CsvInput> csvInputs) {
    super(name, output, csvInputs.stream().map(input -> JobInput.landed(input.option(), input.dataset())).toList());
    this.csvInputs = List.copyOf(csvInputs);
  }

  protected abstract Class<? extends Reducer<?, ?, ?, ?>> reducer();

  /** Checks the records in the main output's files against the job's own counters. */
  protected abstract OutputCheck outputCheck();

  @Override
  protected final void run(JobPaths paths, JobOptions.Parsed options) throws IOException, InterruptedException,
      ClassNotFoundException {
    Job job = Job.getInstance(getConf(), name() + " dt=" + paths.date());
    job.setJarByClass(getClass());
    for (CsvInput input : csvInputs) {
      for (Path path : paths.input(input.option())) {
        MultipleInputs.addInputPath(job, path, input.format(), rawMapper(input));
      }
    }
    JoinKeyShuffle.configure(job, SourcedRecord.getClassSchema());
    job.setReducerClass(rawReducer());

    CuratedRun run = new CuratedRun(name(), paths, job.getConfiguration(), oozieAction());
    run.configureOutputs(job, output());
    run.runAndPublish(job, outputCheck(), Map.of("export_date", paths.date().toString()));
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
