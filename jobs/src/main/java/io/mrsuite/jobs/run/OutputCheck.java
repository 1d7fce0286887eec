package io.mrsuite.jobs.run;

import java.util.List;
import org.apache.hadoop.mapreduce.Counters;

/** Where a job's counters disagree with the records actually in its main output's files. */
@FunctionalInterface
public interface OutputCheck {
  /**
   * @param recordsInFiles the records the staged main output holds, counted from the files' metadata
   * @return one line per disagreement; empty when they agree
   */
  List<String> problems(Counters counters, long recordsInFiles);

  /** The usual check: the files hold exactly as many records as {@code counter} counted. */
  static OutputCheck holds(Enum<?> counter) {
    return (counters, recordsInFiles) -> {
      long counted = counters.findCounter(counter).getValue();
      return counted == recordsInFiles ? List.of()
          : List.of("counted " + counter.name() + " " + counted + " != records in the output files " + recordsInFiles);
    };
  }
}
