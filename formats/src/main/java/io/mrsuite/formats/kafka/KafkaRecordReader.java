package io.mrsuite.formats.kafka;

import java.io.IOException;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapreduce.Counter;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetOutOfRangeException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads one {@link KafkaSplit}: seeks to its start and polls until the consumer's position reaches its end.
 *
 * <p>Polls are bounded: no progress for {@link KafkaInputKeys#TIMEOUT_MS} fails the task, naming the partition and
 * offset. A position Kafka deleted while the job ran (retention) moves to the earliest offset and counts the
 * offsets skipped. Offsets without a record (compaction, transaction markers) are passed over.
 */
final class KafkaRecordReader extends RecordReader<NullWritable, KafkaRecord> {
  private static final Duration POLL = Duration.ofMillis(500);

  private final KafkaRecord current = new KafkaRecord();
  private KafkaSplit split;
  private TopicPartition partition;
  private Consumer<byte[], byte[]> consumer;
  private Iterator<ConsumerRecord<byte[], byte[]>> polled = List.<ConsumerRecord<byte[], byte[]>>of().iterator();
  private Counter lost;
  private Duration timeout;
  private long read;

  @Override
  public void initialize(InputSplit inputSplit, TaskAttemptContext context) {
    split = (KafkaSplit) inputSplit;
    partition = new TopicPartition(split.topic(), split.partition());
    timeout = KafkaConsumers.timeout(context.getConfiguration());
    lost = context.getCounter(KafkaCounters.RECORDS_LOST_TO_RETENTION);
    lost.increment(split.lost());
    if (split.from() < split.until()) {
      consumer = KafkaConsumers.open(context.getConfiguration());
      consumer.assign(List.of(partition));
      consumer.seek(partition, split.from());
    }
  }

  @Override
  public boolean nextKeyValue() throws IOException {
    if (consumer == null) {
      return false;
    }
    long idleSince = System.nanoTime();
    while (true) {
      while (polled.hasNext()) {
        ConsumerRecord<byte[], byte[]> record = polled.next();
        if (record.offset() >= split.until()) {
          polled = List.<ConsumerRecord<byte[], byte[]>>of().iterator();
          break;
        }
        byte[] value = record.value() == null ? new byte[0] : record.value();
        current.set(record.partition(), record.offset(), record.timestamp(), value);
        read++;
        return true;
      }
      try {
        long position = consumer.position(partition, timeout);
        if (position >= split.until()) {
          return false;
        }
        List<ConsumerRecord<byte[], byte[]>> records = consumer.poll(POLL).records(partition);
        if (records.isEmpty()) {
          if (Duration.ofNanos(System.nanoTime() - idleSince).compareTo(timeout) > 0) {
            throw new IOException("no record of " + partition + " at offset " + position + " within "
                + timeout.toMillis() + " ms, though its range ends at " + split.until());
          }
        } else {
          idleSince = System.nanoTime();
          polled = records.iterator();
        }
      } catch (OffsetOutOfRangeException e) {
        skipToEarliest();
      } catch (KafkaException e) {
        throw new IOException("cannot read " + split + ": " + e.getMessage(), e);
      }
    }
  }

  /** The position was deleted by retention while the job ran: go on from the earliest offset, counting the gap. */
  private void skipToEarliest() {
    long position = consumer.position(partition, timeout);
    long earliest = consumer.beginningOffsets(List.of(partition), timeout).get(partition);
    long resume = Math.min(earliest, split.until());
    lost.increment(Math.max(0, resume - position));
    consumer.seek(partition, resume);
  }

  @Override
  public NullWritable getCurrentKey() {
    return NullWritable.get();
  }

  @Override
  public KafkaRecord getCurrentValue() {
    return current;
  }

  @Override
  public float getProgress() {
    long length = split.until() - split.from();
    return length == 0 ? 1f : Math.min(1f, (float) read / length);
  }

  @Override
  public void close() {
    if (consumer != null) {
      consumer.close(Duration.ofSeconds(5));
    }
  }
}
