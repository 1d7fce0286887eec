package io.mrsuite.it;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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

  /** Each part file's name and its bytes' SHA-256, in name order: two runs wrote the same files when equal. */
  static Map<String, String> digests(FileSystem fs, Path partition) throws IOException {
    Map<String, String> digests = new TreeMap<>();
    for (Path file : parts(fs, partition)) {
      try (InputStream in = fs.open(file)) {
        digests.put(file.getName(), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
            .digest(in.readAllBytes())));
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
    return digests;
  }

  private static List<Path> parts(FileSystem fs, Path partition) throws IOException {
    FileStatus[] statuses = fs.globStatus(new Path(partition, "part-*.avro"));
    return Arrays.stream(statuses).map(FileStatus::getPath).sorted().toList();
  }
}
