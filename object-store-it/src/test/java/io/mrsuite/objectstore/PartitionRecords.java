package io.mrsuite.objectstore;

import io.mrsuite.formats.partition.PartitionNames;
import io.mrsuite.jobs.run.PartitionPointer;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;

/** The records of every published partition under a warehouse root, read the same way on any filesystem. */
final class PartitionRecords {
  private PartitionRecords() {
  }

  /**
   * Each partition directory ({@code zone/dataset/dt=D}, relative to the root) under {@code dirs} holding a
   * {@code _SUCCESS}, with its records as sorted JSON text, read from the directory that holds its data (on an
   * object store, the run directory its pointer names): Avro files through Avro's reader, Parquet files through
   * parquet-avro. The root's URI, which lineage fields such as {@code source_file} hold, is written
   * {@code ROOT/}.
   */
  static Map<String, List<String>> of(Configuration conf, Path root, List<String> dirs) throws IOException {
    FileSystem fs = root.getFileSystem(conf);
    String prefix = fs.makeQualified(root).toString() + "/";
    Map<String, List<String>> partitions = new TreeMap<>();
    for (String dir : dirs) {
      Path under = new Path(root, dir);
      if (!fs.exists(under)) {
        continue;
      }
      RemoteIterator<LocatedFileStatus> files = fs.listFiles(under, true);
      while (files.hasNext()) {
        FileStatus file = files.next();
        Path partition = file.getPath().getParent();
        if (!file.getPath().getName().equals("_SUCCESS") || !PartitionNames.isDateName(partition.getName())) {
          continue;
        }
        partitions.put(partition.toString().substring(prefix.length()),
            records(fs, conf, PartitionPointer.dataDir(fs, partition), prefix));
      }
    }
    return partitions;
  }

  private static List<String> records(FileSystem fs, Configuration conf, Path partition, String root)
      throws IOException {
    List<String> records = new ArrayList<>();
    for (FileStatus file : fs.listStatus(partition)) {
      String name = file.getPath().getName();
      if (name.endsWith(".avro")) {
        try (InputStream in = fs.open(file.getPath());
            DataFileStream<GenericRecord> avro = new DataFileStream<>(in, new GenericDatumReader<>())) {
          avro.forEach(record -> records.add(record.toString().replace(root, "ROOT/")));
        }
      } else if (name.endsWith(".parquet")) {
        try (ParquetReader<GenericRecord> parquet = AvroParquetReader.<GenericRecord>builder(
            HadoopInputFile.fromStatus(file, conf)).build()) {
          for (GenericRecord record = parquet.read(); record != null; record = parquet.read()) {
            records.add(record.toString().replace(root, "ROOT/"));
          }
        }
      }
    }
    records.sort(null);
    return records;
  }
}
