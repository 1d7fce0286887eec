package io.mrsuite.jobs.gendata;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.apache.hadoop.io.Writable;
import org.apache.hadoop.mapreduce.InputSplit;

/** A synthetic split: no input bytes, just the shard a map task is to generate. */
public final class ShardSplit extends InputSplit implements Writable {
  private final Shard shard;

  /** For Hadoop's deserialisation. */
  public ShardSplit() {
    this(new Shard());
  }

  ShardSplit(Shard shard) {
    this.shard = shard;
  }

  Shard shard() {
    return shard;
  }

  /** Every shard is about the same size; nothing is read, so there is nothing to measure. */
  @Override
  public long getLength() {
    return 0;
  }

  /** Generated anywhere: no data locality to ask for. */
  @Override
  public String[] getLocations() {
    return new String[0];
  }

  @Override
  public void write(DataOutput out) throws IOException {
    shard.write(out);
  }

  @Override
  public void readFields(DataInput in) throws IOException {
    shard.readFields(in);
  }

  @Override
  public String toString() {
    return shard.toString();
  }
}
