package io.mrsuite.jobs.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mrsuite.jobs.MrSuiteDriver;
import io.mrsuite.jobs.warehouse.Dataset;
import io.mrsuite.jobs.warehouse.Zone;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The dataset registry and the jobs agree: each dataset's writer is a job of the jar that writes it, and only it. */
class DatasetRegistryTest {
  @Test
  void everyWrittenDatasetIsTheOutputOfTheJobItNames() {
    Map<String, String> writtenBy = new TreeMap<>();
    for (String name : MrSuiteDriver.jobs().keySet()) {
      MrSuiteDriver.tool(name).filter(DatasetJob.class::isInstance).map(DatasetJob.class::cast)
          .ifPresent(job -> writtenBy.put(job.output().name(), name));
    }
    Map<String, String> registered = new TreeMap<>();
    for (Dataset dataset : Dataset.values()) {
      dataset.writer().ifPresent(writer -> registered.put(dataset.name(), writer));
    }
    assertEquals(registered, writtenBy);
  }

  @Test
  void everyJobReadsRegisteredDatasetsWithDistinctOptions() {
    for (String name : MrSuiteDriver.jobs().keySet()) {
      MrSuiteDriver.tool(name).filter(DatasetJob.class::isInstance).map(DatasetJob.class::cast).ifPresent(job -> {
        List<String> options = new ArrayList<>();
        for (JobInput input : job.inputs()) {
          assertTrue(input.dataset().zone() != Zone.QUARANTINE, name + " reads " + input.dataset());
          assertTrue(input.span() != JobInput.Span.LANDED || input.dataset().zone() == Zone.RAW,
              name + " reads " + input.dataset() + " as landed files");
          options.add(input.option());
        }
        assertEquals(options.stream().distinct().count(), options.size(), name + " " + options);
      });
    }
  }

  @Test
  void onlyCuratedDatasetsHaveAQuarantineAndEveryZoneHasAFolderOfItsOwn() {
    for (Dataset dataset : Dataset.values()) {
      assertTrue(!dataset.quarantined() || dataset.zone() == Zone.CURATED, dataset.name());
      assertEquals(dataset.zone() != Zone.RAW, dataset.schema().isPresent(), dataset.name());
    }
    assertEquals(List.of("raw", "curated", "quarantine", "marts"), Arrays.stream(Zone.values()).map(Zone::dir).toList());
  }
}
