package io.mrsuite.jobs.gendata;

import io.mrsuite.formats.avro.EventType;

/**
 * The event about to be written, reused from one event to the next. It holds what happened; how it looks on
 * the wire is the encoder's business, and is decided by the visitor's client alone, so encoding the same
 * record twice gives the same bytes (a retried send is a byte-identical line).
 */
final class EventRecord {
  String eventId;
  EventType type;
  long timeMillis;
  /** Only for ISO times with microseconds: the digits below the millisecond. */
  int micros;
  Visitor visitor;
  /** Catalog index, or -1. */
  int product = -1;
  /** 0 when the event carries no quantity. */
  int quantity;
  /** In the visitor's currency's minor units, or -1 when the event carries no price. */
  long priceMinor = -1;
  String orderId;
  /** Index into {@link Vocabulary#SEARCH_TERMS}, or -1. */
  int searchTerm = -1;
  String pageUrl;
  String referrer;
  /** An extra field for checkout events. */
  int cartSize;

  void start(String id, EventType eventType, long time, int subMillis, Visitor who) {
    eventId = id;
    type = eventType;
    timeMillis = time;
    micros = subMillis;
    visitor = who;
    product = -1;
    quantity = 0;
    priceMinor = -1;
    orderId = null;
    searchTerm = -1;
    pageUrl = null;
    referrer = null;
    cartSize = 0;
  }
}
