package io.mrsuite.jobs.snapshot;

import io.mrsuite.formats.avro.FxRate;
import io.mrsuite.formats.commerce.CommerceColumns;
import io.mrsuite.formats.csv.CsvInputFormat;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.util.ToolRunner;

/** ingest-fx: a day's exchange rates CSV → {@code curated/fx_rates/dt=D}, one rate per currency. */
public class IngestFxJob extends SnapshotIngestJob {
  public static final String NAME = "ingest-fx";
  public static final String DATASET = "fx_rates";

  /** FX rates CSV with the contract's header. */
  public static class FxRatesCsvInputFormat extends CsvInputFormat {
    @Override
    protected List<String> expectedHeader(Configuration conf) {
      return CommerceColumns.FX_RATES;
    }
  }

  public IngestFxJob() {
    super(NAME, DATASET, FxRatesCsvInputFormat.class, FxRatesMapper.class, FxRate.getClassSchema());
  }

  public static void main(String[] args) throws Exception {
    System.exit(ToolRunner.run(new IngestFxJob(), args));
  }
}
