package io.mrsuite.formats.kafka;

/**
 * One record as read: where it is in its topic, its timestamp (epoch milliseconds, as Kafka gives it) and its
 * value, unchanged. The reader reuses one instance.
 */
public final class KafkaRecord {
  private int partition;
  private long offset;
  private long timestamp;
  private byte[] value;

  void set(int partition, long offset, long timestamp, byte[] value) {
    this.partition = partition;
    this.offset = offset;
    this.timestamp = timestamp;
    this.value = value;
  }

  public int partition() {
    return partition;
  }

  public long offset() {
    return offset;
  }

  public long timestamp() {
    return timestamp;
  }

  /** The value's bytes, empty for a null value. */
  public byte[] value() {
    return value;
  }
}
