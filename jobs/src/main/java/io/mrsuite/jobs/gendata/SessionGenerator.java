package io.mrsuite.jobs.gendata;

import io.mrsuite.formats.avro.EventType;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Plays one shard's share of a day of shop traffic into an {@link EventSink} until the shard is full.
 *
 * <p>The traffic comes in three parts:
 *
 * <ol>
 *   <li>late sessions: begun between 22:00 and midnight the day before; their events up to midnight arrive
 *       late (filed under this day), some run past midnight (sessions that cross midnight UTC);</li>
 *   <li>the bots: crawlers that request product pages in rapid succession, each a fixed share of the day;</li>
 *   <li>visitor sessions, started through the day by a daily traffic curve, that browse, search, fill carts,
 *       check out and purchase. Each purchase places an order in the {@link OrderBook}, and sends one purchase
 *       event per order line, carrying the order id.</li>
 * </ol>
 *
 * <p>Times between events are mostly seconds, sometimes over 30 minutes (the visitor's next session, same
 * visitor), and now and then exactly 30:00.000 (which must not split a session).
 */
final class SessionGenerator {
  /** Share of a shard's records that come from sessions begun the day before. */
  static final double LATE_SHARE = 0.02;
  /** Share of a shard's records per bot. */
  static final double BOT_SHARE = 0.01;
  private static final long LATE_WINDOW = 2 * TimeText.MILLIS_PER_HOUR;
  private static final long MINUTE = 60_000;
  /** Relative session starts per UTC hour: Europe's evening, then the Americas'. */
  private static final int[] HOURLY_TRAFFIC = {20, 15, 12, 10, 10, 12, 20, 30, 40, 45, 50, 50, 50, 50, 55, 60, 65, 70,
      75, 75, 70, 60, 45, 30};

  private final Catalog catalog;
  private final DayPrices prices;
  private final Visitors visitors;
  private final EventSink sink;
  private final EventIds ids;
  private final OrderBook orders;
  private final SplittableRandom random;
  private final ShardReporter reporter;
  private final long dayStart;
  private final long dayEnd;
  private final long records;
  private final List<String> categoryPages = new ArrayList<>();
  private final List<String> searchPages = new ArrayList<>();
  private final int trafficTotal;

  private final EventRecord event = new EventRecord();
  private final List<OrderLine> cart = new ArrayList<>();
  private int lastProduct;
  private String previousPage;

