package io.mrsuite.jobs.ingest.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mrsuite.formats.avro.FxRate;
import io.mrsuite.jobs.shuffle.JoinKey;
import io.mrsuite.jobs.shuffle.ReusingShuffle;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.avro.mapred.AvroKey;
import org.apache.avro.mapred.AvroValue;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapreduce.Reducer;
import org.apache.hadoop.mrunit.mapreduce.ReduceDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both reduce harnesses have teeth: a reducer that keeps a reference to a value (the Gobblin mistake of
 * STYLE.md section 4) ends up holding the group's LAST value under {@link ReusingShuffle} (Hadoop's
 * ReduceContextImpl) and also under MRUnit 1.1.0's ReduceDriver, which deserializes each value into one reused
 * instance (its ValueClassInstanceReuseList) rather than handing out the listed objects.
 */
class ReusingShuffleTest {
  private static final LocalDate DAY = LocalDate.of(2026, 11, 20);

  @TempDir
  Path outputDir;

  /** Keeps the first value by reference and writes it once the group is done. */
  static final class KeepsAReference
      extends Reducer<AvroKey<JoinKey>, AvroValue<SourcedRecord>, AvroKey<Object>, NullWritable> {
    private final ReusingShuffle.ReuseProbe probe;

    KeepsAReference(ReusingShuffle.ReuseProbe probe) {
      this.probe = probe;
    }

    @Override
    protected void reduce(AvroKey<JoinKey> key, Iterable<AvroValue<SourcedRecord>> values, Context context)
        throws IOException, InterruptedException {
      SourcedRecord first = null;
      for (AvroValue<SourcedRecord> value : probe.watch(values)) {
        if (first == null) {
          first = value.datum();
        }
      }
      context.write(new AvroKey<>(first.getPayload()), NullWritable.get());
    }
  }

  @Test
  void aReducerThatKeepsAReferenceKeepsTheLastValueUnderBothHarnesses() throws IOException, InterruptedException {
    FxRate first = rate("1.10000000", 0);
    FxRate second = rate("1.20000000", 10);
    Configuration conf = KeyedIngestTests.taskConf(DAY, FxRate.getClassSchema(), outputDir);

    ReusingShuffle.ReuseProbe probe = new ReusingShuffle.ReuseProbe();
    List<Object> mrunit = ReduceDriver.<AvroKey<JoinKey>, AvroValue<SourcedRecord>, AvroKey<Object>, NullWritable>
        newReduceDriver(new KeepsAReference(probe))
        .withConfiguration(conf)
        .withOutputSerializationConfiguration(KeyedIngestTests.outputCopyConf(FxRate.getClassSchema()))
        .withInput(new AvroKey<>(key(first)), List.of(new AvroValue<>(sourced(first)), new AvroValue<>(sourced(second))))
        .run().stream().map(p -> p.getFirst().datum()).toList();
    assertEquals(List.of(second), mrunit, "MRUnit reuses the value instance too");
    assertEquals("2 values in 1 AvroValue and 1 SourcedRecord objects", probe.reused());

    ReusingShuffle.ReuseProbe shuffleProbe = new ReusingShuffle.ReuseProbe();
    List<Object> shuffled = new ReusingShuffle(conf, FxRate.getClassSchema())
        .run(new KeepsAReference(shuffleProbe), List.of(key(second), key(first)),
            List.of(sourced(second), sourced(first)));
    assertEquals(List.of(second), shuffled, "the kept reference now holds the last value");
    assertEquals("2 values in 1 AvroValue and 1 SourcedRecord objects", shuffleProbe.reused());
  }

  private static FxRate rate(String value, long offset) {
    return new FxRate("EUR", new BigDecimal(value), DAY, "fx.csv", offset);
  }

  private static JoinKey key(FxRate rate) {
    return new JoinKey(rate.getCurrency(), 0, 0, rate.getSourceFile(), rate.getSourceOffset());
  }

  private static SourcedRecord sourced(FxRate rate) {
    return new SourcedRecord(rate, "fx_rates", rate.getSourceFile(), rate.getSourceOffset(), 2L, "EUR,x", 5L);
  }
}
