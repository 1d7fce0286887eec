package io.mrsuite.jobs.compact;

import io.mrsuite.formats.avro.Event;
import io.mrsuite.formats.avro.EventType;
import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopInputFile;

/**
 * Partitions of many small files of curated {@link Event}s, generated from a seed, and the multiset of
 * records a partition holds, read back as generic records whatever the format.
 */
final class SmallFiles {
  private static final EventType[] TYPES = EventType.values();
  private static final String[] COUNTRIES = {"DE", "FR", "US", "GB", "PL", null};
  private static final LocalDate DAY = LocalDate.of(2026, 11, 20);
  private static final Configuration CONF = new Configuration();

  private SmallFiles() {
  }

  /** {@code files} Events files of 1..{@code maxRecords} records each, named part-00000.avro ... */
  static void writeAvro(Path dir, int files, int maxRecords, long seed, String codec) throws IOException {
    Files.createDirectories(dir);
    Random random = new Random(seed);
    for (int f = 0; f < files; f++) {
      try (DataFileWriter<Event> writer = new DataFileWriter<>(new SpecificDatumWriter<>(Event.class))) {
        writer.setCodec(CodecFactory.fromString(codec));
        writer.create(Event.getClassSchema(), dir.resolve(String.format("part-%05d.avro", f)).toFile());
        for (Event event : events(random, f, maxRecords)) {
          writer.append(event);
        }
      }
    }
  }

  /** {@code files} Parquet files written by parquet-avro's AvroParquetWriter, named part-00000.parquet ... */
  static void writeParquet(Path dir, int files, int maxRecords, long seed, CompressionCodecName codec)
      throws IOException {
    Files.createDirectories(dir);
    Random random = new Random(seed);
    for (int f = 0; f < files; f++) {
      org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(
          dir.resolve(String.format("part-%05d.parquet", f)).toUri());
      try (ParquetWriter<Event> writer = AvroParquetWriter.<Event>builder(file).withConf(CONF)
          .withSchema(Event.getClassSchema()).withDataModel(SpecificData.getForClass(Event.class))
          .withCompressionCodec(codec).build()) {
        for (Event event : events(random, f, maxRecords)) {
          writer.write(event);
        }
      }
    }
  }

  /** A Parquet file of Events without records (no row groups, so its footer names no codec). */
  static void writeEmptyParquet(Path file) throws IOException {
    try (ParquetWriter<Event> writer = AvroParquetWriter.<Event>builder(
        new org.apache.hadoop.fs.Path(file.toUri())).withConf(CONF).withSchema(Event.getClassSchema())
        .withDataModel(SpecificData.getForClass(Event.class)).withCompressionCodec(CompressionCodecName.SNAPPY)
        .build()) {
      // Nothing written: the file is a footer alone.
    }
  }

  static void markComplete(Path dir) throws IOException {
    Files.createFile(dir.resolve("_SUCCESS"));
  }

  private static List<Event> events(Random random, int file, int maxRecords) {
    int count = 1 + random.nextInt(maxRecords);
    List<Event> events = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      EventType type = TYPES[random.nextInt(TYPES.length)];
      boolean priced = type == EventType.add_to_cart || type == EventType.purchase;
      Map<String, String> attributes = new LinkedHashMap<>();
      for (int a = random.nextInt(4); a > 0; a--) {
        attributes.put("attr_" + random.nextInt(20), random.nextInt(5) == 0 ? null : "v" + random.nextInt(1000));
      }
      events.add(Event.newBuilder()
          .setEventId(Long.toHexString(random.nextLong()) + "-" + file + "-" + i)
          .setEventType(type)
          .setEventTime(Instant.ofEpochMilli(DAY.toEpochDay() * 86_400_000L + random.nextInt(86_400_000)))
          .setAnonymousId("anon-" + random.nextInt(5000))
          .setUserId(random.nextBoolean() ? "user-" + random.nextInt(2000) : null)
          .setProductId(type == EventType.page_view || type == EventType.search ? null : "p-" + random.nextInt(300))
          .setQuantity(1 + random.nextInt(3))
          .setPrice(priced ? BigDecimal.valueOf(random.nextInt(100_000), 2) : null)
          .setCurrency(priced ? "EUR" : null)
          .setOrderId(type == EventType.purchase ? "o-" + random.nextInt(100_000) : null)
          .setCountry(COUNTRIES[random.nextInt(COUNTRIES.length)])
          .setPageUrl("https://shop.example/p/" + random.nextInt(300))
          .setReferrer(random.nextBoolean() ? "https://search.example/?q=" + random.nextInt(50) : null)
          .setUserAgent("Mozilla/5.0 (X11; Linux x86_64) rv:" + (100 + random.nextInt(30)))
          .setIp("10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(256))
          .setSearchQuery(type == EventType.search ? "query " + random.nextInt(100) : null)
          .setAttributes(attributes)
          .setArrivalDate(DAY)
          .setSourceFile("hdfs://nn/warehouse/raw/events/dt=2026-11-20/hr=" + (file % 24) + "/events-" + file + ".jsonl")
          .setSourceOffset(random.nextInt(1 << 20))
          .setSourceLine(1 + i)
          .build());
    }
    return events;
  }

  /** The visible files of a partition (data files), in name order. */
  static List<Path> dataFiles(Path dir) throws IOException {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.filter(p -> !p.getFileName().toString().startsWith("_")
          && !p.getFileName().toString().startsWith(".")).sorted().toList();
    }
  }

  /** How many times each record occurs in the partition's data files, read as generic records. */
  static Map<GenericRecord, Integer> records(Path dir) throws IOException {
    Map<GenericRecord, Integer> counts = new HashMap<>();
    for (Path file : dataFiles(dir)) {
      for (GenericRecord record : read(file)) {
        counts.merge(record, 1, Integer::sum);
      }
    }
    return counts;
  }

  static int total(Map<GenericRecord, Integer> records) {
    return records.values().stream().mapToInt(Integer::intValue).sum();
  }

  private static List<GenericRecord> read(Path file) throws IOException {
    List<GenericRecord> records = new ArrayList<>();
    if (file.getFileName().toString().endsWith(".parquet")) {
      try (ParquetReader<GenericRecord> reader = AvroParquetReader.<GenericRecord>builder(
          HadoopInputFile.fromPath(new org.apache.hadoop.fs.Path(file.toUri()), CONF))
          .withDataModel(GenericData.get()).build()) {
        for (GenericRecord record = reader.read(); record != null; record = reader.read()) {
          records.add(record);
        }
      }
    } else {
      try (DataFileReader<GenericRecord> reader = new DataFileReader<>(file.toFile(), new GenericDatumReader<>())) {
        reader.forEach(records::add);
      }
    }
    return records;
  }

  static Schema avroSchemaOf(File file) throws IOException {
    try (DataFileReader<GenericRecord> reader = new DataFileReader<>(file, new GenericDatumReader<>())) {
      return reader.getSchema();
    }
  }

  static String avroCodecOf(File file) throws IOException {
    try (DataFileReader<GenericRecord> reader = new DataFileReader<>(file, new GenericDatumReader<>())) {
      return reader.getMetaString("avro.codec");
    }
  }
}
