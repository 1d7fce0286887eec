package io.mrsuite.it;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** Reads every part-*.avro of a partition, as the writer wrote it (generic records, writer schema). */
final class AvroPartitions {
  private AvroPartitions() {
  }

  static List<GenericRecord> read(FileSystem fs, Path partition) throws IOException {
    List<GenericRecord> records = new ArrayList<>();
    for (Path file : parts(fs, partition)) {
      try (InputStream in = fs.open(file);
          DataFileStream<GenericRecord> stream = new DataFileStream<>(in, new GenericDatumReader<>())) {
        stream.forEach(records::add);
      }
    }
    return records;
  }

  /** The records of every part file as the generated class {@code type}. */
  static <T> List<T> read(FileSystem fs, Path partition, Class<T> type) throws IOException {
    List<T> records = new ArrayList<>();
    for (Path file : parts(fs, partition)) {
      try (InputStream in = fs.open(file);
          DataFileStream<T> stream = new DataFileStream<>(in, new SpecificDatumReader<>(type))) {
        stream.forEach(records::add);
      }
    }
    return records;
  }

  /** The writer schema of every part file. */
  static List<Schema> schemas(FileSystem fs, Path partition) throws IOException {
    List<Schema> schemas = new ArrayList<>();
    for (Path file : parts(fs, partition)) {
      try (InputStream in = fs.open(file);
          DataFileStream<GenericRecord> stream = new DataFileStream<>(in, new GenericDatumReader<>())) {
        schemas.add(stream.getSchema());
      }
    }
    return schemas;
  }

  private static List<Path> parts(FileSystem fs, Path partition) throws IOException {
    FileStatus[] statuses = fs.globStatus(new Path(partition, "part-*.avro"));
    return Arrays.stream(statuses).map(FileStatus::getPath).sorted().toList();
  }
}
