package io.mrsuite.jobs.dq;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.apache.datasketches.hll.Union;
import org.apache.hadoop.io.Writable;
import org.apache.hadoop.io.WritableUtils;

/**
 * Partial statistics of one column of one dataset.
 *
 * <p>They hold the rows seen, the nulls among them, the smallest and largest numeric or time value (exact, as
 * a decimal), and an HLL sketch of the distinct non-null values. Partial stats of the same column merge in
 * any order to the same counts and the same sketch state, which is what lets a combiner run any number of
 * times.
 */
public final class ColumnStats implements Writable {
  /** Type name when two files of a dataset disagree on a column's type. */
  static final String MIXED_TYPE = "mixed";

  private String type = "";
  private long rows;
  private long nulls;
  private BigDecimal min;
  private BigDecimal max;
  private HllSketch distinct;

  /** Empty stats, for Hadoop to fill with {@link #readFields}. */
  public ColumnStats() {
  }

  ColumnStats(String type) {
    this.type = type;
  }

  /** Notes the type of a further file's column: a different one makes the column {@value #MIXED_TYPE}. */
  void sawType(String fileType) {
    if (!type.equals(fileType)) {
      type = MIXED_TYPE;
    }
  }

  void addNull() {
    rows++;
    nulls++;
  }

  /** Counts a non-null value whose sketch update the caller has done through {@link #sketch(int)}. */
  void addValue() {
    rows++;
  }

  /** The column's sketch, created with {@code lgK} on first use. */
  HllSketch sketch(int lgK) {
    if (distinct == null) {
      distinct = new HllSketch(lgK, TgtHllType.HLL_4);
    }
    return distinct;
  }

  void addOrdered(BigDecimal value) {
    if (min == null || value.compareTo(min) < 0) {
      min = value;
    }
    if (max == null || value.compareTo(max) > 0) {
      max = value;
    }
  }

  /** Adds {@code other}'s counts, range and sketch to these. */
  public void merge(ColumnStats other) {
    if (rows == 0 && nulls == 0 && type.isEmpty()) {
      type = other.type;
    } else if (!type.equals(other.type)) {
      type = MIXED_TYPE;
    }
    rows += other.rows;
    nulls += other.nulls;
    if (other.min != null) {
      addOrdered(other.min);
      addOrdered(other.max);
    }
    if (other.distinct != null) {
      if (distinct == null) {
        distinct = HllSketch.heapify(other.distinct.toCompactByteArray());
      } else {
        Union union = new Union(Math.max(distinct.getLgConfigK(), other.distinct.getLgConfigK()));
        union.update(distinct);
        union.update(other.distinct);
        distinct = union.getResult(TgtHllType.HLL_4);
      }
    }
  }

  public String type() {
    return type;
  }

  public long rows() {
    return rows;
  }

  public long nulls() {
    return nulls;
  }

  /** Smallest numeric or time value, or null when the column has none. */
  public BigDecimal min() {
    return min;
  }

  public BigDecimal max() {
    return max;
  }

  /** The distinct-value sketch, or null when every value was null. */
  public HllSketch distinct() {
    return distinct;
  }

  @Override
  public void write(DataOutput out) throws IOException {
    WritableUtils.writeString(out, type);
    WritableUtils.writeVLong(out, rows);
    WritableUtils.writeVLong(out, nulls);
    out.writeBoolean(min != null);
    if (min != null) {
      writeDecimal(out, min);
      writeDecimal(out, max);
    }
    byte[] sketch = distinct == null ? new byte[0] : distinct.toCompactByteArray();
    WritableUtils.writeVInt(out, sketch.length);
    out.write(sketch);
  }

  @Override
  public void readFields(DataInput in) throws IOException {
    type = WritableUtils.readString(in);
    rows = WritableUtils.readVLong(in);
    nulls = WritableUtils.readVLong(in);
    if (in.readBoolean()) {
      min = readDecimal(in);
      max = readDecimal(in);
    } else {
      min = null;
      max = null;
    }
    byte[] sketch = new byte[WritableUtils.readVInt(in)];
    in.readFully(sketch);
    distinct = sketch.length == 0 ? null : HllSketch.heapify(sketch);
  }

  private static void writeDecimal(DataOutput out, BigDecimal value) throws IOException {
    byte[] unscaled = value.unscaledValue().toByteArray();
    WritableUtils.writeVInt(out, value.scale());
    WritableUtils.writeVInt(out, unscaled.length);
    out.write(unscaled);
  }

  private static BigDecimal readDecimal(DataInput in) throws IOException {
    int scale = WritableUtils.readVInt(in);
    byte[] unscaled = new byte[WritableUtils.readVInt(in)];
    in.readFully(unscaled);
    return new BigDecimal(new BigInteger(unscaled), scale);
  }
}
