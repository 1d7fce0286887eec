package io.mrsuite.jobs.gendata;

import java.nio.charset.StandardCharsets;

/** The contract's named event fields (section 2), in the order the encoder writes them, with their JSON keys. */
enum RawField {
  EVENT_ID("event_id"),
  EVENT_TYPE("event_type"),
  EVENT_TIME("event_time"),
  ANONYMOUS_ID("anonymous_id"),
  USER_ID("user_id"),
  PRODUCT_ID("product_id"),
  QUANTITY("quantity"),
  PRICE("price"),
  CURRENCY("currency"),
  ORDER_ID("order_id"),
  COUNTRY("country"),
  PAGE_URL("page_url"),
  REFERRER("referrer"),
  USER_AGENT("user_agent"),
  IP("ip"),
  SEARCH_QUERY("search_query");

  private final String jsonName;
  private final byte[] key;

  RawField(String jsonName) {
    this.jsonName = jsonName;
    this.key = ('"' + jsonName + "\":").getBytes(StandardCharsets.US_ASCII);
  }

  String jsonName() {
    return jsonName;
  }

  /** {@code "name":}, ready to append. */
  byte[] key() {
    return key;
  }
}
