package io.mrsuite.formats.events;

import java.util.List;
import java.util.Set;

/** Names of the raw event fields the contract defines; every other field goes to {@code attributes}. */
final class EventField {
  static final String EVENT_ID = "event_id";
  static final String EVENT_TYPE = "event_type";
  static final String EVENT_TIME = "event_time";
  static final String ANONYMOUS_ID = "anonymous_id";
  static final String USER_ID = "user_id";
  static final String PRODUCT_ID = "product_id";
  static final String QUANTITY = "quantity";
  static final String PRICE = "price";
  static final String CURRENCY = "currency";
  static final String ORDER_ID = "order_id";
  static final String COUNTRY = "country";
  static final String PAGE_URL = "page_url";
  static final String REFERRER = "referrer";
  static final String USER_AGENT = "user_agent";
  static final String IP = "ip";
  static final String SEARCH_QUERY = "search_query";
  /** Named only when its value is a string; any other value stays in {@code attributes}, as before v2. */
  static final String DEVICE = "device";

  /** Required for every event type, in the order they are checked. */
  static final List<String> ALWAYS_REQUIRED = List.of(EVENT_ID, EVENT_TYPE, EVENT_TIME, ANONYMOUS_ID);

  static final Set<String> NAMED = Set.of(EVENT_ID, EVENT_TYPE, EVENT_TIME, ANONYMOUS_ID, USER_ID, PRODUCT_ID,
      QUANTITY, PRICE, CURRENCY, ORDER_ID, COUNTRY, PAGE_URL, REFERRER, USER_AGENT, IP, SEARCH_QUERY);

  private EventField() {
  }
}
