package io.mrsuite.jobs.tables;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.data.parquet.GenericParquetReaders;
import org.apache.iceberg.hadoop.HadoopInputFile;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.mapping.NameMapping;
import org.apache.iceberg.mapping.NameMappingParser;
import org.apache.iceberg.parquet.Parquet;

/** The default catalog of a local warehouse, as bin/mrsuite configures it: SQLite under {@code <root>/tables}. */
final class LocalCatalog implements AutoCloseable {
  final Configuration conf;
  final FileSystem fs;
  final Path root;
  final Catalog catalog;

  LocalCatalog(java.nio.file.Path dir) throws IOException {
    conf = new Configuration(false);
    conf.set("fs.defaultFS", "file:///");
    conf.set(TableCatalog.PROPERTIES_PREFIX + "type", "jdbc");
    root = new Path(dir.toUri());
    fs = root.getFileSystem(conf);
    catalog = TableCatalog.open(conf, root).orElseThrow();
  }

  Table revenueDaily() {
    return catalog.loadTable(MartTable.identifier(RevenuePartitions.MART));
  }

  /** The table's current rows, read through its name mapping as an engine that applies it does. */
  List<Record> records(Table table) throws IOException {
    List<Record> rows = new ArrayList<>();
    NameMapping mapping = NameMappingParser.fromJson(table.properties().get(TableProperties.DEFAULT_NAME_MAPPING));
    try (CloseableIterable<FileScanTask> tasks = table.newScan().planFiles()) {
      for (FileScanTask task : tasks) {
        try (CloseableIterable<Record> records = Parquet.read(HadoopInputFile.fromLocation(task.file().location(),
            conf)).project(table.schema()).withNameMapping(mapping)
            .createReaderFunc(fileSchema -> GenericParquetReaders.buildReader(table.schema(), fileSchema)).build()) {
          records.forEach(rows::add);
        }
      }
    }
    return rows;
  }

  /** revenue_daily's current rows: country to "orders revenue_usd". */
  Map<String, String> revenueRows(Table table) throws IOException {
    Map<String, String> rows = new TreeMap<>();
    for (Record record : records(table)) {
      rows.put(String.valueOf(record.getField("country")), record.getField("orders") + " "
          + record.getField("revenue_usd"));
    }
    return rows;
  }

  @Override
  public void close() throws IOException {
    TableCatalog.close(catalog);
  }
}