  SessionGenerator(Catalog catalog, DayPrices prices, Visitors visitors, EventSink sink, EventIds ids,
      OrderBook orders, long dayStart, long records, SplittableRandom random, ShardReporter reporter) {
    this.catalog = catalog;
    this.prices = prices;
    this.visitors = visitors;
    this.sink = sink;
    this.ids = ids;
    this.orders = orders;
    this.dayStart = dayStart;
    this.dayEnd = dayStart + TimeText.MILLIS_PER_DAY;
    this.records = records;
    this.random = random;
    this.reporter = reporter;
    for (String category : Vocabulary.CATEGORIES) {
      categoryPages.add(Vocabulary.SHOP + "/c/" + category.toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", "-"));
    }
    for (String term : Vocabulary.SEARCH_TERMS) {
      searchPages.add(Vocabulary.SHOP + "/search?q=" + URLEncoder.encode(term, StandardCharsets.UTF_8));
    }
    int total = 0;
    for (int weight : HOURLY_TRAFFIC) {
      total += weight;
    }
    trafficTotal = total;
  }

  void run() throws IOException {
    long lateRecords = Math.round(records * LATE_SHARE);
    boolean room = true;
    while (room && sink.written() < lateRecords) {
      room = session(visitors.next(), dayStart - LATE_WINDOW + random.nextLong(LATE_WINDOW));
    }
    for (int bot = 0; room && bot < Visitors.BOTS; bot++) {
      room = crawl(visitors.bot(bot), Math.round(records * BOT_SHARE));
    }
    while (room) {
      room = session(visitors.next(), sessionStart());
    }
  }

  private long sessionStart() {
    int pick = random.nextInt(trafficTotal);
    int hour = 0;
    while (pick >= HOURLY_TRAFFIC[hour]) {
      pick -= HOURLY_TRAFFIC[hour++];
    }
    return dayStart + hour * TimeText.MILLIS_PER_HOUR + random.nextLong(TimeText.MILLIS_PER_HOUR);
  }

  /** @return whether the shard has room for more */
  private boolean session(Visitor visitor, long start) throws IOException {
    reporter.count(GenDataCounters.SESSIONS, 1);
    cart.clear();
    lastProduct = -1;
    previousPage = null;
    String referrer = random.nextInt(10) < 6
        ? Vocabulary.REFERRERS.get(random.nextInt(Vocabulary.REFERRERS.size())) : null;
    long time = start;
    boolean room = random.nextInt(10) == 0 ? productView(visitor, time, catalog.sample(random), referrer)
        : pageView(visitor, time, landingPage(), referrer);
    while (room) {
      time += gap();
      if (time >= dayEnd) {
        return true;
      }
      int action = random.nextInt(100);
      if (!cart.isEmpty() && action < 10) {
        room = checkout(visitor, time);
        if (room && cart.isEmpty() && random.nextInt(100) < 80) {
          return true;
        }
      } else if (action < 22) {
        room = search(visitor, time);
      } else if (action < 60) {
        room = productView(visitor, time, catalog.sample(random), previousPage);
      } else if (action < 74 && lastProduct >= 0) {
        room = addToCart(visitor, time);
      } else if (action < 77 && !cart.isEmpty()) {
        room = removeFromCart(visitor, time);
      } else if (action < 87) {
        room = pageView(visitor, time, landingPage(), previousPage);
      } else {
        return true;
      }
    }
    return false;
  }

  private long gap() {
    int pick = random.nextInt(1000);
    if (pick < 2) {
      return 30 * MINUTE;
    }
    if (pick < 20) {
      return 31 * MINUTE + random.nextLong(90 * MINUTE);
    }
    return 2_000 + (long) (-Math.log(1 - random.nextDouble()) * 30_000);
  }

  private String landingPage() {
    if (random.nextBoolean()) {
      return categoryPages.get(random.nextInt(categoryPages.size()));
    }
    return Vocabulary.SHOP + Vocabulary.HELP_PAGES.get(random.nextInt(Vocabulary.HELP_PAGES.size()));
  }

  private void begin(EventType type, Visitor visitor, long time, String page, String referrer) {
    event.start(ids.next(), type, time, random.nextInt(1000), visitor);
    event.pageUrl = page;
    event.referrer = referrer;
  }

  private boolean send() throws IOException {
    previousPage = event.pageUrl;
    return sink.emit(event);
  }

  private boolean pageView(Visitor visitor, long time, String page, String referrer) throws IOException {
    begin(EventType.page_view, visitor, time, page, referrer);
    return send();
  }

  private boolean productView(Visitor visitor, long time, int product, String referrer) throws IOException {
    begin(EventType.product_view, visitor, time, catalog.product(product).pageUrl(), referrer);
    event.product = product;
    lastProduct = product;
    return send();
  }

  private boolean search(Visitor visitor, long time) throws IOException {
    int term = random.nextInt(Vocabulary.SEARCH_TERMS.size());
    begin(EventType.search, visitor, time, searchPages.get(term), previousPage);
    event.searchTerm = term;
    return send();
  }

  private boolean addToCart(Visitor visitor, long time) throws IOException {
    int pick = random.nextInt(100);
    int quantity = pick < 80 ? 1 : pick < 94 ? 2 : 3 + random.nextInt(3);
    long price = prices.price(lastProduct, visitor.currency());
    begin(EventType.add_to_cart, visitor, time, catalog.product(lastProduct).pageUrl(), previousPage);
    event.product = lastProduct;
    event.quantity = quantity;
    event.priceMinor = price;
    int existing = indexInCart(lastProduct);
    if (existing >= 0) {
      OrderLine item = cart.get(existing);
      cart.set(existing, new OrderLine(0, item.product(), item.quantity() + quantity, item.unitPriceMinor()));
    } else {
      cart.add(new OrderLine(0, lastProduct, quantity, price));
    }
    return send();
  }

  private int indexInCart(int product) {
    for (int i = 0; i < cart.size(); i++) {
      if (cart.get(i).product() == product) {
        return i;
      }
    }
    return -1;
  }

  private boolean removeFromCart(Visitor visitor, long time) throws IOException {
    OrderLine item = cart.remove(random.nextInt(cart.size()));
    begin(EventType.remove_from_cart, visitor, time, Vocabulary.SHOP + "/cart", previousPage);
    event.product = item.product();
    event.quantity = item.quantity();
    return send();
  }

  /** A checkout, which in most cases ends in a purchase: then the cart is empty afterwards. */
  private boolean checkout(Visitor visitor, long time) throws IOException {
    begin(EventType.checkout, visitor, time, Vocabulary.SHOP + "/checkout", previousPage);
    event.cartSize = cart.size();
    if (!send()) {
      return false;
    }
    long paidAt = time + 5_000 + random.nextLong(55_000);
    if (random.nextInt(100) >= 70 || paidAt >= dayEnd) {
      return true;
    }
    Order order = orders.place(visitor, paidAt, cart);
    cart.clear();
    for (OrderLine line : order.lines()) {
      begin(EventType.purchase, visitor, paidAt, Vocabulary.SHOP + "/checkout/confirmation", previousPage);
      event.product = line.product();
      event.quantity = line.quantity();
      event.priceMinor = line.unitPriceMinor();
      event.orderId = order.id();
      if (!send()) {
        return false;
      }
    }
    return true;
  }

  /** A bot's run: product pages in catalog order, every tenth request a category page, under a second apart. */
  private boolean crawl(Visitor bot, long requests) throws IOException {
    if (requests == 0) {
      return true;
    }
    // Gaps average meanGap and stay below 1.5 x meanGap, so the run ends before midnight.
    long meanGap = Math.max(1, Math.min(850, TimeText.MILLIS_PER_DAY / 2 / requests));
    long time = dayStart + random.nextLong(TimeText.MILLIS_PER_DAY / 4);
    int product = random.nextInt(catalog.size());
    previousPage = null;
    for (long i = 0; i < requests; i++) {
      time += meanGap / 2 + random.nextLong(meanGap);
      boolean room;
      if (i % 10 == 9) {
        room = pageView(bot, time, categoryPages.get(random.nextInt(categoryPages.size())), previousPage);
      } else {
        room = productView(bot, time, product, previousPage);
        product = (product + 1) % catalog.size();
      }
      if (!room) {
        return false;
      }
    }
    return true;
  }
}
