package io.mrsuite.jobs.tool;

import io.mrsuite.formats.partition.PartitionNames;
import io.mrsuite.jobs.run.JobPaths;
import io.mrsuite.jobs.run.PartitionDate;
import io.mrsuite.jobs.run.PartitionGuard;
import io.mrsuite.jobs.tool.JobInput.Span;
import io.mrsuite.jobs.warehouse.Dataset;
import io.mrsuite.jobs.warehouse.Warehouse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * Base of the jobs that read warehouse partitions of one date and write one partition of a {@link Dataset}.
 * A job declares its inputs and output; this class gives it both command-line forms and resolves them:
 * {@code --root ROOT --date D}, which reads the registry's partitions (each complete) and writes the
 * output's, or the explicit form, which names every input and output path. Holding the output partition's
 * lock, after recovering what an earlier run of it left ({@link PartitionGuard}), the job then configures and
 * runs its MapReduce job on the {@link JobPaths}.
 *
 * <p>Before the run takes its partition's lock or starts a job, it refuses (exit 2) what would let it read or
 * replace anything but its partitions: a date that is no day ({@link Dates}), a path that goes up a directory
 * ({@link PathOptions}), an explicit output or quarantine not named {@code dt=D} for the run's date D, an output
 * over an input ({@link OutputOverlap}), and a partition under {@code --root} that a symbolic link leads out of
 * it ({@link WarehouseBounds}).
 */
public abstract class DatasetJob extends MrSuiteTool {
  private static final String ROOT = "root";
  private static final String DATE = "date";
  private static final String LATE_DAYS = "late-days";
  private static final String ALLOW_MISSING = "allow-missing";
  private static final String OUTPUT = "output";
  private static final String QUARANTINE = "quarantine";

  private final String name;
  private final Dataset output;
  private final List<JobInput> inputs;

  /**
   * @param name the job's name in the driver
   * @param output what the job writes
   * @param inputs what it reads; the first input's option is the one that selects the explicit form
   */
  protected DatasetJob(String name, Dataset output, List<JobInput> inputs) {
    this.name = name;
    this.output = output;
    this.inputs = List.copyOf(inputs);
  }

  protected final String name() {
    return name;
  }

  /** The dataset this job writes. */
  public final Dataset output() {
    return output;
  }

  /** The datasets it reads, and which of their partitions a run of date D reads. */
  public final List<JobInput> inputs() {
    return inputs;
  }

  /** Runs the job on resolved paths; {@code options} holds the job's own options too. */
  protected abstract void run(JobPaths paths, JobOptions.Parsed options) throws UsageException, IOException,
      InterruptedException, ClassNotFoundException;

  /** Declares the job's own options beyond its paths (e.g. {@code --join}); none by default. */
  protected void addOptions(JobOptions options) {
  }

  /** The synopsis of {@link #addOptions}, appended to both forms, e.g. {@code [--join auto|map|reduce]}. */
  protected String optionsSynopsis() {
    return "";
  }

  @Override
  protected final JobOptions options() {
    String extra = optionsSynopsis().isEmpty() ? "" : " " + optionsSynopsis();
    String rootForm = "--root ROOT --date D" + (readsLateDays() ? " [--late-days N] [--allow-missing]" : "") + extra;
    String explicitForm = inputs().stream().map(input -> "--" + input.option() + " " + input.argName())
        .collect(Collectors.joining(" ")) + " --output DIR" + (output().quarantined() ? " --quarantine DIR" : "")
        + (readsLanded() ? " [--date D]" : " --date D") + extra;
    JobOptions options = new JobOptions(name(), rootForm + "\n" + explicitForm)
        .option(ROOT, "ROOT", "warehouse root (local path or hdfs://...); reads " + inputs().stream()
            .map(JobInput::rootReads).collect(Collectors.joining(", ")) + (readsLanded() ? "" : " (complete: _SUCCESS)")
            + "; writes " + output().label() + "/dt=D")
        .option(DATE, "D", readsLanded() ? "arrival or export date YYYY-MM-DD; with explicit inputs, defaults to"
            + " the dt= in their paths" : "event date YYYY-MM-DD");
    if (readsLateDays()) {
      options.option(LATE_DAYS, "N", "partitions read after D (default " + Dataset.DEFAULT_LATE_DAYS + ")")
          .flag(ALLOW_MISSING, "run without partitions that are missing or incomplete (listed in the output)");
    }
    String first = inputs().get(0).option();
    for (JobInput input : inputs()) {
      String what = switch (input.span()) {
        case DAY -> input.dataset().label() + " partition";
        case LATE_DAYS -> input.dataset().label() + " partitions";
        case LANDED -> input.dataset().dir() + " files, directories or globs";
      };
      options.option(input.option(), input.argName(), what + (input.option().equals(first) ? ", instead of --root"
          : " (with --" + first + ")"));
    }
    options.option(OUTPUT, "DIR", "output partition directory, named dt=D (with --" + first + "); replaced whole");
    if (output().quarantined()) {
      options.option(QUARANTINE, "DIR", "quarantine partition directory, named dt=D (with --" + first
          + "); replaced whole");
    }
    addOptions(options);
    return options;
  }

