package io.mrsuite.formats.kafka;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.io.Writable;
import org.apache.hadoop.mapreduce.InputSplit;

/**
 * One partition's offsets {@code from} (inclusive) to {@code until} (exclusive), read by one map task.
 *
 * <p>{@code lost} counts the offsets before {@code from} that the run asked for but Kafka had already deleted
 * (retention): the first split of such a partition carries them, so its task reports them.
 */
public class KafkaSplit extends InputSplit implements Writable {
  private String topic;
  private int partition;
  private long from;
  private long until;
  private long lost;

  /** For Hadoop's deserialization. */
  public KafkaSplit() {
  }

  public KafkaSplit(String topic, int partition, long from, long until, long lost) {
    this.topic = topic;
    this.partition = partition;
    this.from = from;
    this.until = until;
    this.lost = lost;
  }

  public String topic() {
    return topic;
  }

  public int partition() {
    return partition;
  }

  public long from() {
    return from;
  }

  public long until() {
    return until;
  }

  public long lost() {
    return lost;
  }

  /** The offsets in the range: what the split costs, for the scheduler. */
  @Override
  public long getLength() {
    return until - from;
  }

  @Override
  public String[] getLocations() {
    return new String[0];
  }

  @Override
  public void write(DataOutput out) throws IOException {
    Text.writeString(out, topic);
    out.writeInt(partition);
    out.writeLong(from);
    out.writeLong(until);
    out.writeLong(lost);
  }

  @Override
  public void readFields(DataInput in) throws IOException {
    topic = Text.readString(in);
    partition = in.readInt();
    from = in.readLong();
    until = in.readLong();
    lost = in.readLong();
  }

  @Override
  public String toString() {
    return topic + "-" + partition + " [" + from + ", " + until + ")";
  }
}
