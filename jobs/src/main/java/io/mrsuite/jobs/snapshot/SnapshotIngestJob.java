package io.mrsuite.jobs.snapshot;

import io.mrsuite.formats.csv.CsvInputFormat;
import io.mrsuite.jobs.common.CuratedRun;
import io.mrsuite.jobs.common.keyed.KeyedCsvIngestJob;
import java.util.List;
import java.util.function.Function;
import org.apache.avro.Schema;
import org.apache.hadoop.mapreduce.Counters;
import org.apache.hadoop.mapreduce.Mapper;
import org.apache.hadoop.mapreduce.Reducer;
import org.apache.hadoop.mapreduce.TaskCounter;

/**
 * Ingest of a daily snapshot CSV whose rows are unique by a key (catalog, exchange rates): the first valid
 * row of a key by (file, offset) is kept, later ones are DUPLICATE_KEY.
 */
abstract class SnapshotIngestJob extends KeyedCsvIngestJob {
  private final String name;
  private final String dataset;
  private final Class<? extends CsvInputFormat> format;
  private final Class<? extends Mapper<?, ?, ?, ?>> mapper;
  private final Schema schema;

  SnapshotIngestJob(String name, String dataset, Class<? extends CsvInputFormat> format,
      Class<? extends Mapper<?, ?, ?, ?>> mapper, Schema schema) {
    this.name = name;
    this.dataset = dataset;
    this.format = format;
    this.mapper = mapper;
    this.schema = schema;
  }

  @Override
  protected String name() {
    return name;
  }

  @Override
  protected List<CsvInput> inputs() {
    return List.of(new CsvInput(dataset, format, mapper));
  }

  @Override
  protected String curatedDataset() {
    return dataset;
  }

  @Override
  protected Schema outputSchema() {
    return schema;
  }

  @Override
  protected Class<? extends Reducer<?, ?, ?, ?>> reducer() {
    return FirstWinsReducer.class;
  }

  @Override
  protected Function<Counters, List<String>> outputCheck() {
    return CuratedRun.writtenEquals(TaskCounter.REDUCE_OUTPUT_RECORDS);
  }
}
