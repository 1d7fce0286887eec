package io.mrsuite.jobs.run;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.fs.Path;

/**
 * What one run of a {@link io.mrsuite.jobs.tool.DatasetJob} reads and writes, resolved from its command line.
 *
 * <p>That is the date, each input's paths by option, the output partition and, for a dataset with one, the
 * quarantine partition.
 */
public record JobPaths(LocalDate date, Map<String, List<Path>> inputs, Path output, Optional<Path> quarantine) {

  /** The paths of the input named by {@code option}. */
  public List<Path> input(String option) {
    List<Path> paths = inputs.get(option);
    if (paths == null) {
      throw new IllegalArgumentException("no input --" + option);
    }
    return paths;
  }

  /** The one path of a {@code DAY} input. */
  public Path single(String option) {
    return input(option).get(0);
  }

  /** Every input path, in the order the job declares its inputs; for the run manifest. */
  public List<Path> allInputs() {
    List<Path> all = new ArrayList<>();
    inputs.values().forEach(all::addAll);
    return all;
  }

  /** Every path the run reads and writes: the inputs', the output and the quarantine. */
  public List<Path> allPaths() {
    List<Path> all = allInputs();
    all.add(output);
    quarantine.ifPresent(all::add);
    return all;
  }
}
