package io.mrsuite.jobs.ingest.csv;

import io.mrsuite.formats.avro.FxRate;
import io.mrsuite.formats.commerce.CommerceRules;
import io.mrsuite.formats.csv.CsvRecord;
import io.mrsuite.formats.quarantine.Rejection;
import io.mrsuite.jobs.warehouse.Dataset;
import java.time.LocalDate;

/** Validates a day's exchange rates, keyed by currency. */
public class FxRatesMapper extends CsvIngestMapper<FxRate> {
  @Override
  protected String dataset() {
    return Dataset.RAW_FX_RATES.dir();
  }

  @Override
  protected FxRate validate(CsvRecord csv, LocalDate exportDate) throws Rejection {
    FxRate rate = CommerceRules.fxRate(csv.fields());
    rate.setRateDate(exportDate);
    rate.setSourceFile(csv.sourceFile());
    rate.setSourceOffset(csv.offset());
    return rate;
  }

  @Override
  protected String key(FxRate rate) {
    return rate.getCurrency();
  }
}
