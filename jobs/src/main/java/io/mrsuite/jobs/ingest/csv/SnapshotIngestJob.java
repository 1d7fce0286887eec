package io.mrsuite.jobs.ingest.csv;

import io.mrsuite.jobs.run.CuratedRun;
import io.mrsuite.jobs.run.OutputCheck;
import io.mrsuite.jobs.run.RecordCounters;
import io.mrsuite.jobs.warehouse.Dataset;
import java.util.List;
import java.util.function.Function;
import org.apache.hadoop.mapreduce.Counters;
import org.apache.hadoop.mapreduce.Reducer;
import org.apache.hadoop.mapreduce.TaskCounter;

/**
 * Ingests a daily snapshot CSV whose rows are unique by a key.
 *
 * <p>The catalog and the exchange rates are such snapshots. The first valid row of a key by (file, offset) is
 * kept, later ones are DUPLICATE_KEY.
 */
abstract class SnapshotIngestJob extends KeyedCsvIngestJob {
  SnapshotIngestJob(String name, CsvInput input, Dataset output) {
    super(name, output, List.of(input));
  }

  @Override
  protected Class<? extends Reducer<?, ?, ?, ?>> reducer() {
    return FirstWinsReducer.class;
  }

  @Override
  protected OutputCheck outputCheck() {
    return OutputCheck.holds(RecordCounters.WRITTEN);
  }
}
