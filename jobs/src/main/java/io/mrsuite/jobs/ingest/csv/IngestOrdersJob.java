package io.mrsuite.jobs.ingest.csv;

import io.mrsuite.formats.commerce.CommerceColumns;
import io.mrsuite.formats.csv.CombinedCsvInputFormat;
import io.mrsuite.jobs.run.OutputCheck;
import io.mrsuite.jobs.run.RecordCounters;
import io.mrsuite.jobs.warehouse.Dataset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapreduce.Counters;
import org.apache.hadoop.mapreduce.Reducer;
import org.apache.hadoop.mapreduce.TaskCounter;
import org.apache.hadoop.util.ToolRunner;

/**
 * Ingests a day's orders and order_lines CSV exports, one record per valid order with its valid lines nested.
 *
 * <p>This is ingest-orders, writing {@code curated/orders/dt=D} by a reduce-side join on order_id. Rejected
 * orders and lines both go to {@code quarantine/orders/dt=D}, and their {@code dataset} field says which.
 */
public class IngestOrdersJob extends KeyedCsvIngestJob {
  public static final String NAME = "ingest-orders";

  /** Orders CSV with the contract's header. */
  public static class OrdersCsvInputFormat extends CombinedCsvInputFormat {
    @Override
    protected List<String> expectedHeader(Configuration conf) {
      return CommerceColumns.ORDERS;
    }
  }

  /** Order lines CSV with the contract's header. */
  public static class OrderLinesCsvInputFormat extends CombinedCsvInputFormat {
    @Override
    protected List<String> expectedHeader(Configuration conf) {
      return CommerceColumns.ORDER_LINES;
    }
  }

  public IngestOrdersJob() {
    super(NAME, Dataset.ORDERS, List.of(new CsvInput(Dataset.RAW_ORDERS, OrdersCsvInputFormat.class,
        OrdersMapper.class), new CsvInput(Dataset.RAW_ORDER_LINES, OrderLinesCsvInputFormat.class,
        OrderLinesMapper.class)));
  }

  @Override
  protected Class<? extends Reducer<?, ?, ?, ?>> reducer() {
    return OrderAssemblyReducer.class;
  }

  /** One output record per order, and WRITTEN counts each order and each of its lines. */
  @Override
  protected OutputCheck outputCheck() {
    return (counters, recordsInFiles) -> {
      long orders = counters.findCounter(OrdersCounters.ORDERS_WRITTEN).getValue();
      long lines = counters.findCounter(OrdersCounters.LINES_WRITTEN).getValue();
      long written = counters.findCounter(RecordCounters.WRITTEN).getValue();
      List<String> problems = new ArrayList<>();
      if (orders != recordsInFiles) {
        problems.add("orders written " + orders + " != records in the output files " + recordsInFiles);
      }
      if (written != orders + lines) {
        problems.add("written " + written + " != orders " + orders + " + lines " + lines);
      }
      return problems;
    };
  }

  public static void main(String[] args) throws Exception {
    System.exit(ToolRunner.run(new IngestOrdersJob(), args));
  }
}
