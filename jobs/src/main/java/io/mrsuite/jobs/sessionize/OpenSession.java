package io.mrsuite.jobs.sessionize;

import io.mrsuite.formats.avro.Session;
import io.mrsuite.jobs.measures.EventMeasures;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The session being built from a visitor's events, which arrive in (event_time, event_id) order. It holds
 * counts and a few strings, never the events, so its size does not depend on how many events it takes.
 */
final class OpenSession {
  /** More than this between two events starts a new session; exactly this does not. */
  static final long MAX_GAP_MILLIS = 30L * 60 * 1000;
  private static final long MILLIS_PER_DAY = 86_400_000L;
  private static final DateTimeFormatter SESSION_ID_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSX")
      .withZone(ZoneOffset.UTC);

  private final String visitor;
  private final long start;
  private long end;
  private int events;
  private int pageViews;
  private int productViews;
  private int searches;
  private int cartAdds;
  private int cartRemoves;
  private int checkouts;
  private int purchases;
  private int unconvertedPurchases;
  private BigDecimal revenueUsd = BigDecimal.ZERO;
  private String country;
  private String entryUrl;
  private String exitUrl;
  private final String device;

  /** Opens the session at its first event, whose device it keeps (null when that event has none). */
  OpenSession(String visitor, long start, String device) {
    this.visitor = visitor;
    this.start = start;
    this.end = start;
    this.device = device;
  }

  /** Whether an event at {@code time} (not before the last one) continues this session. */
  boolean continuesAt(long time) {
    return time - end <= MAX_GAP_MILLIS && Math.floorDiv(time, MILLIS_PER_DAY) == Math.floorDiv(end, MILLIS_PER_DAY);
  }

  /** Adds the event; the strings it keeps are immutable, so the caller may reuse {@code event}. */
  void add(long time, SessionEvent event) {
    end = time;
    events++;
    switch (event.getEventType()) {
      case page_view -> pageViews++;
      case product_view -> productViews++;
      case search -> searches++;
      case add_to_cart -> cartAdds++;
      case remove_from_cart -> cartRemoves++;
      case checkout -> checkouts++;
      case purchase -> {
        purchases++;
        if (event.getPurchaseUsd() == null) {
          unconvertedPurchases++;
        } else {
          revenueUsd = revenueUsd.add(event.getPurchaseUsd());
        }
      }
    }
    if (country == null) {
      country = event.getCountry();
    }
    if (event.getPageUrl() != null) {
      if (entryUrl == null) {
        entryUrl = event.getPageUrl();
      }
      exitUrl = event.getPageUrl();
    }
  }

  Session toSession() {
    return Session.newBuilder()
        .setSessionId(visitor + "@" + SESSION_ID_TIME.format(Instant.ofEpochMilli(start)))
        .setVisitor(visitor)
        .setSessionStart(Instant.ofEpochMilli(start))
        .setSessionEnd(Instant.ofEpochMilli(end))
        .setEventCount(events)
        .setPageViews(pageViews)
        .setProductViews(productViews)
        .setSearches(searches)
        .setCartAdds(cartAdds)
        .setCartRemoves(cartRemoves)
        .setCheckouts(checkouts)
        .setPurchases(purchases)
        .setConverted(purchases > 0)
        .setRevenueUsd(EventMeasures.reportedUsd(revenueUsd))
        .setUnconvertedPurchases(unconvertedPurchases)
        .setCountry(country)
        .setEntryUrl(entryUrl)
        .setExitUrl(exitUrl)
        .setDevice(device)
        .build();
  }
}
