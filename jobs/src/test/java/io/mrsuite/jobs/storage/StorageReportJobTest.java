package io.mrsuite.jobs.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mrsuite.formats.avro.FxRate;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.util.ToolRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * storage-report on a small local warehouse: a gzip'd raw file, one cut short, an Avro file with deflate, hidden
 * files beside them, and days outside the window: exact files, bytes and uncompressed bytes, the unreadable file
 * counted apart, and the report published with its page and _SUCCESS.
 */
class StorageReportJobTest {
  private static final LocalDate DAY = LocalDate.of(2026, 11, 20);

  @TempDir
  Path root;

  @Test
  void reportsEachDatasetsDaysWithExactSizesAndTheirUncompressedBytes() throws Exception {
    byte[] text = "{\"event_id\":\"e1\"}\n".repeat(500).getBytes(StandardCharsets.UTF_8);
    byte[] gzip = gzip(text);
    write("raw/events/dt=2026-11-20/hr=00/a.jsonl.gz", gzip);
    write("raw/events/dt=2026-11-20/hr=01/cut.jsonl.gz", java.util.Arrays.copyOf(gzip, gzip.length / 2));
    write("raw/events/dt=2026-11-20/_SUCCESS", new byte[0]);
    write("raw/events/dt=2026-11-19/hr=00/a.jsonl", text);
    write("raw/events/dt=2026-11-17/hr=00/a.jsonl", text);
    List<FxRate> rates = List.of(new FxRate("EUR", new BigDecimal("1.08000000"), DAY, "fx.csv", 10L),
        new FxRate("GBP", new BigDecimal("1.27000000"), DAY, "fx.csv", 20L));
    Path avro = root.resolve("curated/fx_rates/dt=2026-11-20/part-r-00000.avro");
    Files.createDirectories(avro.getParent());
    try (DataFileWriter<FxRate> writer = new DataFileWriter<>(new SpecificDatumWriter<>(FxRate.class))) {
      writer.setCodec(CodecFactory.deflateCodec(6));
      writer.create(FxRate.getClassSchema(), avro.toFile());
      for (FxRate rate : rates) {
        writer.append(rate);
      }
    }
    write("curated/fx_rates/dt=2026-11-20/_manifest.json", "{}".getBytes(StandardCharsets.UTF_8));

    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream out = System.out;
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      assertEquals(0, ToolRunner.run(conf(), new StorageReportJob(), new String[] {"--root", root.toString(),
          "--date", DAY.toString(), "--days", "2"}));
    } finally {
      System.setOut(out);
    }

    Path report = root.resolve("reports/storage/dt=2026-11-20");
    assertTrue(Files.exists(report.resolve("_SUCCESS")));
    JsonNode datasets = new ObjectMapper().readTree(report.resolve("storage.json").toFile()).get("datasets");
    assertEquals(List.of("raw/events", "curated/fx_rates"), fieldNames(datasets));
    JsonNode events = datasets.get("raw/events");
    assertEquals(2, events.size(), "2026-11-17 is outside the two days");
    assertEquals("2026-11-19", events.get(0).get("dt").asText());
    assertEquals(text.length, events.get(0).get("uncompressed_bytes").asLong());
    assertEquals(1.0, events.get(0).get("compression_ratio").asDouble());
    JsonNode gzipped = events.get(1);
    assertEquals(2, gzipped.get("files").asLong(), "_SUCCESS is not a data file");
    assertEquals(gzip.length + gzip.length / 2, gzipped.get("bytes").asLong());
    assertEquals(text.length, gzipped.get("uncompressed_bytes").asLong());
    assertEquals(1, gzipped.get("unreadable_files").asLong());
    assertEquals(Math.round(100.0 * text.length / gzip.length) / 100.0, gzipped.get("compression_ratio").asDouble());
    JsonNode fx = datasets.get("curated/fx_rates").get(0);
    assertEquals(1, fx.get("files").asLong());
    assertEquals(Files.size(avro), fx.get("bytes").asLong());
    assertEquals(encodedSize(rates), fx.get("uncompressed_bytes").asLong(), "the records' binary encoding");
    String page = Files.readString(report.resolve("storage.html"));
    assertTrue(page.contains("<svg") && page.contains("raw/events: bytes per day"), page);
    assertTrue(printed.toString(StandardCharsets.UTF_8).contains("(1 files unreadable, not in the ratio)"),
        printed.toString(StandardCharsets.UTF_8));
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static long encodedSize(List<FxRate> rates) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
    SpecificDatumWriter<FxRate> writer = new SpecificDatumWriter<>(FxRate.class);
    for (FxRate rate : rates) {
      writer.write(rate, encoder);
    }
    encoder.flush();
    return bytes.size();
  }

  private static byte[] gzip(byte[] text) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(bytes)) {
      out.write(text);
    }
    return bytes.toByteArray();
  }

  private void write(String file, byte[] bytes) throws IOException {
    Path path = root.resolve(file);
    Files.createDirectories(path.getParent());
    Files.write(path, bytes);
  }

  private static Configuration conf() {
    Configuration conf = new Configuration();
    conf.set("fs.defaultFS", "file:///");
    return conf;
  }
}
