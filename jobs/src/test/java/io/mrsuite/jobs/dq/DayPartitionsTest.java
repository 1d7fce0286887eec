package io.mrsuite.jobs.dq;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which of a day's partitions dq-report counts complete: published whole, and one run's curated and quarantine. */
class DayPartitionsTest {
  private static final LocalDate DAY = LocalDate.parse("2026-11-20");

  @TempDir
  Path root;

  @Test
  void aCuratedPartitionAndItsQuarantineFromDifferentRunsAreBothIncomplete() throws IOException {
    publish("curated/events", "run-a");
    publish("quarantine/events", "run-b");
    publish("curated/orders", "run-c");
    publish("quarantine/orders", "run-c");
    publish("marts/funnel_daily", "run-d");

    assertEquals(List.of("curated/events false", "curated/orders true", "quarantine/events false",
        "quarantine/orders true", "marts/funnel_daily true"), found());
  }

  @Test
  void aPartitionWithAPendingPublishIsIncomplete() throws IOException {
    publish("marts/funnel_daily", "run-d");
    Files.writeString(root.resolve("marts/funnel_daily/_publish.dt=2026-11-20.json"), "{}");

    assertEquals(List.of("marts/funnel_daily false"), found());
  }

  private void publish(String dataset, String runId) throws IOException {
    Path partition = Files.createDirectories(root.resolve(dataset).resolve("dt=" + DAY));
    Files.writeString(partition.resolve("_SUCCESS"), "");
    Files.writeString(partition.resolve("_manifest.json"), "{\"run_id\": \"" + runId + "\"}");
  }

  private List<String> found() throws IOException {
    return DayPartitions.find(FileSystem.getLocal(new Configuration()),
        new org.apache.hadoop.fs.Path(root.toUri()), DAY).stream().map(p -> p.label() + " " + p.complete()).toList();
  }
}
