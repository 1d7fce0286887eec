package io.mrsuite.jobs.ingest.csv;

import io.mrsuite.formats.commerce.CommerceColumns;
import io.mrsuite.formats.csv.CombinedCsvInputFormat;
import io.mrsuite.jobs.warehouse.Dataset;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.util.ToolRunner;

/** ingest-fx: a day's exchange rates CSV → {@code curated/fx_rates/dt=D}, one rate per currency. */
public class IngestFxJob extends SnapshotIngestJob {
  public static final String NAME = "ingest-fx";

  /** FX rates CSV with the contract's header. */
  public static class FxRatesCsvInputFormat extends CombinedCsvInputFormat {
    @Override
    protected List<String> expectedHeader(Configuration conf) {
      return CommerceColumns.FX_RATES;
    }
  }

  public IngestFxJob() {
    super(NAME, new CsvInput(Dataset.RAW_FX_RATES, FxRatesCsvInputFormat.class, FxRatesMapper.class), Dataset.FX_RATES);
  }

  public static void main(String[] args) throws Exception {
    System.exit(ToolRunner.run(new IngestFxJob(), args));
  }
}
