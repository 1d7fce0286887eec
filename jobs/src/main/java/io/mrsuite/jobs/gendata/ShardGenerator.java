package io.mrsuite.jobs.gendata;

import io.mrsuite.jobs.warehouse.Dataset;
import io.mrsuite.jobs.warehouse.Warehouse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.SplittableRandom;
import org.apache.hadoop.fs.Path;

/**
 * Generates all files of one shard of one day under an output root laid out like the warehouse.
 *
 * <ul>
 *   <li>{@code raw/events/dt=D/hr=HH/events-NNNNN.jsonl} (every third shard, starting with shard 1,
 *       gzip-compressed as {@code .jsonl.gz});</li>
 *   <li>{@code raw/orders/dt=D/orders-NNNNN.csv} and {@code raw/order_lines/dt=D/order_lines-NNNNN.csv} (odd
 *       shards quote every field and end records with CRLF);</li>
 *   <li>shard 0 only: {@code raw/products/dt=D/products.csv} and {@code raw/fx_rates/dt=D/fx_rates.csv}.</li>
 * </ul>
 *
 * <p>Every random stream is split, in a fixed order, from the one seeded by (seed, D, shard).
 */
final class ShardGenerator {
  /** Distinct signed-in users: at least this many, more for bigger days, so some users come back. */
  private static final int MIN_USERS = 1_000;
  private static final int EVENTS_PER_USER = 20;

  private final GenDataPlan plan;
  private final Catalog catalog;
  private final Shard shard;
  private final Warehouse output;
  private final ShardFiles files;
  private final ShardReporter reporter;

  ShardGenerator(GenDataPlan plan, Catalog catalog, Shard shard, Warehouse output, ShardFiles files,
      ShardReporter reporter) {
    this.plan = plan;
    this.catalog = catalog;
    this.shard = shard;
    this.output = output;
    this.files = files;
    this.reporter = reporter;
  }

  void run() throws IOException {
    LocalDate date = shard.date();
    long epochDay = date.toEpochDay();
    long dayStart = epochDay * TimeText.MILLIS_PER_DAY;
    int index = shard.index();
    FxRates rates = new FxRates(plan.seed(), epochDay);
    if (index == 0) {
      ReferenceData.writeProducts(files.create(file(Dataset.RAW_PRODUCTS, date, "products.csv")), catalog, epochDay,
          reporter);
      ReferenceData.writeFxRates(files.create(file(Dataset.RAW_FX_RATES, date, "fx_rates.csv")), rates, reporter);
    }

    SplittableRandom random = Seeds.random(plan.seed(), Seeds.SHARD, epochDay, index);
    long records = plan.eventsInShard(index);
    EventEncoder encoder = new EventEncoder(catalog);
    EventCorruptor corruptor = new EventCorruptor(encoder, dayStart, random.split());
    BadSlots<BadEvent> badSlots = new BadSlots<>(records, plan.badRate(), BadEvent.ROTATION,
        plan.recordTooLarge() ? BadEvent.RECORD_TOO_LARGE : null, random.split());
    String eventsFile = "events-" + number(index) + (index % 3 == 1 ? ".jsonl.gz" : ".jsonl");
    EventSink sink = new EventSink(files, output.partition(Dataset.RAW_EVENTS, date), eventsFile, dayStart,
        records, badSlots, encoder, corruptor, random.split(), reporter);
    OrderBook orders = new OrderBook(date, index, random.split());
    int users = Math.max(MIN_USERS, plan.eventsPerDay() / EVENTS_PER_USER);
    Visitors visitors = new Visitors(random.split(), users, plan.seed());
    EventIds ids = new EventIds(random.nextLong());
    new SessionGenerator(catalog, new DayPrices(catalog, rates, epochDay), visitors, sink, ids, orders, dayStart,
        records, random.split(), reporter).run();

    CsvStyle csv = index % 2 == 1 ? CsvStyle.QUOTE_ALL_CRLF : CsvStyle.MINIMAL;
    new OrderWriter(catalog, csv, plan.badRate(), random.split(), reporter).write(orders,
        files.create(file(Dataset.RAW_ORDERS, date, "orders-" + number(index) + ".csv")),
        files.create(file(Dataset.RAW_ORDER_LINES, date, "order_lines-" + number(index) + ".csv")));
  }

  private Path file(Dataset dataset, LocalDate date, String name) {
    return new Path(output.partition(dataset, date), name);
  }

  private static String number(int index) {
    return new ByteLine(8).appendPadded(index, 5).toString();
  }
}
