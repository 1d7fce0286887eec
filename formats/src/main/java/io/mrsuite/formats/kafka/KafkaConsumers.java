package io.mrsuite.formats.kafka;

import java.time.Duration;
import java.util.Properties;
import org.apache.hadoop.conf.Configuration;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** The consumers KafkaInputFormat plans and reads with: assigned partitions, no group, nothing committed to Kafka. */
final class KafkaConsumers {
  private KafkaConsumers() {
  }

  static Consumer<byte[], byte[]> open(Configuration conf) {
    Properties settings = KafkaInputKeys.consumerSettings(conf);
    settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    settings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    // Offsets live in the warehouse's checkpoint, committed after the output: never in Kafka.
    settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    settings.remove(ConsumerConfig.GROUP_ID_CONFIG);
    // A range whose start is gone must be noticed and counted, not silently moved.
    settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
    settings.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "mrsuite-" + conf.get(KafkaInputKeys.TOPIC, "pull"));
    settings.putIfAbsent(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, String.valueOf(timeout(conf).toMillis()));
    return new KafkaConsumer<>(settings);
  }

  static Duration timeout(Configuration conf) {
    return Duration.ofMillis(conf.getLong(KafkaInputKeys.TIMEOUT_MS, KafkaInputKeys.DEFAULT_TIMEOUT_MS));
  }
}
