package io.mrsuite.jobs.warehouse;

import io.mrsuite.formats.avro.EnrichedEvent;
import io.mrsuite.formats.avro.Event;
import io.mrsuite.formats.avro.FunnelDaily;
import io.mrsuite.formats.avro.FxRate;
import io.mrsuite.formats.avro.Order;
import io.mrsuite.formats.avro.Product;
import io.mrsuite.formats.avro.ProductDaily;
import io.mrsuite.formats.avro.RevenueDaily;
import io.mrsuite.formats.avro.Session;
import io.mrsuite.formats.avro.TopProduct;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.avro.Schema;

/**
 * The registry of the warehouse's datasets, each with its zone, name, format, schema and writing job.
 *
 * <p>The datasets are those of DATA-CONTRACT.md section 1. Jobs, the pipeline's plan and the dq report name
 * datasets through this registry only, so a dataset is renamed or added in one place.
 */
public enum Dataset {
  RAW_EVENTS(Zone.RAW, "events", Format.JSON_LINES, null, null),
  RAW_ORDERS(Zone.RAW, "orders", Format.CSV, null, null),
  RAW_ORDER_LINES(Zone.RAW, "order_lines", Format.CSV, null, null),
  RAW_PRODUCTS(Zone.RAW, "products", Format.CSV, null, null),
  RAW_FX_RATES(Zone.RAW, "fx_rates", Format.CSV, null, null),

  EVENTS(Zone.CURATED, "events", Format.AVRO, Event.getClassSchema(), "ingest-events"),
  ORDERS(Zone.CURATED, "orders", Format.AVRO, Order.getClassSchema(), "ingest-orders"),
  PRODUCTS(Zone.CURATED, "products", Format.AVRO, Product.getClassSchema(), "ingest-products"),
  FX_RATES(Zone.CURATED, "fx_rates", Format.AVRO, FxRate.getClassSchema(), "ingest-fx"),
  EVENTS_DEDUP(Zone.CURATED, "events_dedup", Format.AVRO, Event.getClassSchema(), "dedup-events"),
  EVENTS_ENRICHED(Zone.CURATED, "events_enriched", Format.AVRO, EnrichedEvent.getClassSchema(), "enrich-events"),
  SESSIONS(Zone.CURATED, "sessions", Format.AVRO, Session.getClassSchema(), "sessionize"),

  PRODUCT_DAILY(Zone.MARTS, "product_daily", Format.PARQUET, ProductDaily.getClassSchema(), "product-daily"),
  FUNNEL_DAILY(Zone.MARTS, "funnel_daily", Format.PARQUET, FunnelDaily.getClassSchema(), "funnel-daily"),
  TOP_PRODUCTS(Zone.MARTS, "top_products", Format.PARQUET, TopProduct.getClassSchema(), "top-products"),
  REVENUE_DAILY(Zone.MARTS, "revenue_daily", Format.PARQUET, RevenueDaily.getClassSchema(), "revenue-daily");

  /** Arrival partitions after an event date that may still hold its events and orders (the contract's late_days). */
  public static final int DEFAULT_LATE_DAYS = 1;

  /** How a dataset's files are written. */
  public enum Format { JSON_LINES, CSV, AVRO, PARQUET }

  /** Curated datasets whose writer can reject input records, so each partition has a quarantine twin. */
  private static final List<Dataset> QUARANTINED = List.of(EVENTS, ORDERS, PRODUCTS, FX_RATES);

  private final Zone zone;
  private final String dir;
  private final Format format;
  private final Schema schema;
  private final String writer;

  Dataset(Zone zone, String dir, Format format, Schema schema, String writer) {
    this.zone = zone;
    this.dir = dir;
    this.format = format;
    this.schema = schema;
    this.writer = writer;
  }

  public Zone zone() {
    return zone;
  }

  /** The dataset's folder under its zone, e.g. {@code events_dedup}. */
  public String dir() {
    return dir;
  }

  public Format format() {
    return format;
  }

  /** The schema of its records; none for the raw zone, whose files are text. */
  public Optional<Schema> schema() {
    return Optional.ofNullable(schema);
  }

  /** The job that writes it; none for the raw zone, where files land from outside. */
  public Optional<String> writer() {
    return Optional.ofNullable(writer);
  }

  /** Whether its writer quarantines rejected records in {@code quarantine/<dir>}. */
  public boolean quarantined() {
    return QUARANTINED.contains(this);
  }

  /** Whether its date partitions hold {@code hr=HH} folders (raw events, as landers deliver them hourly). */
  public boolean hourPartitioned() {
    return this == RAW_EVENTS;
  }

  /** {@code zone/dir}, as the dq report labels it, e.g. {@code curated/events}. */
  public String label() {
    return zone.dir() + "/" + dir;
  }

  /** The datasets of one zone, in this registry's order. */
  public static List<Dataset> inZone(Zone zone) {
    return Arrays.stream(values()).filter(dataset -> dataset.zone == zone).toList();
  }

}
