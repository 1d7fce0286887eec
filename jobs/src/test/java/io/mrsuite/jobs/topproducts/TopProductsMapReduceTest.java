package io.mrsuite.jobs.topproducts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mrsuite.formats.avro.ProductDaily;
import io.mrsuite.formats.avro.TopProduct;
import io.mrsuite.jobs.run.MartCounters;
import io.mrsuite.jobs.run.MartTaskConf;
import io.mrsuite.jobs.run.RecordCounters;
import io.mrsuite.jobs.shuffle.FieldPartitioner;
import io.mrsuite.jobs.shuffle.ReusingShuffle;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.mapred.AvroKey;
import org.apache.hadoop.util.ReflectionUtils;
import org.junit.jupiter.api.Test;

class TopProductsMapReduceTest {
  private static final LocalDate DAY = LocalDate.of(2026, 11, 20);

  /** The mapper's key (its input is Parquet with a Void key, which MRUnit cannot copy: the chain test runs it). */
  @Test
  void rankingKeyIsCategoryRevenueInCentsAndProduct() throws IOException {
    assertEquals(new RankedProductKey("shoes", 1234L, "p-1"), TopProductsMapper.rankingKey(row("shoes", "p-1", "12.34")));
    assertEquals(new RankedProductKey(null, 0L, "p-2"), TopProductsMapper.rankingKey(row(null, "p-2", "0.00")));
  }

  @Test
  void rankingKeyRefusesARevenueBeyondItsRange() {
    IOException e = assertThrows(IOException.class,
        () -> TopProductsMapper.rankingKey(row("shoes", "p-1", "92233720368547758.08")));
    assertEquals("revenue_usd 92233720368547758.08 of product p-1 does not fit the ranking key (cents in a long)",
        e.getMessage());
  }

  /**
   * Twelve products of one category and two of the null category, shuffled: the sort puts revenue
   * descending then product_id first, and the reducer ranks the first ten of each category.
   */
  @Test
  void reducerRanksTheFirstTenOfEachCategory() throws Exception {
    List<ProductDaily> rows = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      rows.add(row("shoes", String.format("p-%02d", i), i % 3 == 0 ? "5.00" : i + ".00"));
    }
    rows.add(row(null, "p-x", "0.00"));
    rows.add(row(null, "p-a", "0.00"));
    List<RankedProductKey> keys = new ArrayList<>();
    List<TopProduct> values = new ArrayList<>();
    for (ProductDaily row : rows) {
      keys.add(new RankedProductKey(row.getCategory(), row.getRevenueUsd().movePointRight(2).longValueExact(),
          row.getProductId()));
      values.add(new TopProduct(row.getCategory(), 0, row.getProductId(), row.getRevenueUsd(), DAY));
    }
    ReusingShuffle shuffle = new ReusingShuffle(MartTaskConf.of(RankedProductKey.getClassSchema(),
        TopProduct.getClassSchema(), "category", DAY), TopProduct.getClassSchema());

    List<TopProduct> ranked = shuffle.runRows(new TopProductsReducer(), keys, values);

    assertEquals(List.of("null 1 p-a 0.00", "null 2 p-x 0.00", "shoes 1 p-11 11.00", "shoes 2 p-10 10.00",
        "shoes 3 p-08 8.00", "shoes 4 p-07 7.00", "shoes 5 p-00 5.00", "shoes 6 p-03 5.00", "shoes 7 p-05 5.00",
        "shoes 8 p-06 5.00", "shoes 9 p-09 5.00", "shoes 10 p-04 4.00"),
        ranked.stream().map(t -> t.getCategory() + " " + t.getRank() + " " + t.getProductId() + " "
            + t.getRevenueUsd()).toList());
    assertEquals(12, shuffle.counters().findCounter(RecordCounters.WRITTEN).getValue());
    assertEquals(2, shuffle.counters().findCounter(RecordCounters.SKIPPED).getValue());
    assertEquals(12, shuffle.counters().findCounter(MartCounters.ROWS).getValue());
  }

  @Test
  void partitionerKeepsACategoryOnOneReducer() throws IOException {
    FieldPartitioner<Object> partitioner = ReflectionUtils.newInstance(FieldPartitioner.class,
        MartTaskConf.of(RankedProductKey.getClassSchema(), TopProduct.getClassSchema(), "category", DAY));
    for (int reducers : new int[] {1, 3, 8}) {
      assertEquals(partitioner.getPartition(new AvroKey<>(new RankedProductKey("shoes", 1L, "a")), null, reducers),
          partitioner.getPartition(new AvroKey<>(new RankedProductKey("shoes", 99L, "z")), null, reducers));
      assertEquals(0, partitioner.getPartition(new AvroKey<>(new RankedProductKey(null, 5L, "a")), null, reducers));
    }
  }

  private static ProductDaily row(String category, String product, String revenue) {
    return new ProductDaily(product, category, null, 0L, 0L, 0L, 0L, new BigDecimal(revenue), 0L, 0L, DAY);
  }
}
