package io.mrsuite.jobs.shuffle;

import io.mrsuite.formats.avro.CuratedDataModel;
import io.mrsuite.jobs.ingest.csv.SourcedRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.mapred.AvroKey;
import org.apache.avro.mapred.AvroValue;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.DataInputBuffer;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.RawComparator;
import org.apache.hadoop.io.serializer.SerializationFactory;
import org.apache.hadoop.io.serializer.Serializer;
import org.apache.hadoop.mapred.JobConf;
import org.apache.hadoop.mapred.RawKeyValueIterator;
import org.apache.hadoop.mapreduce.Counter;
import org.apache.hadoop.mapreduce.Counters;
import org.apache.hadoop.mapreduce.RecordWriter;
import org.apache.hadoop.mapreduce.Reducer;
import org.apache.hadoop.mapreduce.StatusReporter;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.TaskAttemptID;
import org.apache.hadoop.mapreduce.TaskType;
import org.apache.hadoop.mapreduce.lib.reduce.WrappedReducer;
import org.apache.hadoop.mapreduce.task.ReduceContextImpl;
import org.apache.hadoop.util.Progress;

/**
 * The reduce side of a real shuffle, in process: map output pairs are serialized with the job's
 * serialization (AvroSerialization), sorted with the job's raw sort comparator, and handed to Hadoop's own
 * {@link ReduceContextImpl} with the job's raw grouping comparator. Like a task, it deserializes every key
 * and value into ONE reused AvroKey/AvroValue (and AvroDeserializer reuses the datum inside them: STYLE.md
 * section 4). MRUnit 1.1.0's ReduceDriver reuses value instances too, but it neither sorts nor groups: it
 * takes the groups and their order as given. Outputs are copied through Avro binary at write time, as a
 * record writer would serialize them.
 */
public final class ReusingShuffle {
  private final Configuration conf;
  private final Schema outputSchema;
  private final Counters counters = new Counters();
  private final CuratedDataModel model = new CuratedDataModel(getClass().getClassLoader());

  /** @param conf a task configuration, e.g. from {@link KeyedIngestTests#taskConf}: serialization, sort and grouping */
  public ReusingShuffle(Configuration conf, Schema outputSchema) {
    this.conf = conf;
    this.outputSchema = outputSchema;
  }

  public Counters counters() {
    return counters;
  }

  /** Runs the reducer over the pairs as a reduce task would see them after the shuffle; returns its output records. */
  public <K, V, O> List<O> run(Reducer<AvroKey<K>, AvroValue<V>, AvroKey<O>, NullWritable> reducer,
      List<K> keys, List<V> values) throws IOException, InterruptedException {
    List<O> output = new ArrayList<>();
    shuffle(reducer, keys, values, new CopyingWriter<>(output));
    return output;
  }

  /**
   * The same for a reducer that writes rows as Parquet writers take them, {@code (null, row)}: MRUnit cannot run
   * it, since it copies every output key and a null key fails there.
   */
  public <K, V, O> List<O> runRows(Reducer<AvroKey<K>, AvroValue<V>, Void, O> reducer, List<K> keys, List<V> values)
      throws IOException, InterruptedException {
    List<O> output = new ArrayList<>();
    shuffle(reducer, keys, values, new RecordWriter<Void, O>() {
      @Override
      public void write(Void key, O row) throws IOException {
        output.add(copy(row));
      }

      @Override
      public void close(TaskAttemptContext context) {
      }
    });
    return output;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private <K, V, KO, VO> void shuffle(Reducer<AvroKey<K>, AvroValue<V>, KO, VO> reducer, List<K> keys,
      List<V> values, RecordWriter<KO, VO> writer) throws IOException, InterruptedException {
    JobConf job = new JobConf(conf);
    RawComparator<Object> sort = job.getOutputKeyComparator();
    RawComparator<AvroKey<K>> grouping = (RawComparator) job.getOutputValueGroupingComparator();
    List<byte[][]> pairs = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      pairs.add(new byte[][] {serialize(AvroKey.class, new AvroKey<>(keys.get(i))),
          serialize(AvroValue.class, new AvroValue<>(values.get(i)))});
    }
    pairs.sort((a, b) -> sort.compare(a[0], 0, a[0].length, b[0], 0, b[0].length));

    TaskAttemptID attempt = new TaskAttemptID("shuffle", 1, TaskType.REDUCE, 0, 0);
    ReduceContextImpl<AvroKey<K>, AvroValue<V>, KO, VO> context =
        new ReduceContextImpl<>(conf, attempt, new Pairs(pairs), counters.findCounter("shuffle", "keys"),
            counters.findCounter("shuffle", "values"), writer, null, new Reporter(),
            grouping, (Class) AvroKey.class, (Class) AvroValue.class);
    reducer.run(new WrappedReducer<AvroKey<K>, AvroValue<V>, KO, VO>().getReducerContext(context));
  }

