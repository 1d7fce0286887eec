package io.mrsuite.bench.duckdb;

import io.mrsuite.jobs.warehouse.Dataset;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * One file of a raw partition the DuckDB peer reads.
 *
 * @param dataset a raw dataset
 * @param partitionDate the {@code dt} of its partition: arrival date for events, export date for the CSV files
 * @param path where it is
 */
public record RawFile(Dataset dataset, LocalDate partitionDate, Path path) {
}
