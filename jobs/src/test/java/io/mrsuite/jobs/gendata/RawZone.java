package io.mrsuite.jobs.gendata;

import io.mrsuite.formats.text.LineScanner;
import io.mrsuite.formats.text.RawLine;
import io.mrsuite.formats.text.StreamBreaks;
import io.mrsuite.formats.text.TextInputKeys;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/** Reads a generated warehouse root the way the ingest jobs will: files as bytes, lines through LineScanner. */
final class RawZone {
  private final Path root;

  RawZone(Path root) {
    this.root = root;
  }

  Path partition(String dataset, LocalDate date) {
    return root.resolve("raw").resolve(dataset).resolve("dt=" + date);
  }

  /**
   * Every file under the root by relative path, without the {@code .crc} checksum files Hadoop's local file
   * system writes beside each file.
   */
  List<String> files() throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString())
          .filter(p -> !p.endsWith(".crc")).sorted().toList();
    }
  }

  /** The bytes of every data file (names not starting with {@code _} or {@code .}), by relative path. */
  Map<String, byte[]> dataFiles() throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    for (String file : files()) {
      String name = Path.of(file).getFileName().toString();
      if (!name.startsWith("_") && !name.startsWith(".")) {
        files.put(file, Files.readAllBytes(root.resolve(file)));
      }
    }
    return files;
  }

  /** The event files of a day's partition, in path order. */
  List<Path> eventFiles(LocalDate date) throws IOException {
    try (Stream<Path> walk = Files.walk(partition("events", date))) {
      return walk.filter(p -> p.getFileName().toString().startsWith("events-")).sorted().toList();
    }
  }

  /** Feeds every line of an events file to {@code consumer}; the RawLine is reused. */
  static void eachLine(Path file, Consumer<RawLine> consumer) {
    try (InputStream in = open(file)) {
      LineScanner scanner = new LineScanner(in, file.toString(), TextInputKeys.DEFAULT_MAX_RECORD_BYTES,
          StreamBreaks.NONE);
      RawLine line = new RawLine();
      while (scanner.next(line)) {
        consumer.accept(line);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static InputStream open(Path file) throws IOException {
    InputStream in = Files.newInputStream(file);
    return file.toString().endsWith(".gz") ? new GZIPInputStream(in) : in;
  }

  /** The CSV records of every file of a day's partition of {@code dataset} whose name starts with {@code prefix}. */
  List<List<CsvReader.CsvRecord>> csvFiles(String dataset, LocalDate date, String prefix) throws IOException {
    List<List<CsvReader.CsvRecord>> files = new ArrayList<>();
    try (Stream<Path> list = Files.list(partition(dataset, date))) {
      for (Path file : list.filter(p -> p.getFileName().toString().startsWith(prefix)).sorted().toList()) {
        files.add(CsvReader.read(new String(Files.readAllBytes(file), StandardCharsets.UTF_8)));
      }
    }
    return files;
  }
}
