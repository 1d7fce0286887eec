package io.mrsuite.formats.kafka;

import java.util.Map;
import java.util.Properties;
import org.apache.hadoop.conf.Configuration;

/** The configuration keys of {@link KafkaInputFormat}, set by the job that reads a topic. */
public final class KafkaInputKeys {
  /** The topic read. */
  public static final String TOPIC = "mrsuite.kafka.topic";
  /**
   * Where each partition's read starts, as {@code partition:offset} pairs joined by commas (the checkpoint). A
   * partition not named starts at its earliest offset.
   */
  public static final String START_OFFSETS = "mrsuite.kafka.start-offsets";
  /**
   * The ranges the driver planned, {@code partition:from:until:lost} joined by commas ({@link KafkaInputFormat#plan});
   * without it the input format plans them itself when the job is submitted.
   */
  public static final String PLANNED_RANGES = "mrsuite.kafka.planned-ranges";
  /** At most this many offsets of a partition per run, so one run never grows without bound; default none. */
  public static final String MAX_OFFSETS_PER_PARTITION = "mrsuite.kafka.max-offsets-per-partition";
  /** A partition's range is cut into splits of at most this many offsets; default {@value #DEFAULT_SPLIT_OFFSETS}. */
  public static final String SPLIT_OFFSETS = "mrsuite.kafka.split-offsets";
  public static final long DEFAULT_SPLIT_OFFSETS = 1_000_000L;
  /** How long one poll or metadata request may wait, in milliseconds; default {@value #DEFAULT_TIMEOUT_MS}. */
  public static final String TIMEOUT_MS = "mrsuite.kafka.timeout-ms";
  public static final long DEFAULT_TIMEOUT_MS = 30_000L;
  /**
   * Consumer settings, passed on with this prefix removed: {@code mrsuite.kafka.consumer.bootstrap.servers},
   * {@code mrsuite.kafka.consumer.security.protocol}, ... (given with {@code -D}; never printed).
   */
  public static final String CONSUMER_PREFIX = "mrsuite.kafka.consumer.";

  private KafkaInputKeys() {
  }

  /** The consumer settings of {@code conf}: every {@value #CONSUMER_PREFIX} key without its prefix. */
  public static Properties consumerSettings(Configuration conf) {
    Properties settings = new Properties();
    for (Map.Entry<String, String> entry : conf.getPropsWithPrefix(CONSUMER_PREFIX).entrySet()) {
      settings.setProperty(entry.getKey(), entry.getValue());
    }
    return settings;
  }

  /** The bootstrap servers, for messages: the only consumer setting ever printed. */
  public static String bootstrap(Configuration conf) {
    return conf.get(CONSUMER_PREFIX + "bootstrap.servers", "(no bootstrap.servers)");
  }
}
