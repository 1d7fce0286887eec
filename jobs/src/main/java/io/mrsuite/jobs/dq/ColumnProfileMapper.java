package io.mrsuite.jobs.dq;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.mapred.AvroValue;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Mapper;

/**
 * Profiles every column of every record of its split into one {@link ColumnStats} per column.
 *
 * <p>The stats are held until the split ends and then written once each, keyed by dataset and column. A split
 * holds files of a few datasets, so the task holds their columns' counters and sketches (at most 2.6 KB each
 * at lgK 12), never values.
 */
public class ColumnProfileMapper extends Mapper<Text, AvroValue<GenericRecord>, Text, ColumnStats> {
  private final Map<String, ColumnStats> stats = new LinkedHashMap<>();
  private final BinaryValues binary = new BinaryValues();
  private int lgK;
  private String dataset;
  private Schema schema;
  private List<Column> columns;
  private List<ColumnStats> columnStats;

  @Override
  protected void setup(Context context) {
    lgK = DqReportKeys.hllLgK(context.getConfiguration());
  }

  @Override
  protected void map(Text datasetLabel, AvroValue<GenericRecord> value, Context context) throws IOException {
    GenericRecord record = value.datum();
    selectColumns(datasetLabel.toString(), record.getSchema());
    for (int i = 0; i < columns.size(); i++) {
      Column column = columns.get(i);
      ColumnTypes.add(columnStats.get(i), column.schema(), column.valueIn(record), lgK, binary);
    }
    context.getCounter(DqCounters.RECORDS).increment(1);
  }

  // The dataset and schema change only between files, so the column lookup is redone only then.
  private void selectColumns(String datasetName, Schema recordSchema) {
    if (datasetName.equals(dataset) && recordSchema == schema) {
      return;
    }
    dataset = datasetName;
    schema = recordSchema;
    columns = Column.of(recordSchema);
    columnStats = new ArrayList<>(columns.size());
    for (Column column : columns) {
      String type = ColumnTypes.typeName(column.schema());
      ColumnStats columnStat = stats.computeIfAbsent(ColumnKey.of(datasetName, column.name()),
          key -> new ColumnStats(type));
      columnStat.sawType(type);
      columnStats.add(columnStat);
    }
  }

  @Override
  protected void cleanup(Context context) throws IOException, InterruptedException {
    Text key = new Text();
    for (Map.Entry<String, ColumnStats> entry : stats.entrySet()) {
      key.set(entry.getKey());
      context.write(key, entry.getValue());
    }
  }
}
