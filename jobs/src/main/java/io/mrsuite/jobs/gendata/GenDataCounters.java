package io.mrsuite.jobs.gendata;

/**
 * What gen-data wrote, summed over all days. Bad records are also counted per kind in the {@link BadEvent},
 * {@link BadOrder} and {@link BadOrderLine} groups; the books a later ingest must balance follow from these.
 */
public enum GenDataCounters {
  /** Records (non-empty lines) written to raw/events, bad ones included: exactly days x events-per-day. */
  EVENT_RECORDS,
  /** Event records planted bad. */
  BAD_EVENT_RECORDS,
  /** Empty lines written to raw/events besides the records (not records, per the contract). */
  EMPTY_LINES,
  /** Valid event lines that repeat an event written before, same event_id and same bytes: a retried send. */
  RETRIED_EVENTS,
  /** Valid event lines of events that happened the day before the arrival date they are filed under. */
  LATE_ARRIVALS,
  /** Valid event lines sent by bots. */
  BOT_EVENTS,
  /** Visitor sessions begun (bot runs excluded). */
  SESSIONS,
  /** Order records written, bad ones and duplicates included. */
  ORDERS,
  /** Order records planted bad. */
  BAD_ORDERS,
  /** Order line records written, bad ones included. */
  ORDER_LINES,
  /** Order line records planted bad. */
  BAD_ORDER_LINES,
  /** Good order lines of an order planted bad: an ingest finds no valid order for them (ORPHAN_LINE). */
  LINES_OF_BAD_ORDERS,
  /** Product rows written, summed over the days. */
  PRODUCTS,
  /** FX rate rows written, summed over the days. */
  FX_RATES,
  /** Data files written. */
  FILES
}
