package io.mrsuite.jobs.dq;

import io.mrsuite.formats.records.DatasetFileInputFormat;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;

/**
 * Reads the day's orphan purchases by country from {@code marts/revenue_daily/dt=D}.
 *
 * <p>Orphan purchases are purchase events whose order_id matches no valid order, counted by the event's
 * country (DATA-CONTRACT section 4.7). The mart holds one row per country, so it is read here directly.
 */
final class OrphanPurchases {
  static final String COLUMN = "orphan_purchases";
  static final String COUNTRY = "country";
  /** How the report names a null country. */
  static final String NO_COUNTRY = "(none)";

  private OrphanPurchases() {
  }

  /** Orphans by country, or empty when the mart's rows have no orphan_purchases column. */
  static Optional<Map<String, Long>> read(Path partition, Configuration conf) throws IOException {
    FileSystem fs = partition.getFileSystem(conf);
    Map<String, Long> byCountry = new TreeMap<>();
    for (FileStatus file : fs.listStatus(partition, p -> p.getName().endsWith(DatasetFileInputFormat.PARQUET_SUFFIX))) {
      try (ParquetReader<GenericRecord> reader = AvroParquetReader.<GenericRecord>builder(
          HadoopInputFile.fromPath(file.getPath(), conf)).withDataModel(GenericData.get()).build()) {
        for (GenericRecord row = reader.read(); row != null; row = reader.read()) {
          Schema.Field orphans = row.getSchema().getField(COLUMN);
          if (orphans == null) {
            return Optional.empty();
          }
          Object count = row.get(orphans.pos());
          Object country = row.getSchema().getField(COUNTRY) == null ? null : row.get(COUNTRY);
          byCountry.merge(country == null ? NO_COUNTRY : country.toString(),
              count == null ? 0L : ((Number) count).longValue(), Long::sum);
        }
      }
    }
    return Optional.of(byCountry);
  }
}
