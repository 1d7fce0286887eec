package io.mrsuite.jobs.measures;

import io.mrsuite.formats.avro.Event;
import io.mrsuite.formats.avro.EventType;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** What the marts and sessions measure of one event, defined once (DATA-CONTRACT.md section 4). */
public final class EventMeasures {
  /** Scale of an exact USD value: a price's 2 places plus a rate's 8, so price x quantity x rate is exact. */
  public static final int EXACT_USD_SCALE = 10;
  /** Scale of a reported USD amount, rounded half-even once, at the end of a sum. */
  public static final int USD_SCALE = 2;

  private EventMeasures() {
  }

  /** The contract's visitor: the signed-in user when there is one, else the cookie. */
  public static String visitor(Event event) {
    return event.getUserId() != null ? event.getUserId() : event.getAnonymousId();
  }

  /** price x quantity x rate for a purchase with a rate, exact; null for other events and without a rate. */
  public static BigDecimal purchaseUsd(Event event, BigDecimal usdPerUnit) {
    if (event.getEventType() != EventType.purchase || usdPerUnit == null || event.getPrice() == null) {
      return null;
    }
    return event.getPrice().multiply(BigDecimal.valueOf(event.getQuantity())).multiply(usdPerUnit)
        .setScale(EXACT_USD_SCALE, RoundingMode.UNNECESSARY);
  }

  /** An exact sum as reported: rounded half-even to cents. */
  public static BigDecimal reportedUsd(BigDecimal exact) {
    return exact.setScale(USD_SCALE, RoundingMode.HALF_EVEN);
  }
}
