package io.mrsuite.jobs.tables;

import io.mrsuite.jobs.run.JobFailedException;
import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.CatalogUtil;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;

/**
 * The Iceberg catalog the mart tables are committed to, from the job's configuration.
 *
 * <p>Every key under {@value #PROPERTIES_PREFIX} is passed to Iceberg's {@link CatalogUtil#buildIcebergCatalog}
 * without the prefix: {@code -Dmrsuite.tables.catalog.type=jdbc -Dmrsuite.tables.catalog.uri=jdbc:postgresql://...}.
 * Tables are off unless {@code type} or {@code catalog-impl} is set, and when {@code type} is {@value #OFF}. On a
 * local warehouse a {@code jdbc} catalog without a {@code uri} is an SQLite file under the warehouse
 * ({@value #SQLITE_FILE}); any catalog without a {@code warehouse} keeps its tables under {@code <root>/tables}.
 */
public final class TableCatalog {
  /** Prefix of the Iceberg catalog properties in the job's configuration. */
  public static final String PROPERTIES_PREFIX = "mrsuite.tables.catalog.";
  /** The catalog type that turns the tables off, e.g. over a configuration file that turns them on. */
  public static final String OFF = "none";
  /** The catalog's name, which engines reading the same JDBC catalog must use too. Default {@value #DEFAULT_NAME}. */
  public static final String NAME = "mrsuite.tables.catalog-name";
  public static final String DEFAULT_NAME = "mrsuite";
  /** The namespace of the mart tables: {@code marts.revenue_daily}. */
  public static final Namespace MARTS = Namespace.of("marts");
  /** The directory under the warehouse root that holds the tables when the catalog names no warehouse. */
  public static final String TABLES_DIR = "tables";
  /**
   * Under {@value #TABLES_DIR}: {@code _commits/<table>/dt=X/_SUCCESS} records the snapshot that committed day X
   * ({@link CommitMarker}), for schedulers that wait on files. Outside every table's location.
   */
  public static final String COMMITS_DIR = "_commits";
  /** The default JDBC catalog's SQLite file, under {@value #TABLES_DIR}. */
  public static final String SQLITE_FILE = "catalog.db";
  private static final String SQLITE_URI_PREFIX = "jdbc:sqlite:";

  private TableCatalog() {
  }

  /** The catalog's properties, with the defaults for {@code root}; empty when tables are off. */
  public static Optional<Map<String, String>> properties(Configuration conf, Path root) throws IOException {
    Map<String, String> properties = new HashMap<>(conf.getPropsWithPrefix(PROPERTIES_PREFIX));
    if (OFF.equals(properties.get(CatalogUtil.ICEBERG_CATALOG_TYPE))) {
      return Optional.empty();
    }
    if (!properties.containsKey(CatalogUtil.ICEBERG_CATALOG_TYPE)
        && !properties.containsKey(CatalogProperties.CATALOG_IMPL)) {
      return Optional.empty();
    }
    FileSystem fs = root.getFileSystem(conf);
    Path tables = fs.makeQualified(new Path(root, TABLES_DIR));
    properties.putIfAbsent(CatalogProperties.WAREHOUSE_LOCATION, tables.toString());
    if (CatalogUtil.ICEBERG_CATALOG_TYPE_JDBC.equals(properties.get(CatalogUtil.ICEBERG_CATALOG_TYPE))
        && !properties.containsKey(CatalogProperties.URI)) {
      if (!"file".equals(tables.toUri().getScheme())) {
        throw new JobFailedException("the jdbc catalog needs " + PROPERTIES_PREFIX + CatalogProperties.URI
            + " when the warehouse is not local: an SQLite file cannot live under " + root);
      }
      // SQLite creates the file, not its directory.
      fs.mkdirs(tables);
      // The default schema version (V0): creating its tables is atomic, while the V1 upgrade is a check then an
      // ALTER TABLE, which two mart jobs of one fork opening a new catalog at once both ran (duplicate column).
      properties.put(CatalogProperties.URI, SQLITE_URI_PREFIX + new Path(tables, SQLITE_FILE).toUri().getPath());
    }
    return Optional.of(properties);
  }

  /** Opens the catalog, or empty when tables are off. The caller closes it with {@link #close(Catalog)}. */
  public static Optional<Catalog> open(Configuration conf, Path root) throws IOException {
    Optional<Map<String, String>> properties = properties(conf, root);
    if (properties.isEmpty()) {
      return Optional.empty();
    }
    String uri = properties.get().getOrDefault(CatalogProperties.URI, "");
    if (!uri.startsWith(SQLITE_URI_PREFIX)) {
      return Optional.of(CatalogUtil.buildIcebergCatalog(conf.get(NAME, DEFAULT_NAME), properties.get(), conf));
    }
    // Opening creates the SQLite file and the catalog's tables; jobs of one fork opening a new catalog at once
    // were seen to fail (SQLITE_READONLY_DBMOVED), so openers take turns: threads of this JVM, then processes.
    java.nio.file.Path lock = java.nio.file.Path.of(uri.substring(SQLITE_URI_PREFIX.length()) + ".lock");
    synchronized (TableCatalog.class) {
      try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock held = channel.lock()) {
        return Optional.of(CatalogUtil.buildIcebergCatalog(conf.get(NAME, DEFAULT_NAME), properties.get(), conf));
      }
    }
  }

  /** Closes the catalog's connections, for the catalogs that hold some (JDBC, Hive). */
  public static void close(Catalog catalog) throws IOException {
    if (catalog instanceof Closeable closeable) {
      closeable.close();
    }
  }
}
