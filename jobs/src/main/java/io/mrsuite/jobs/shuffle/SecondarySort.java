package io.mrsuite.jobs.shuffle;

import org.apache.avro.Schema;
import org.apache.avro.mapreduce.AvroJob;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.Partitioner;

/**
 * Wires a secondary sort on Avro map output keys the one way that works.
 *
 * <p>The whole key is sorted (Avro's order over every field, {@link KeySortComparator}), while the partitioner
 * and the grouping comparator look at the natural key alone, the key's first field. The first field because
 * Avro sorts records field by field: only then are the keys of one group contiguous in the sort, which grouping
 * needs.
 */
public final class SecondarySort {
  /** The key field that partitions and groups; set by {@link #configure}. */
  public static final String GROUP_FIELD = "mrsuite.secondary-sort.group-field";

  private SecondarySort() {
  }

  /**
   * Map output of {@code keySchema} and {@code valueSchema}, partitioned by the hash of {@code groupField} and
   * grouped on it.
   *
   * @throws IllegalArgumentException when {@code groupField} is not the key's first field, or is not sorted
   */
  public static void configure(Job job, Schema keySchema, Schema valueSchema, String groupField) {
    configure(job, keySchema, valueSchema, groupField, FieldPartitioner.class);
  }

  /** As {@link #configure(Job, Schema, Schema, String)}, with a partitioner of the job's own on the same field. */
  @SuppressWarnings("rawtypes")
  public static void configure(Job job, Schema keySchema, Schema valueSchema, String groupField,
      Class<? extends Partitioner> partitioner) {
    groupFieldOf(keySchema, groupField);
    AvroJob.setMapOutputKeySchema(job, keySchema);
    AvroJob.setMapOutputValueSchema(job, valueSchema);
    job.getConfiguration().set(GROUP_FIELD, groupField);
    job.setPartitionerClass(partitioner);
    // After setMapOutputKeySchema, which sets Avro's full-key comparator for sorting and grouping.
    job.setSortComparatorClass(KeySortComparator.class);
    job.setGroupingComparatorClass(FieldGroupingComparator.class);
  }

  /** The grouping field a job's configuration names, checked against its map output key schema. */
  static Schema.Field groupField(Configuration conf) {
    Schema keySchema = AvroJob.getMapOutputKeySchema(conf);
    String name = conf.get(GROUP_FIELD);
    if (keySchema == null || name == null) {
      throw new IllegalStateException("no secondary sort configured: call SecondarySort.configure");
    }
    return groupFieldOf(keySchema, name);
  }

  private static Schema.Field groupFieldOf(Schema keySchema, String name) {
    if (keySchema.getType() != Schema.Type.RECORD || keySchema.getFields().isEmpty()) {
      throw new IllegalArgumentException("a secondary sort needs a record key, not " + keySchema);
    }
    Schema.Field first = keySchema.getFields().get(0);
    if (!first.name().equals(name)) {
      throw new IllegalArgumentException("cannot group " + keySchema.getFullName() + " on '" + name
          + "': a group is contiguous in the sort only on the key's first field, '" + first.name() + "'");
    }
    if (first.order() == Schema.Field.Order.IGNORE) {
      throw new IllegalArgumentException("cannot group " + keySchema.getFullName() + " on '" + name
          + "': the field is not sorted (order ignore)");
    }
    return first;
  }
}
