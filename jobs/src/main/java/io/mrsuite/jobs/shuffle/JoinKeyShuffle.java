package io.mrsuite.jobs.shuffle;

import org.apache.avro.Schema;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.Partitioner;

/** The shuffle of a job keyed by {@link JoinKey}: a {@link SecondarySort} on its key field. */
public final class JoinKeyShuffle {
  private JoinKeyShuffle() {
  }

  /** Map output of {@code JoinKey} and {@code valueSchema}, partitioned by the hash of the key field. */
  public static void configure(Job job, Schema valueSchema) {
    configure(job, valueSchema, FieldPartitioner.class);
  }

  /** As {@link #configure(Job, Schema)}, with a partitioner of the job's own on the key field. */
  @SuppressWarnings("rawtypes")
  public static void configure(Job job, Schema valueSchema, Class<? extends Partitioner> partitioner) {
    SecondarySort.configure(job, JoinKey.getClassSchema(), valueSchema, "key", partitioner);
  }
}
