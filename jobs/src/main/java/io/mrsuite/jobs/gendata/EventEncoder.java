package io.mrsuite.jobs.gendata;

import io.mrsuite.formats.avro.EventType;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes an {@link EventRecord} as one JSON Lines line, the way the visitor's {@link Client} sends it.
 *
 * <p>It remembers where each named field's key and value sit in the line, so that {@link EventCorruptor} can
 * break exactly one thing about a line.
 *
 * <p>Encoding takes no random decisions: the same record always gives the same bytes.
 */
final class EventEncoder {
  private static final byte[][] TYPE_VALUES = new byte[EventType.values().length][];
  private static final byte[] NULL = bytes("null");
  /** The device member each user agent's tracking sends: a string from the web and iOS, an object from Android. */
  private static final Map<String, byte[]> DEVICES = new HashMap<>();

  static {
    for (EventType type : EventType.values()) {
      TYPE_VALUES[type.ordinal()] = bytes('"' + type.name() + '"');
    }
    for (String agent : Vocabulary.WEB_AGENTS) {
      DEVICES.put(agent, bytes(",\"device\":\"" + (agent.contains(" Mobile") ? "mobile" : "desktop") + "\""));
    }
    for (String agent : Vocabulary.IOS_AGENTS) {
      DEVICES.put(agent, bytes(",\"device\":\"" + (agent.contains("iPad") ? "tablet" : "phone") + "\""));
    }
    for (String agent : Vocabulary.ANDROID_AGENTS) {
      String model = agent.substring(agent.lastIndexOf("; ") + 2, agent.length() - 1);
      DEVICES.put(agent, bytes(",\"device\":{\"os\":\"Android\",\"model\":\"" + model + "\"}"));
    }
  }

  private final byte[][] productIds;
  private final byte[][] searchQueries;
  private final byte[][][] contexts;
  private final ByteLine line = new ByteLine(1024);
  private final int[] keyStart = new int[RawField.values().length];
  private final int[] valueStart = new int[RawField.values().length];
  private final int[] valueEnd = new int[RawField.values().length];

  EventEncoder(Catalog catalog) {
    productIds = new byte[catalog.size()][];
    for (int i = 0; i < catalog.size(); i++) {
      productIds[i] = new ByteLine(16).appendJsonString(catalog.product(i).id()).toByteArray();
    }
    searchQueries = new byte[Vocabulary.SEARCH_TERMS.size()][];
    for (int i = 0; i < searchQueries.length; i++) {
      searchQueries[i] = new ByteLine(64).appendJsonString(Vocabulary.SEARCH_TERMS.get(i)).toByteArray();
    }
    contexts = new byte[Client.values().length][EventType.values().length][];
    for (EventType type : EventType.values()) {
      contexts[Client.IOS.ordinal()][type.ordinal()] = appContext("shop-ios", "7.4.0", "iOS", "18.1", type);
      contexts[Client.ANDROID.ordinal()][type.ordinal()] = appContext("shop-android", "7.3.2", "Android", "15", type);
    }
  }