  /** A copy of an output record through Avro binary, as a record writer would serialize it. */
  @SuppressWarnings("unchecked")
  private <O> O copy(O record) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
    DatumWriter<Object> writer = model.createDatumWriter(outputSchema);
    writer.write(record, encoder);
    encoder.flush();
    BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(bytes.toByteArray(), null);
    DatumReader<Object> reader = model.createDatumReader(outputSchema);
    return (O) reader.read(null, decoder);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private byte[] serialize(Class type, Object wrapper) throws IOException {
    Serializer<Object> serializer = new SerializationFactory(conf).getSerializer(type);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    serializer.open(out);
    serializer.serialize(wrapper);
    serializer.close();
    return out.toByteArray();
  }

  /** Sorted serialized pairs, the way the merge hands them to the reduce task. */
  private static final class Pairs implements RawKeyValueIterator {
    private final Iterator<byte[][]> pairs;
    private final DataInputBuffer key = new DataInputBuffer();
    private final DataInputBuffer value = new DataInputBuffer();

    Pairs(List<byte[][]> pairs) {
      this.pairs = pairs.iterator();
    }

    @Override
    public DataInputBuffer getKey() {
      return key;
    }

    @Override
    public DataInputBuffer getValue() {
      return value;
    }

    @Override
    public boolean next() {
      if (!pairs.hasNext()) {
        return false;
      }
      byte[][] pair = pairs.next();
      key.reset(pair[0], pair[0].length);
      value.reset(pair[1], pair[1].length);
      return true;
    }

    @Override
    public void close() {
    }

    @Override
    public Progress getProgress() {
      return new Progress();
    }
  }

  /** Serializes each output record when it is written (as AvroKeyRecordWriter does) and keeps a copy read back. */
  private final class CopyingWriter<O> extends RecordWriter<AvroKey<O>, NullWritable> {
    private final List<O> output;

    CopyingWriter(List<O> output) {
      this.output = output;
    }

    @Override
    public void write(AvroKey<O> key, NullWritable value) throws IOException {
      output.add(copy(key.datum()));
    }

    @Override
    public void close(TaskAttemptContext context) {
    }
  }

  private final class Reporter extends StatusReporter {
    @Override
    public Counter getCounter(Enum<?> name) {
      return counters.findCounter(name);
    }

    @Override
    public Counter getCounter(String group, String name) {
      return counters.findCounter(group, name);
    }

    @Override
    public void progress() {
    }

    @Override
    public float getProgress() {
      return 0;
    }

    @Override
    public void setStatus(String status) {
    }
  }

  /**
   * Wraps a reducer's values to record which objects it was handed: after a run, {@link #reused()} proves
   * the shuffle gave the reducer one AvroValue and one SourcedRecord per group, mutated between next() calls.
   */
  public static final class ReuseProbe {
    private final Set<Object> wrappers = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<Object> data = Collections.newSetFromMap(new IdentityHashMap<>());
    private int values;

    public Iterable<AvroValue<SourcedRecord>> watch(Iterable<AvroValue<SourcedRecord>> iterable) {
      return () -> {
        Iterator<AvroValue<SourcedRecord>> inner = iterable.iterator();
        return new Iterator<>() {
          @Override
          public boolean hasNext() {
            return inner.hasNext();
          }

          @Override
          public AvroValue<SourcedRecord> next() {
            AvroValue<SourcedRecord> value = inner.next();
            wrappers.add(value);
            data.add(value.datum());
            values++;
            return value;
          }
        };
      };
    }

    /** Values handed out, and how many distinct AvroValue and SourcedRecord objects carried them. */
    public String reused() {
      return values + " values in " + wrappers.size() + " AvroValue and " + data.size() + " SourcedRecord objects";
    }
  }
}
