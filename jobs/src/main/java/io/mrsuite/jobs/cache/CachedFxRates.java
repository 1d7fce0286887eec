package io.mrsuite.jobs.cache;

import io.mrsuite.formats.avro.FxRate;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.JobContext;

/**
 * Ships a day's FX rates to every task of a job and loads them there.
 *
 * <p>The driver ships the partition, a few hundred rows, through the distributed cache. Each task loads it
 * into a map.
 */
public final class CachedFxRates {
  /** Name prefix of the localized files of the FX rates partition. */
  public static final String LINK_PREFIX = "fx-rates-";

  private CachedFxRates() {
  }

  /** Ships the Avro files of an FX rates partition ({@code curated/fx_rates/dt=X}) to every task. */
  public static void ship(Job job, Path partition) throws IOException {
    CachedAvroFiles.ship(job, CachedAvroFiles.visibleFiles(partition, job.getConfiguration()), LINK_PREFIX);
  }

  /** currency -> USD per unit (one rate per currency, as ingest-fx keeps it); empty when nothing was shipped. */
  public static Map<String, BigDecimal> load(JobContext context) throws IOException {
    Map<String, BigDecimal> rates = new HashMap<>();
    CachedAvroFiles.read(context, LINK_PREFIX, FxRate.class, rate -> rates.put(rate.getCurrency(), rate.getUsdPerUnit()));
    return rates;
  }
}