  /** A nested object of the kind mobile SDKs add; it ends up, as JSON text, in the curated attributes. */
  private static byte[] appContext(String app, String version, String os, String osVersion, EventType type) {
    return bytes(",\"context\":{\"app\":{\"name\":\"" + app + "\",\"version\":\"" + version + "\"},\"os\":{\"name\":\""
        + os + "\",\"version\":\"" + osVersion + "\"},\"screen\":\"" + type.name().replace("_", "-") + "\"}");
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  ByteLine line() {
    return line;
  }

  boolean has(RawField field) {
    return keyStart[field.ordinal()] >= 0;
  }

  int keyStart(RawField field) {
    return keyStart[field.ordinal()];
  }

  int valueStart(RawField field) {
    return valueStart[field.ordinal()];
  }

  int valueEnd(RawField field) {
    return valueEnd[field.ordinal()];
  }

  ByteLine encode(EventRecord e) {
    line.clear();
    Arrays.fill(keyStart, -1);
    Visitor v = e.visitor;
    Client client = v.client();
    boolean app = client == Client.IOS || client == Client.ANDROID;
    line.append('{');
    key(RawField.EVENT_ID);
    line.appendJsonString(e.eventId);
    end(RawField.EVENT_ID);
    key(RawField.EVENT_TYPE);
    line.append(TYPE_VALUES[e.type.ordinal()]);
    end(RawField.EVENT_TYPE);
    key(RawField.EVENT_TIME);
    time(e, client);
    end(RawField.EVENT_TIME);
    key(RawField.ANONYMOUS_ID);
    line.appendJsonString(v.anonymousId());
    end(RawField.ANONYMOUS_ID);
    nullable(RawField.USER_ID, v.userId(), app);
    if (e.product >= 0) {
      key(RawField.PRODUCT_ID);
      line.append(productIds[e.product]);
      end(RawField.PRODUCT_ID);
    }
    if (e.quantity > 0) {
      key(RawField.QUANTITY);
      line.appendLong(e.quantity);
      end(RawField.QUANTITY);
    }
    if (e.priceMinor >= 0) {
      price(e.priceMinor, v.currency(), client);
      key(RawField.CURRENCY);
      line.append('"').appendText(v.currency().name()).append('"');
      end(RawField.CURRENCY);
    }
    if (e.orderId != null) {
      key(RawField.ORDER_ID);
      line.appendJsonString(e.orderId);
      end(RawField.ORDER_ID);
    }
    nullable(RawField.COUNTRY, v.country() == null ? null : v.country().code(), client == Client.IOS);
    if (!app) {
      if (e.pageUrl != null) {
        key(RawField.PAGE_URL);
        line.appendJsonString(e.pageUrl);
        end(RawField.PAGE_URL);
      }
      nullable(RawField.REFERRER, e.referrer, false);
    }
    key(RawField.USER_AGENT);
    line.appendJsonString(v.userAgent());
    end(RawField.USER_AGENT);
    key(RawField.IP);
    line.appendJsonString(v.ip());
    end(RawField.IP);
    if (e.searchTerm >= 0) {
      key(RawField.SEARCH_QUERY);
      line.append(searchQueries[e.searchTerm]);
      end(RawField.SEARCH_QUERY);
    }
    extras(e, v, client);
    return line.append('}');
  }

  private void time(EventRecord e, Client client) {
    Visitor v = e.visitor;
    switch (client) {
      case IOS:
        line.appendLong(e.timeMillis);
        break;
      case ANDROID:
        line.append('"');
        TimeText.appendIso(line, e.timeMillis, v.offsetMinutes(), v.offsetText(), 6, e.micros).append('"');
        break;
      case SERVER:
        line.append('"');
        TimeText.appendIso(line, e.timeMillis, v.offsetMinutes(), v.offsetText(), 0, 0).append('"');
        break;
      default:
        line.append('"');
        TimeText.appendIso(line, e.timeMillis, v.offsetMinutes(), v.offsetText(), 3, 0).append('"');
        break;
    }
  }

  private void price(long minor, CurrencyCode currency, Client client) {
    key(RawField.PRICE);
    switch (client) {
      case IOS:
        line.append('"');
        Money.append(line, minor, currency).append('"');
        break;
      case ANDROID:
        Money.append(line, minor, currency);
        break;
      default:
        Money.appendShortest(line, minor, currency);
        break;
    }
    end(RawField.PRICE);
  }

  /** A field that may be null: written as JSON null, or left out when {@code omitNull} (as apps do). */
  private void nullable(RawField field, String value, boolean omitNull) {
    if (value == null && omitNull) {
      return;
    }
    key(field);
    if (value == null) {
      line.append(NULL);
    } else {
      line.appendJsonString(value);
    }
    end(field);
  }

  private void extras(EventRecord e, Visitor v, Client client) {
    // Server-side tracking and crawlers send no device.
    if (client != Client.SERVER && !v.bot()) {
      line.append(DEVICES.get(v.userAgent()));
    }
    if (e.cartSize > 0) {
      line.appendText(",\"cart_size\":").appendLong(e.cartSize);
    }
    if (v.campaign() != null) {
      line.appendText(",\"campaign\":").appendJsonString(v.campaign());
    }
    if (v.experiments() != null) {
      line.appendText(",\"experiments\":").appendText(v.experiments());
    }
    byte[] context = contexts[client.ordinal()][e.type.ordinal()];
    if (context != null) {
      line.append(context);
    }
  }

  private void key(RawField field) {
    if (line.length() > 1) {
      line.append(',');
    }
    keyStart[field.ordinal()] = line.length();
    line.append(field.key());
    valueStart[field.ordinal()] = line.length();
  }

  private void end(RawField field) {
    valueEnd[field.ordinal()] = line.length();
  }
}
