package io.mrsuite.jobs.revenue;

import io.mrsuite.formats.avro.CuratedDataModel;
import io.mrsuite.formats.avro.EnrichedEvent;
import io.mrsuite.formats.avro.Event;
import io.mrsuite.formats.avro.EventType;
import io.mrsuite.formats.avro.FxRate;
import io.mrsuite.formats.avro.Order;
import io.mrsuite.formats.avro.OrderStatus;
import io.mrsuite.jobs.cache.CachedFxRates;
import io.mrsuite.jobs.run.PartitionDate;
import io.mrsuite.jobs.shuffle.JoinKey;
import io.mrsuite.jobs.shuffle.SecondarySort;
import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.mapreduce.AvroJob;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapreduce.Job;

/** Records and task configurations for the revenue-daily tests; X is 2026-11-20. */
final class RevenueFixtures {
  static final LocalDate X = LocalDate.of(2026, 11, 20);
  static final Schema JOIN_VALUE =
      Schema.createUnion(RevenueOrder.getClassSchema(), RevenuePurchase.getClassSchema());
  static final String EUR_RATE = "1.08000000";

  private RevenueFixtures() {
  }

  /** The FX rates partition of X as ingest-fx writes it: EUR only (so CHF and DKK have no rate). */
  static Path fxRatesPartition(Path dir) throws IOException {
    Path partition = Files.createDirectories(dir.resolve("fx_rates").resolve("dt=" + X));
    File file = partition.resolve("part-r-00000.avro").toFile();
    try (DataFileWriter<FxRate> writer = new DataFileWriter<>(new SpecificDatumWriter<>(FxRate.class))) {
      writer.create(FxRate.getClassSchema(), file);
      writer.append(new FxRate("EUR", new BigDecimal(EUR_RATE), X, "/raw/fx_rates/dt=2026-11-20/fx.csv", 17L));
    }
    return partition;
  }

  /** A task configuration with the job's map output schemas, grouping, event date and shipped FX rates. */
  static Configuration taskConf(Schema key, Schema value, boolean joinGrouping, Path... fxRatesPartitions)
      throws IOException {
    Job job = Job.getInstance(new Configuration());
    AvroJob.setDataModelClass(job, CuratedDataModel.class);
    AvroJob.setMapOutputKeySchema(job, key);
    if (value != null) {
      AvroJob.setMapOutputValueSchema(job, value);
    }
    if (joinGrouping) {
      SecondarySort.configure(job, key, value, "key");
    }
    for (Path partition : fxRatesPartitions) {
      CachedFxRates.ship(job, new org.apache.hadoop.fs.Path(partition.toUri()));
    }
    PartitionDate.set(job.getConfiguration(), X);
    return job.getConfiguration();
  }

  static Order order(String id, LocalDate orderDate, OrderStatus status, String currency, String total,
      String country, LocalDate exportDate, String file, long offset) {
    BigDecimal amount = new BigDecimal(total);
    return Order.newBuilder().setOrderId(id).setUserId("u-1").setOrderTime(orderDate.atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(3600)).setOrderDate(orderDate).setStatus(status).setCurrency(currency)
        .setSubtotal(amount).setShipping(new BigDecimal("0.00")).setTax(new BigDecimal("0.00")).setTotal(amount)
        .setShippingCountry(country).setNotes(null).setLines(List.of()).setExportDate(exportDate)
        .setSourceFile(file).setSourceOffset(offset).build();
  }

  static RevenueOrder projected(Order order) {
    return new RevenueOrder(order.getOrderDate(), order.getStatus(), order.getCurrency(), order.getTotal(),
        order.getShippingCountry());
  }

  static JoinKey purchaseKey(String orderId, long offset) {
    return new JoinKey(orderId, PurchaseJoinMapper.PURCHASE_KIND, 0, "/raw/events/a.jsonl", offset);
  }

  static EnrichedEvent event(String id, EventType type, String orderId, String country, long offset) {
    Event event = Event.newBuilder().setEventId(id).setEventType(type)
        .setEventTime(Instant.parse("2026-11-20T10:00:00Z")).setAnonymousId("a-1").setUserId(null)
        .setProductId(type == EventType.purchase ? "p-1" : null).setQuantity(1)
        .setPrice(type == EventType.purchase ? new BigDecimal("10.00") : null)
        .setCurrency(type == EventType.purchase ? "EUR" : null).setOrderId(orderId).setCountry(country)
        .setPageUrl(null).setReferrer(null).setUserAgent(null).setIp(null).setSearchQuery(null)
        .setAttributes(Map.of()).setArrivalDate(X).setSourceFile("/raw/events/a.jsonl").setSourceOffset(offset)
        .setSourceLine(1).build();
    return new EnrichedEvent(event, false, null, null, null);
  }

  static RevenuePartial partial(String country, long orders, String exactUsd, long unconverted, long orphans) {
    return new RevenuePartial(country, orders, new BigDecimal(exactUsd), unconverted, orphans);
  }
}
