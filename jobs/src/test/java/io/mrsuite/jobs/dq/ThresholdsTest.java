package io.mrsuite.jobs.dq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mrsuite.jobs.tool.UsageException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThresholdsTest {
  @TempDir
  Path dir;

  @Test
  void defaultsApplyWithoutAFile() throws Exception {
    Thresholds thresholds = Thresholds.load(null, new Configuration());

    assertEquals(new BigDecimal("0.02"), thresholds.quarantineRateMax("events"));
    assertEquals(new BigDecimal("0.05"), thresholds.duplicateRateMax());
    assertEquals(0, thresholds.orphanPurchasesMax());
    assertEquals(0, thresholds.incompletePartitionsMax());
    assertEquals(List.of(), thresholds.requiredPartitions());
    assertEquals(Map.of(), thresholds.nullRateMax());
  }

  @Test
  void theShippedExampleLoadsWithItsOverrides() throws Exception {
    Thresholds thresholds = Thresholds.load(new org.apache.hadoop.fs.Path(
        Paths.get("..", "oozie", "dq-thresholds.properties").toAbsolutePath().toString()), new Configuration());

    assertEquals(new BigDecimal("0.05"), thresholds.quarantineRateMax("events"));
    assertEquals(new BigDecimal("0.02"), thresholds.quarantineRateMax("orders"));
    assertTrue(thresholds.requiredPartitions().contains("curated/events_dedup"));
    assertEquals(BigDecimal.ZERO, thresholds.nullRateMax().get(
        new Thresholds.DatasetColumn("curated/events_enriched", "event.event_time")));
  }

  @Test
  void anUnknownKeyOrABadValueIsAUsageError() throws IOException {
    UsageException unknown = assertThrows(UsageException.class, () -> load("quarantine.rate.mx=0.1\n"));
    assertTrue(unknown.getMessage().contains("quarantine.rate.mx"), unknown.getMessage());
    assertThrows(UsageException.class, () -> load("duplicate.rate.max=five percent\n"));
    assertThrows(UsageException.class, () -> load("orphan.purchases.max=-1\n"));
  }

  private Thresholds load(String text) throws Exception {
    Path file = dir.resolve("t.properties");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return Thresholds.load(new org.apache.hadoop.fs.Path(file.toString()), new Configuration());
  }
}
