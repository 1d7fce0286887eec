package io.mrsuite.formats.kafka;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapreduce.InputFormat;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.JobContext;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads a Kafka topic as offset ranges, one split per range of a partition, as LinkedIn's Camus and Gobblin
 * pulled Kafka into HDFS: a partition's range runs from its checkpoint ({@link KafkaInputKeys#START_OFFSETS}) to
 * its end offset when the run is planned (or a per-run cap), cut into splits of at most
 * {@link KafkaInputKeys#SPLIT_OFFSETS} offsets, so the pull is parallel and a rerun of the same plan reads the
 * same records.
 *
 * <p>The driver plans once ({@link #plan}) and passes the ranges to the job ({@link KafkaInputKeys#PLANNED_RANGES}),
 * so the splits are exactly what it will commit. A range whose start Kafka has already deleted starts at the
 * partition's earliest offset, and the offsets lost are counted ({@link KafkaCounters#RECORDS_LOST_TO_RETENTION}).
 * Brokers that cannot be reached fail the planning within {@link KafkaInputKeys#TIMEOUT_MS}, naming them.
 */
public class KafkaInputFormat extends InputFormat<NullWritable, KafkaRecord> {

  /** The range of each partition, in partition order: from the checkpoint (or earliest) to the end when planned. */
  public static List<KafkaSplit> plan(Configuration conf) throws IOException {
    String topic = conf.get(KafkaInputKeys.TOPIC);
    if (topic == null || topic.isEmpty()) {
      throw new IllegalArgumentException(KafkaInputKeys.TOPIC + " is not set");
    }
    Duration timeout = KafkaConsumers.timeout(conf);
    Map<Integer, Long> starts = offsets(conf.get(KafkaInputKeys.START_OFFSETS, ""));
    long cap = conf.getLong(KafkaInputKeys.MAX_OFFSETS_PER_PARTITION, Long.MAX_VALUE);
    try (Consumer<byte[], byte[]> consumer = KafkaConsumers.open(conf)) {
      List<PartitionInfo> partitions = consumer.partitionsFor(topic, timeout);
      if (partitions == null || partitions.isEmpty()) {
        throw new IOException("topic " + topic + " does not exist at " + KafkaInputKeys.bootstrap(conf));
      }
      List<TopicPartition> topicPartitions = partitions.stream()
          .map(info -> new TopicPartition(topic, info.partition()))
          .sorted(Comparator.comparingInt(TopicPartition::partition)).toList();
      Map<TopicPartition, Long> earliest = consumer.beginningOffsets(topicPartitions, timeout);
      Map<TopicPartition, Long> end = consumer.endOffsets(topicPartitions, timeout);
      List<KafkaSplit> ranges = new ArrayList<>();
      for (TopicPartition partition : topicPartitions) {
        long first = earliest.get(partition);
        long last = end.get(partition);
        long requested = starts.getOrDefault(partition.partition(), first);
        if (requested > last) {
          throw new IOException("the checkpoint of " + partition + " is at offset " + requested
              + ", past its end offset " + last + ": was the topic deleted and created again?");
        }
        long from = Math.max(requested, first);
        long until = Math.min(last, from + Math.min(cap, Long.MAX_VALUE - from));
        ranges.add(new KafkaSplit(topic, partition.partition(), from, until, from - requested));
      }
      return ranges;
    } catch (KafkaException e) {
      throw new IOException("cannot plan topic " + topic + " at " + KafkaInputKeys.bootstrap(conf) + " within "
          + timeout.toMillis() + " ms: " + e.getMessage(), e);
    }
  }

  /** The ranges as {@link KafkaInputKeys#PLANNED_RANGES} holds them. */
  public static String format(List<KafkaSplit> ranges) {
    List<String> parts = new ArrayList<>();
    for (KafkaSplit range : ranges) {
      parts.add(range.partition() + ":" + range.from() + ":" + range.until() + ":" + range.lost());
    }
    return String.join(",", parts);
  }

  /** The planned ranges, each cut into splits of at most {@link KafkaInputKeys#SPLIT_OFFSETS} offsets. */
  @Override
  public List<InputSplit> getSplits(JobContext context) throws IOException {
    Configuration conf = context.getConfiguration();
    String planned = conf.get(KafkaInputKeys.PLANNED_RANGES);
    List<KafkaSplit> ranges = planned == null ? plan(conf) : parse(conf.get(KafkaInputKeys.TOPIC), planned);
    long size = Math.max(1, conf.getLong(KafkaInputKeys.SPLIT_OFFSETS, KafkaInputKeys.DEFAULT_SPLIT_OFFSETS));
    List<InputSplit> splits = new ArrayList<>();
    for (KafkaSplit range : ranges) {
      if (range.from() == range.until() && range.lost() > 0) {
        // Nothing left to read, but the loss is reported by a task like any other.
        splits.add(range);
      }
      for (long from = range.from(); from < range.until(); from += size) {
        splits.add(new KafkaSplit(range.topic(), range.partition(), from, Math.min(range.until(), from + size),
            from == range.from() ? range.lost() : 0));
      }
    }
    return splits;
  }

  @Override
  public RecordReader<NullWritable, KafkaRecord> createRecordReader(InputSplit split, TaskAttemptContext context) {
    return new KafkaRecordReader();
  }

  static List<KafkaSplit> parse(String topic, String planned) {
    List<KafkaSplit> ranges = new ArrayList<>();
    if (planned.isEmpty()) {
      return ranges;
    }
    for (String range : planned.split(",")) {
      String[] parts = range.split(":");
      ranges.add(new KafkaSplit(topic, Integer.parseInt(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2]),
          Long.parseLong(parts[3])));
    }
    return ranges;
  }

  private static Map<Integer, Long> offsets(String text) {
    Map<Integer, Long> offsets = new HashMap<>();
    for (String pair : text.split(",")) {
      if (!pair.isBlank()) {
        String[] parts = pair.trim().split(":");
        offsets.put(Integer.parseInt(parts[0]), Long.parseLong(parts[1]));
      }
    }
    return offsets;
  }
}
