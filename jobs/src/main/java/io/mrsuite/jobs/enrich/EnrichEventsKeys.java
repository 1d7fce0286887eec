package io.mrsuite.jobs.enrich;

import org.apache.hadoop.conf.Configuration;

/** Configuration keys of enrich-events. Only these methods touch the key strings. */
public final class EnrichEventsKeys {
  /**
   * Largest catalog (bytes of the products partition's Avro files) joined map-side: every map task holds
   * the whole catalog in memory, about 10x its snappy-compressed Avro size. A larger catalog is joined
   * reduce-side. Default 16 MiB.
   */
  public static final String MAP_JOIN_MAX_BYTES = "mrsuite.enrich-events.map-join.max-bytes";
  public static final long DEFAULT_MAP_JOIN_MAX_BYTES = 16L << 20;

  /** Name prefix of the localized (distributed cache) files of the products partition. */
  static final String CATALOG_LINK_PREFIX = "catalog-";

  private EnrichEventsKeys() {
  }

  public static long mapJoinMaxBytes(Configuration conf) {
    return conf.getLong(MAP_JOIN_MAX_BYTES, DEFAULT_MAP_JOIN_MAX_BYTES);
  }
}
