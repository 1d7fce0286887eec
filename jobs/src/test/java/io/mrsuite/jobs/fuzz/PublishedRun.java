package io.mrsuite.jobs.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mrsuite.formats.avro.QuarantineRecord;
import io.mrsuite.jobs.run.RunManifest;
import io.mrsuite.jobs.warehouse.Dataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.specific.SpecificDatumReader;

/**
 * What an ingest run published for one date: the curated records, the quarantine records and the run
 * manifest beside each.
 */
record PublishedRun<T>(List<T> curated, List<QuarantineRecord> quarantine, JsonNode manifest,
    JsonNode quarantineManifest) {

  static <T> PublishedRun<T> read(Path root, Dataset dataset, String date, Class<T> type) throws IOException {
    Path curated = root.resolve("curated/" + dataset.dir() + "/dt=" + date);
    Path quarantine = root.resolve("quarantine/" + dataset.dir() + "/dt=" + date);
    ObjectMapper json = new ObjectMapper();
    return new PublishedRun<>(records(curated, type), records(quarantine, QuarantineRecord.class),
        json.readTree(curated.resolve(RunManifest.FILE_NAME).toFile()),
        json.readTree(quarantine.resolve(RunManifest.FILE_NAME).toFile()));
  }

  /** The manifest's count of {@code what} under "records" (read, written, quarantined, skipped, ...). */
  long count(String what) {
    return manifest.get("records").get(what).asLong();
  }

  private static <T> List<T> records(Path partition, Class<T> type) throws IOException {
    List<Path> files;
    try (Stream<Path> entries = Files.list(partition)) {
      files = entries.filter(p -> p.getFileName().toString().endsWith(".avro")).sorted().toList();
    }
    List<T> records = new ArrayList<>();
    for (Path file : files) {
      try (DataFileReader<T> reader = new DataFileReader<>(file.toFile(), new SpecificDatumReader<>(type))) {
        reader.forEach(records::add);
      }
    }
    return records;
  }
}
