package io.mrsuite.jobs.shuffle;

import io.mrsuite.jobs.run.RecordCounters;
import java.io.IOException;
import org.apache.avro.mapred.AvroKey;
import org.apache.avro.mapred.AvroValue;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapreduce.Mapper;

/**
 * Base of a mapper that turns each Avro input record into at most one shuffle pair.
 *
 * <p>It counts every record READ and writes one key and one value object, reused for every record (the
 * framework serializes them at once). A subclass fills them in, or says why it emits nothing by counting it.
 */
public abstract class ShuffleMapper<IN, K, V> extends Mapper<AvroKey<IN>, NullWritable, AvroKey<K>, AvroValue<V>> {
  private final K key;
  private final V value;
  private final AvroKey<K> outKey;
  private final AvroValue<V> outValue;

  protected ShuffleMapper(K key, V value) {
    this.key = key;
    this.value = value;
    this.outKey = new AvroKey<>(key);
    this.outValue = new AvroValue<>(value);
  }

  /** Sets {@code key} and {@code value} from one input record; false when the record gives no pair. */
  protected abstract boolean fill(IN record, K key, V value, Context context);

  @Override
  protected final void map(AvroKey<IN> input, NullWritable ignored, Context context)
      throws IOException, InterruptedException {
    context.getCounter(RecordCounters.READ).increment(1);
    if (fill(input.datum(), key, value, context)) {
      context.write(outKey, outValue);
    }
  }
}
