package io.mrsuite.jobs.funnel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mrsuite.formats.avro.FunnelDaily;
import io.mrsuite.formats.avro.Session;
import io.mrsuite.jobs.run.MartCounters;
import io.mrsuite.jobs.run.MartTaskConf;
import io.mrsuite.jobs.run.RecordCounters;
import io.mrsuite.jobs.shuffle.CountryKey;
import io.mrsuite.jobs.shuffle.ReusingShuffle;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.mapred.AvroKey;
import org.apache.avro.mapred.AvroValue;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mrunit.mapreduce.MapDriver;
import org.apache.hadoop.mrunit.mapreduce.ReduceDriver;
import org.apache.hadoop.mrunit.types.Pair;
import org.junit.jupiter.api.Test;

class FunnelDailyMapReduceTest {
  private static final LocalDate DAY = LocalDate.of(2026, 11, 20);

  @Test
  void mapperCountsTheStepsASessionReached() throws IOException {
    MapDriver<AvroKey<Session>, NullWritable, AvroKey<CountryKey>, AvroValue<FunnelCounts>> driver =
        MapDriver.newMapDriver(new FunnelDailyMapper()).withConfiguration(conf(Session.getClassSchema(), null))
            .withOutputSerializationConfiguration(conf(CountryKey.getClassSchema(), FunnelCounts.getClassSchema()));
    driver.withInput(new AvroKey<>(session("DE", 3, 2, 0, 0)), NullWritable.get());
    driver.withInput(new AvroKey<>(session(null, 0, 0, 1, 2)), NullWritable.get());

    List<Pair<AvroKey<CountryKey>, AvroValue<FunnelCounts>>> output = driver.run();

    assertEquals(List.of(new CountryKey("DE"), new CountryKey(null)),
        output.stream().map(p -> p.getFirst().datum()).toList());
    assertEquals(List.of(new FunnelCounts(1L, 1L, 1L, 0L, 0L), new FunnelCounts(1L, 0L, 0L, 1L, 1L)),
        output.stream().map(p -> p.getSecond().datum()).toList());
    assertEquals(2, driver.getCounters().findCounter(RecordCounters.WRITTEN).getValue());
  }

  @Test
  void combinerSumsACountrysCounts() throws IOException {
    ReduceDriver<AvroKey<CountryKey>, AvroValue<FunnelCounts>, AvroKey<CountryKey>, AvroValue<FunnelCounts>> driver =
        ReduceDriver.newReduceDriver(new FunnelCountsCombiner())
            .withConfiguration(conf(CountryKey.getClassSchema(), FunnelCounts.getClassSchema()));
    driver.withInput(new AvroKey<>(new CountryKey("FR")), List.of(new AvroValue<>(new FunnelCounts(1L, 1L, 0L, 0L, 0L)),
        new AvroValue<>(new FunnelCounts(3L, 2L, 2L, 1L, 1L))));

    assertEquals(List.of(new FunnelCounts(4L, 3L, 2L, 1L, 1L)),
        driver.run().stream().map(p -> p.getSecond().datum()).toList());
  }

  @Test
  void reducerWritesOneRowPerCountryWithNullItsOwn() throws Exception {
    List<CountryKey> keys = new ArrayList<>();
    List<FunnelCounts> values = new ArrayList<>();
    for (String country : new String[] {"FR", null, "FR", "DE", null}) {
      keys.add(new CountryKey(country));
      values.add(new FunnelCounts(2L, 1L, 1L, 0L, 1L));
    }
    ReusingShuffle shuffle = new ReusingShuffle(conf(CountryKey.getClassSchema(), FunnelCounts.getClassSchema()),
        FunnelDaily.getClassSchema());

    List<FunnelDaily> rows = shuffle.runRows(new FunnelDailyReducer(), keys, values);

    assertEquals(List.of(new FunnelDaily(null, 4L, 2L, 2L, 0L, 2L, DAY), new FunnelDaily("DE", 2L, 1L, 1L, 0L, 1L, DAY),
        new FunnelDaily("FR", 4L, 2L, 2L, 0L, 2L, DAY)), rows);
    assertEquals(3, shuffle.counters().findCounter(MartCounters.ROWS).getValue());
  }

  private static Configuration conf(Schema key, Schema value) throws IOException {
    return MartTaskConf.of(key, value, null, DAY);
  }

  private static Session session(String country, int productViews, int cartAdds, int checkouts, int purchases) {
    Instant start = Instant.parse("2026-11-20T10:00:00Z");
    return new Session("v@" + start, "v", start, start, productViews + cartAdds + checkouts + purchases + 1, 1,
        productViews, 0, cartAdds, 0, checkouts, purchases, purchases > 0, new BigDecimal("0.00"), 0, country, null, null,
        null);
  }
}
