package io.mrsuite.jobs.enrich;

import io.mrsuite.formats.avro.EnrichedEvent;
import io.mrsuite.formats.avro.Event;
import io.mrsuite.formats.avro.Product;
import io.mrsuite.jobs.cache.CachedAvroFiles;
import io.mrsuite.jobs.cache.CachedFxRates;
import io.mrsuite.jobs.run.CuratedRun;
import io.mrsuite.jobs.run.JobPaths;
import io.mrsuite.jobs.run.OutputCheck;
import io.mrsuite.jobs.run.RecordCounters;
import io.mrsuite.jobs.shuffle.JoinKeyShuffle;
import io.mrsuite.jobs.tool.DatasetJob;
import io.mrsuite.jobs.tool.JobInput;
import io.mrsuite.jobs.tool.JobOptions;
import io.mrsuite.jobs.tool.UsageException;
import io.mrsuite.jobs.warehouse.Dataset;
import io.mrsuite.jobs.warehouse.DatasetInputs;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.mapreduce.AvroJob;
import org.apache.avro.mapreduce.AvroKeyInputFormat;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.TaskCounter;
import org.apache.hadoop.mapreduce.lib.input.MultipleInputs;
import org.apache.hadoop.util.ToolRunner;

/**
 * Adds each deduplicated event's product category, brand and USD rate, for event date X.
 *
 * <p>This is {@code enrich-events --date X}, writing {@code curated/events_enriched/dt=X}. Category and brand
 * come from the products snapshot of X, the USD rate of the event's currency from the FX rates of X.
 *
 * <p>The catalog is joined map-side through the distributed cache when its files are at most
 * {@link EnrichEventsKeys#MAP_JOIN_MAX_BYTES}, otherwise reduce-side by product_id. The rates always go
 * through the cache. Books: read = written (nothing is rejected, no quarantine partition).
 */
public class EnrichEventsJob extends DatasetJob {
  public static final String NAME = "enrich-events";
  private static final String EVENTS = "input";
  private static final String PRODUCTS = "products";
  private static final String FX_RATES = "fx-rates";
  private static final String JOIN = "join";

  /** How the catalog is joined. */
  enum JoinStrategy { AUTO, MAP, REDUCE }

  public EnrichEventsJob() {
    super(NAME, Dataset.EVENTS_ENRICHED, List.of(JobInput.day(EVENTS, Dataset.EVENTS_DEDUP),
        JobInput.day(PRODUCTS, Dataset.PRODUCTS), JobInput.day(FX_RATES, Dataset.FX_RATES)));
  }

  @Override
  protected void addOptions(JobOptions options) {
    options.option(JOIN, "STRATEGY", "auto (default): map-side when the catalog's files are at most "
        + EnrichEventsKeys.MAP_JOIN_MAX_BYTES + " bytes (default " + EnrichEventsKeys.DEFAULT_MAP_JOIN_MAX_BYTES
        + "), else reduce-side; map or reduce force one");
  }

  @Override
  protected String optionsSynopsis() {
    return "[--join auto|map|reduce]";
  }

  @Override
  protected void run(JobPaths paths, JobOptions.Parsed options) throws UsageException, IOException,
      InterruptedException, ClassNotFoundException {
    JoinStrategy requested = joinStrategy(options.get(JOIN));
    LocalDate date = paths.date();
    Path events = paths.single(EVENTS);
    Path products = paths.single(PRODUCTS);
    Job job = Job.getInstance(getConf(), NAME + " dt=" + date);
    job.setJarByClass(EnrichEventsJob.class);
    List<FileStatus> catalogFiles = CachedAvroFiles.visibleFiles(products, job.getConfiguration());
    long catalogBytes = catalogFiles.stream().mapToLong(FileStatus::getLen).sum();
    boolean mapSide = requested == JoinStrategy.MAP
        || requested == JoinStrategy.AUTO && catalogBytes <= EnrichEventsKeys.mapJoinMaxBytes(getConf());
    System.out.printf("%s dt=%s: catalog %s (%d bytes in %d files) joined %s-side%n", NAME, date, products,
        catalogBytes, catalogFiles.size(), mapSide ? "map" : "reduce");
    CachedFxRates.ship(job, paths.single(FX_RATES));
    if (mapSide) {
      configureMapSide(job, events, catalogFiles);
    } else {
      configureReduceSide(job, events, products);
    }

    CuratedRun run = new CuratedRun(NAME, paths, job.getConfiguration(), oozieAction());
    run.configureOutputs(job, output());
    run.runAndPublish(job,
        OutputCheck.holds(RecordCounters.WRITTEN),
        Map.of("event_date", date.toString(), "catalog_join", mapSide ? "map" : "reduce",
            "catalog_bytes", Long.toString(catalogBytes)));
  }

  private static JoinStrategy joinStrategy(String option) throws UsageException {
    if (option == null) {
      return JoinStrategy.AUTO;
    }
    try {
      return JoinStrategy.valueOf(option.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new UsageException("--join must be auto, map or reduce: " + option);
    }
  }

  private static void configureMapSide(Job job, Path events, List<FileStatus> catalogFiles) throws IOException {
    CachedAvroFiles.ship(job, catalogFiles, EnrichEventsKeys.CATALOG_LINK_PREFIX);
    DatasetInputs.read(job, Dataset.EVENTS_DEDUP, List.of(events));
    job.setMapperClass(MapSideEnrichMapper.class);
    job.setNumReduceTasks(0);
  }

  private static void configureReduceSide(Job job, Path events, Path products) {
    // One reader schema for both inputs: Avro resolves each file's writer schema to its branch of the union.
    AvroJob.setInputKeySchema(job, Schema.createUnion(Event.getClassSchema(), Product.getClassSchema()));
    MultipleInputs.addInputPath(job, events, AvroKeyInputFormat.class, EventsJoinMapper.class);
    MultipleInputs.addInputPath(job, products, AvroKeyInputFormat.class, CatalogJoinMapper.class);
    JoinKeyShuffle.configure(job, Schema.createUnion(Product.getClassSchema(), EnrichedEvent.getClassSchema()));
    job.setReducerClass(CatalogJoinReducer.class);
  }

  public static void main(String[] args) throws Exception {
    System.exit(ToolRunner.run(new EnrichEventsJob(), args));
  }
}
