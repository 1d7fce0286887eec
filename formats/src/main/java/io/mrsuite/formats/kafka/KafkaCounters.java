package io.mrsuite.formats.kafka;

/** What reading a topic counts besides the records read. */
public enum KafkaCounters {
  /** Offsets of the planned ranges that Kafka had already deleted (retention) when they were read: never silent. */
  RECORDS_LOST_TO_RETENTION
}