  @Override
  protected final int run(JobOptions.Parsed options) throws UsageException, IOException, InterruptedException,
      ClassNotFoundException {
    JobPaths paths = options.has(ROOT) ? fromRoot(options) : explicit(options);
    OutputOverlap.refuse(paths, getConf());
    PartitionDate.set(getConf(), paths.date());
    try (PartitionGuard guard = PartitionGuard.enter(name(), UUID.randomUUID().toString(), paths.output(),
        paths.quarantine(), getConf())) {
      run(paths, options);
    }
    return 0;
  }

  private JobPaths fromRoot(JobOptions.Parsed options) throws UsageException, IOException {
    List<String> explicit = explicitOptions();
    if (explicit.stream().anyMatch(options::has)) {
      throw new UsageException("give either --root or " + String.join("/", prefixed(explicit)) + ", not both");
    }
    Configuration conf = getConf();
    Path root = PathOptions.parse(ROOT, options.get(ROOT));
    Warehouse warehouse = new Warehouse(root);
    LocalDate date = Dates.parseOption(DATE, options.required(DATE));
    int lateDays = options.intValue(LATE_DAYS, Dataset.DEFAULT_LATE_DAYS, 0);
    Dates.requireLateDaysNamed(LATE_DAYS, date, lateDays);
    Map<String, List<Path>> inputs = new LinkedHashMap<>();
    for (JobInput input : inputs()) {
      Path dir = warehouse.dataset(input.dataset());
      inputs.put(input.option(), switch (input.span()) {
        case DAY -> List.of(CompletePartitions.of(name(), dir, date, conf));
        case LATE_DAYS -> CompletePartitions.range(name(), dir, date, lateDays, options.has(ALLOW_MISSING), conf);
        case LANDED -> LandedPartitions.of(input.dataset(), dir, date, conf);
      });
    }
    Optional<Path> quarantine = output().quarantined()
        ? Optional.of(warehouse.quarantine(output(), date)) : Optional.empty();
    JobPaths paths = new JobPaths(date, inputs, warehouse.partition(output(), date), quarantine);
    WarehouseBounds.requireInside(root, paths.allPaths(), conf);
    return paths;
  }

  private JobPaths explicit(JobOptions.Parsed options) throws UsageException, IOException {
    String first = inputs().get(0).option();
    if (!options.has(first)) {
      List<String> needed = new ArrayList<>(explicitOptions());
      if (!readsLanded()) {
        needed.add(DATE);
      }
      List<String> forms = prefixed(needed);
      throw new UsageException("give --root and --date, or " + String.join(", ", forms.subList(0, forms.size() - 1))
          + " and " + forms.get(forms.size() - 1));
    }
    if (readsLateDays() && (options.has(LATE_DAYS) || options.has(ALLOW_MISSING))) {
      throw new UsageException("--late-days and --allow-missing choose partitions under --root; with --" + first
          + ", name the partitions");
    }
    Map<String, List<Path>> inputs = new LinkedHashMap<>();
    List<Path> landed = new ArrayList<>();
    for (JobInput input : inputs()) {
      String value = options.required(input.option());
      List<Path> paths = new ArrayList<>();
      for (String path : input.takesList() ? value.split(",") : new String[] {value}) {
        if (!path.isEmpty()) {
          paths.add(PathOptions.parse(input.option(), path));
        }
      }
      if (paths.isEmpty()) {
        throw new UsageException("--" + input.option() + " names no path");
      }
      if (input.span() == Span.LANDED) {
        landed.addAll(paths);
      }
      inputs.put(input.option(), paths);
    }
    String outputText = options.required(OUTPUT);
    String quarantineText = output().quarantined() ? options.required(QUARANTINE) : null;
    LocalDate date = options.has(DATE) || landed.isEmpty() ? Dates.parseOption(DATE, options.required(DATE))
        : Dates.fromPartitions(landed);
    Path output = partitionOption(OUTPUT, outputText, date);
    Optional<Path> quarantine = quarantineText == null ? Optional.empty()
        : Optional.of(partitionOption(QUARANTINE, quarantineText, date));
    for (Path path : landed) {
      LandedPartitions.requireMatches(path, getConf());
    }
    return new JobPaths(date, inputs, output, quarantine);
  }

  /**
   * A directory the run replaces whole, given as option {@code --name}: it must be named as the partition of
   * the run's date, so that no command line can have a run replace a directory that is not a partition.
   */
  private static Path partitionOption(String name, String text, LocalDate date) throws UsageException {
    Path path = PathOptions.parse(name, text);
    String partition = PartitionNames.dateName(date);
    if (!path.getName().equals(partition)) {
      throw new UsageException("--" + name + " must be a partition directory named " + partition
          + " (the run's date): " + text);
    }
    return path;
  }

  /** The options of the explicit form: every input's, the output's and the quarantine's. */
  private List<String> explicitOptions() {
    List<String> names = new ArrayList<>();
    inputs().forEach(input -> names.add(input.option()));
    names.add(OUTPUT);
    if (output().quarantined()) {
      names.add(QUARANTINE);
    }
    return names;
  }

  private static List<String> prefixed(List<String> names) {
    return names.stream().map(name -> "--" + name).toList();
  }

  private boolean readsLateDays() {
    return inputs().stream().anyMatch(input -> input.span() == Span.LATE_DAYS);
  }

  private boolean readsLanded() {
    return inputs().stream().anyMatch(input -> input.span() == Span.LANDED);
  }
}
