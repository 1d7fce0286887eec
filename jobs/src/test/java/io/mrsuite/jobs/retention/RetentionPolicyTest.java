package io.mrsuite.jobs.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mrsuite.jobs.run.JobFailedException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class RetentionPolicyTest {
  private static final LocalDate AS_OF = LocalDate.of(2026, 12, 31);

  private static RetentionPolicy policy(String text) throws IOException {
    return RetentionPolicy.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "p.properties");
  }

  @Test
  void theExactKeyWinsOverItsZoneAndAnUnnamedDatasetIsKeptForever() throws IOException {
    RetentionPolicy policy = policy("raw/* = 30\nraw/products = 7\nmarts/* = forever\n");
    assertEquals(OptionalInt.of(30), policy.days(new RetainedDataset("raw", "events")));
    assertEquals(OptionalInt.of(7), policy.days(new RetainedDataset("raw", "products")));
    assertEquals(OptionalInt.empty(), policy.days(new RetainedDataset("marts", "revenue_daily")));
    assertEquals(OptionalInt.empty(), policy.days(new RetainedDataset("curated", "events")), "no rule");
  }

  @Test
  void nDaysKeepThePartitionsAfterAsOfMinusN() throws IOException {
    RetentionPolicy policy = policy("raw/* = 30\n");
    RetainedDataset events = new RetainedDataset("raw", "events");
    assertTrue(policy.keeps(events, LocalDate.of(2026, 12, 2), AS_OF));
    assertFalse(policy.keeps(events, LocalDate.of(2026, 12, 1), AS_OF));
  }

  @Test
  void everyWarehouseDatasetIsNamedIncludingQuarantinesAndTheDqReports() {
    List<String> labels = RetainedDataset.all().stream().map(RetainedDataset::label).toList();
    assertEquals(List.of("raw/events", "raw/orders", "raw/order_lines", "raw/products", "raw/fx_rates",
        "curated/events", "curated/orders", "curated/products", "curated/fx_rates", "curated/events_dedup",
        "curated/events_enriched", "curated/sessions", "marts/product_daily", "marts/funnel_daily",
        "marts/top_products", "marts/revenue_daily", "quarantine/events", "quarantine/orders", "quarantine/products",
        "quarantine/fx_rates", "reports/dq"), labels);
  }

  @Test
  void aKeyNamingNoDatasetOrAValueThatIsNoWindowIsRefused() {
    JobFailedException typo = assertThrows(JobFailedException.class, () -> policy("raw/event = 30\n"));
    assertTrue(typo.getMessage().startsWith("retention policy p.properties: 'raw/event' names no dataset of the"
        + " warehouse; the keys are zone/dataset or zone/* of raw/events, "), typo.getMessage());
    assertThrows(JobFailedException.class, () -> policy("../etc/* = 1\n"));
    JobFailedException zero = assertThrows(JobFailedException.class, () -> policy("raw/* = 0\n"));
    assertEquals("retention policy p.properties: raw/* = '0': a number of days (1 or more) or forever",
        zero.getMessage());
    assertThrows(JobFailedException.class, () -> policy("raw/* = 30d\n"));
  }

  @Test
  void theLineageComesFromTheJobsInputs() {
    Lineage lineage = Lineage.ofDriver(1);
    LocalDate day = LocalDate.of(2026, 11, 20);
    assertEquals(List.of("curated/events/dt=2026-11-20"), labels(lineage.builtFrom(new RetainedDataset("raw",
        "events"), day)));
    assertEquals(List.of("curated/events_dedup/dt=2026-11-19", "curated/events_dedup/dt=2026-11-20"),
        labels(lineage.builtFrom(new RetainedDataset("curated", "events"), day)));
    assertEquals(List.of("curated/orders/dt=2026-11-20"), labels(lineage.builtFrom(new RetainedDataset("raw",
        "order_lines"), day)));
    assertEquals(List.of("curated/sessions/dt=2026-11-20", "marts/product_daily/dt=2026-11-20",
        "marts/revenue_daily/dt=2026-11-20"), labels(lineage.builtFrom(new RetainedDataset("curated",
        "events_enriched"), day)).stream().sorted().toList());
    assertEquals(List.of(), labels(lineage.builtFrom(new RetainedDataset("quarantine", "events"), day)));
  }

  private static List<String> labels(List<Lineage.Partition> partitions) {
    return partitions.stream().map(Lineage.Partition::toString).toList();
  }
}
