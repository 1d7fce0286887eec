package io.mrsuite.jobs.gendata;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.LocalDate;
import org.apache.hadoop.io.Writable;
import org.apache.hadoop.io.WritableUtils;

/** One unit of gen-data's work: shard {@code index} of date {@code D}, written by one map task. */
public final class Shard implements Writable {
  private long epochDay;
  private int index;

  /** For Hadoop's deserialisation. */
  public Shard() {
  }

  Shard(LocalDate date, int index) {
    this.epochDay = date.toEpochDay();
    this.index = index;
  }

  public LocalDate date() {
    return LocalDate.ofEpochDay(epochDay);
  }

  public int index() {
    return index;
  }

  @Override
  public void write(DataOutput out) throws IOException {
    WritableUtils.writeVLong(out, epochDay);
    WritableUtils.writeVInt(out, index);
  }

  @Override
  public void readFields(DataInput in) throws IOException {
    epochDay = WritableUtils.readVLong(in);
    index = WritableUtils.readVInt(in);
  }

  @Override
  public String toString() {
    return "dt=" + date() + " shard " + index;
  }
}
