package io.mrsuite.jobs.enrich;

import io.mrsuite.formats.avro.EnrichedEvent;
import io.mrsuite.formats.avro.Event;
import io.mrsuite.formats.avro.JoinKey;
import io.mrsuite.formats.avro.Product;
import io.mrsuite.jobs.common.CachedAvroFiles;
import io.mrsuite.jobs.common.CachedFxRates;
import io.mrsuite.jobs.common.CompletePartitions;
import io.mrsuite.jobs.common.CuratedRun;
import io.mrsuite.jobs.common.Dates;
import io.mrsuite.jobs.common.JobOptions;
import io.mrsuite.jobs.common.MrSuiteTool;
import io.mrsuite.jobs.common.UsageException;
import io.mrsuite.jobs.common.Warehouse;
import io.mrsuite.jobs.common.keyed.JoinKeyGroupingComparator;
import io.mrsuite.jobs.common.keyed.JoinKeyPartitioner;
import io.mrsuite.jobs.dedup.DedupEventsJob;
import io.mrsuite.jobs.snapshot.IngestFxJob;
import io.mrsuite.jobs.snapshot.IngestProductsJob;
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
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.input.MultipleInputs;
import org.apache.hadoop.util.ToolRunner;

/**
 * enrich-events --date X: the deduplicated events of X with their product's category and brand from the
 * products snapshot of X and the USD rate of their currency from the FX rates of X, in
 * {@code curated/events_enriched/dt=X}. The catalog is joined map-side through the distributed cache when its
 * files are at most {@link EnrichEventsKeys#MAP_JOIN_MAX_BYTES}, otherwise reduce-side by product_id; the
 * rates always go through the cache. Books: read = written (nothing is rejected, its quarantine is empty).
 */
public class EnrichEventsJob extends MrSuiteTool {
  public static final String NAME = "enrich-events";
  public static final String DATASET = "events_enriched";

  /** How the catalog is joined. */
  enum JoinStrategy { AUTO, MAP, REDUCE }

  @Override
  protected JobOptions options() {
    return new JobOptions(NAME, "--root ROOT --date X [--join auto|map|reduce]\n"
        + "--input DIR --products DIR --fx-rates DIR --output DIR --quarantine DIR --date X [--join ...]")
        .option("root", "ROOT", "warehouse root; reads curated/" + DedupEventsJob.DATASET + ", "
            + IngestProductsJob.DATASET + " and " + IngestFxJob.DATASET + " of dt=X, each holding _SUCCESS")
        .option("date", "X", "event date YYYY-MM-DD")
        .option("join", "STRATEGY", "auto (default): map-side when the catalog's files are at most "
            + EnrichEventsKeys.MAP_JOIN_MAX_BYTES + " bytes (default " + EnrichEventsKeys.DEFAULT_MAP_JOIN_MAX_BYTES
            + "), else reduce-side; map or reduce force one")
        .option("input", "DIR", "deduplicated event partition of X, instead of --root")
        .option("products", "DIR", "products partition (with --input)")
        .option("fx-rates", "DIR", "FX rates partition (with --input)")
        .option("output", "DIR", "output directory (with --input); replaced whole")
        .option("quarantine", "DIR", "quarantine directory (with --input), empty for this job; replaced whole");
  }

  @Override
  protected int run(JobOptions.Parsed options) throws UsageException, IOException, InterruptedException,
      ClassNotFoundException {
    LocalDate date = Dates.parseOption("date", options.required("date"));
    JoinStrategy requested = joinStrategy(options.get("join"));
    Path events;
    Path products;
    Path fxRates;
    Path output;
    Path quarantine;
    if (options.has("root")) {
      if (options.has("input") || options.has("products") || options.has("fx-rates") || options.has("output")
          || options.has("quarantine")) {
        throw new UsageException("give either --root or --input/--products/--fx-rates/--output/--quarantine, not both");
      }
      Warehouse warehouse = new Warehouse(new Path(options.get("root")));
      events = CompletePartitions.of(NAME, warehouse.curatedDataset(DedupEventsJob.DATASET), date, getConf());
      products = CompletePartitions.of(NAME, warehouse.curatedDataset(IngestProductsJob.DATASET), date, getConf());
      fxRates = CompletePartitions.of(NAME, warehouse.curatedDataset(IngestFxJob.DATASET), date, getConf());
      output = warehouse.curated(DATASET, date);
      quarantine = warehouse.quarantine(DATASET, date);
    } else if (!options.has("input")) {
      throw new UsageException("give --root and --date, or --input, --products, --fx-rates, --output, --quarantine"
          + " and --date");
    } else {
      events = new Path(options.get("input"));
      products = new Path(options.required("products"));
      fxRates = new Path(options.required("fx-rates"));
      output = new Path(options.required("output"));
      quarantine = new Path(options.required("quarantine"));
    }

    Job job = Job.getInstance(getConf(), NAME + " dt=" + date);
    job.setJarByClass(EnrichEventsJob.class);
    List<FileStatus> catalogFiles = CachedAvroFiles.visibleFiles(products, job.getConfiguration());
    long catalogBytes = catalogFiles.stream().mapToLong(FileStatus::getLen).sum();
    boolean mapSide = requested == JoinStrategy.MAP
        || requested == JoinStrategy.AUTO && catalogBytes <= EnrichEventsKeys.mapJoinMaxBytes(getConf());
    System.out.printf("%s dt=%s: catalog %s (%d bytes in %d files) joined %s-side%n", NAME, date, products,
        catalogBytes, catalogFiles.size(), mapSide ? "map" : "reduce");
    CachedFxRates.ship(job, fxRates);
    if (mapSide) {
      configureMapSide(job, events, catalogFiles);
    } else {
      configureReduceSide(job, events, products);
    }

    CuratedRun run = new CuratedRun(NAME, date, output, quarantine, job.getConfiguration(), oozieAction());
    run.configureOutputs(job, EnrichedEvent.getClassSchema());
    run.runAndPublish(job, List.of(events, products, fxRates),
        CuratedRun.writtenEquals(mapSide ? TaskCounter.MAP_OUTPUT_RECORDS : TaskCounter.REDUCE_OUTPUT_RECORDS),
        Map.of("event_date", date.toString(), "catalog_join", mapSide ? "map" : "reduce",
            "catalog_bytes", Long.toString(catalogBytes)));
    return 0;
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
    job.setInputFormatClass(AvroKeyInputFormat.class);
    AvroJob.setInputKeySchema(job, Event.getClassSchema());
    FileInputFormat.setInputPaths(job, events);
    job.setMapperClass(MapSideEnrichMapper.class);
    job.setNumReduceTasks(0);
  }

  private static void configureReduceSide(Job job, Path events, Path products) {
    // One reader schema for both inputs: Avro resolves each file's writer schema to its branch of the union.
    AvroJob.setInputKeySchema(job, Schema.createUnion(Event.getClassSchema(), Product.getClassSchema()));
    MultipleInputs.addInputPath(job, events, AvroKeyInputFormat.class, EventsJoinMapper.class);
    MultipleInputs.addInputPath(job, products, AvroKeyInputFormat.class, CatalogJoinMapper.class);
    AvroJob.setMapOutputKeySchema(job, JoinKey.getClassSchema());
    AvroJob.setMapOutputValueSchema(job, Schema.createUnion(Product.getClassSchema(), EnrichedEvent.getClassSchema()));
    job.setPartitionerClass(JoinKeyPartitioner.class);
    // After setMapOutputKeySchema, which sets Avro's full-key comparator for grouping as well.
    job.setGroupingComparatorClass(JoinKeyGroupingComparator.class);
    job.setReducerClass(CatalogJoinReducer.class);
  }

  public static void main(String[] args) throws Exception {
    System.exit(ToolRunner.run(new EnrichEventsJob(), args));
  }
}
