package io.mrsuite.jobs.compact;

import io.mrsuite.formats.partition.PartitionNames;
import io.mrsuite.jobs.run.JobFailedException;
import io.mrsuite.jobs.run.RunManifest;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Lists what one partition directory holds and refuses anything compact would not carry over.
 *
 * <p>It holds the data files, read in name order, whether the partition is complete ({@code _SUCCESS}) and
 * whether it has a run manifest. A subdirectory, a visible file that is neither Avro nor Parquet, or a hidden
 * entry other than {@code _SUCCESS}, {@code _manifest.json} and checksum files is refused with its name
 * rather than lost. Checksum files ({@code .name.crc}) are kept by the filesystem with their files.
 */
final class PartitionScan {
  private static final int NAMES_SHOWN = 5;

  private final Path dir;
  private final List<DataFile> dataFiles;
  private final boolean complete;
  private final boolean hasManifest;

  private PartitionScan(Path dir, List<DataFile> dataFiles, boolean complete, boolean hasManifest) {
    this.dir = dir;
    this.dataFiles = dataFiles;
    this.complete = complete;
    this.hasManifest = hasManifest;
  }

  static PartitionScan of(Path dir, Configuration conf) throws IOException {
    FileSystem fs = dir.getFileSystem(conf);
    List<DataFile> dataFiles = new ArrayList<>();
    List<String> refused = new ArrayList<>();
    boolean complete = false;
    boolean hasManifest = false;
    FileStatus[] entries;
    try {
      // listStatus, not listLocatedStatus: the local filesystem runs a shell command per file to fill in the
      // permissions a LocatedFileStatus copies; block locations are asked for the data files only.
      entries = fs.listStatus(dir);
    } catch (FileNotFoundException e) {
      throw new JobFailedException("no partition at " + dir);
    }
    for (FileStatus entry : entries) {
      String name = entry.getPath().getName();
      if (name.equals(PartitionNames.SUCCESS_MARKER) && entry.isFile()) {
        complete = true;
      } else if (name.equals(RunManifest.FILE_NAME) && entry.isFile()) {
        hasManifest = true;
      } else if (name.startsWith(".") && name.endsWith(".crc") && entry.isFile()) {
        continue;
      } else if (PartitionNames.isHidden(name)) {
        refused.add(name + " (a hidden entry compact would not carry over)");
      } else if (entry.isDirectory()) {
        refused.add(name + "/ (a subdirectory: compact rewrites flat partitions)");
      } else {
        try (FSDataInputStream in = fs.open(entry.getPath())) {
          Optional<DataFormat> format = DataFormat.sniff(in, entry.getLen());
          if (format.isPresent()) {
            dataFiles.add(format.get().inspect(fs, entry, in, conf));
          } else {
            refused.add(name + " (neither Avro nor Parquet)");
          }
        }
      }
    }
    if (!refused.isEmpty()) {
      throw new JobFailedException("compact refuses " + dir + ": it holds " + String.join(", ", refused));
    }
    dataFiles.sort(Comparator.comparing(DataFile::name));
    return new PartitionScan(dir, List.copyOf(dataFiles), complete, hasManifest);
  }

  Path dir() {
    return dir;
  }

  List<DataFile> dataFiles() {
    return dataFiles;
  }

  boolean complete() {
    return complete;
  }

  boolean hasManifest() {
    return hasManifest;
  }

  /**
   * One file standing for all: every data file has the same format and codec, and Parquet files the same schema,
   * or the error names the files on each side. Avro files may differ in schema; the one standing for all then
   * carries the newest, which reads them all ({@link NewestSchema}).
   */
  DataFile uniformSample() throws JobFailedException {
    requireOne("formats", DataFile::format, f -> f.format().name().toLowerCase(Locale.ROOT));
    boolean avro = dataFiles.get(0).format() == DataFormat.AVRO;
    Schema newest = avro ? newestSchema().schema() : null;
    if (!avro) {
      requireOne("schemas", DataFile::schema,
          f -> f.schema().getFullName() + " (fingerprint " + Long.toHexString(
              SchemaNormalization.fingerprint64(f.schema().toString().getBytes(StandardCharsets.UTF_8)))
              + ")");
      requireOne("Parquet schemas", DataFile::parquetSchema, f -> "Parquet schema " + f.parquetSchema().getName());
    }
    requireOne("codecs", DataFile::codec, DataFile::codec);
    // One that names the codec: a Parquet file without row groups names none, and standing for all it
    // would have the compacted files written uncompressed.
    DataFile sample = dataFiles.stream().filter(file -> file.codec() != null).findFirst().orElse(dataFiles.get(0));
    return avro ? sample.withSchema(newest) : sample;
  }

  /** The schema an Avro partition is compacted into, and what was merged into it when its files differ. */
  NewestSchema newestSchema() throws JobFailedException {
    return NewestSchema.of(dir, dataFiles);
  }

  /** Files whose {@code property} is null (unknown: a Parquet file without row groups has no codec) agree with any. */
  private void requireOne(String what, Function<DataFile, Object> property, Function<DataFile, String> describe)
      throws JobFailedException {
    Map<Object, List<DataFile>> byValue = new LinkedHashMap<>();
    for (DataFile file : dataFiles) {
      Object value = property.apply(file);
      if (value != null) {
        byValue.computeIfAbsent(value, v -> new ArrayList<>()).add(file);
      }
    }
    if (byValue.size() <= 1) {
      return;
    }
    List<String> sides = new ArrayList<>();
    for (List<DataFile> files : byValue.values()) {
      List<String> names = files.stream().limit(NAMES_SHOWN).map(DataFile::name).toList();
      String more = files.size() > NAMES_SHOWN ? " and " + (files.size() - NAMES_SHOWN) + " more" : "";
      sides.add(describe.apply(files.get(0)) + ": " + String.join(", ", names) + more);
    }
    throw new JobFailedException("compact refuses " + dir + ": its files have different " + what
        + ", and all must share one; " + String.join("; ", sides));
  }

  /**
   * Whether the partition still holds exactly the scanned data files, unchanged (name, length, modification
   * time), and is as complete as it was: a writer that added or replaced files meanwhile must not lose them.
   */
  boolean unchanged(Configuration conf) throws IOException {
    FileSystem fs = dir.getFileSystem(conf);
    Map<Path, DataFile> scanned = new LinkedHashMap<>();
    dataFiles.forEach(file -> scanned.put(file.path(), file));
    boolean nowComplete = false;
    int visible = 0;
    for (FileStatus entry : fs.listStatus(dir)) {
      String name = entry.getPath().getName();
      nowComplete |= name.equals(PartitionNames.SUCCESS_MARKER);
      if (PartitionNames.isHidden(name)) {
        continue;
      }
      visible++;
      DataFile before = scanned.get(entry.getPath());
      if (before == null || before.length() != entry.getLen()
          || before.modificationTime() != entry.getModificationTime()) {
        return false;
      }
    }
    return visible == dataFiles.size() && nowComplete == complete;
  }

  long bytes() {
    return dataFiles.stream().mapToLong(DataFile::length).sum();
  }

  /** The files' record data, without their headers and footers. */
  long payloadBytes() {
    return dataFiles.stream().mapToLong(DataFile::payloadBytes).sum();
  }

  /** Records the files' metadata counts, or -1 when some file's metadata does not say (Avro). */
  long rowsFromMetadata() {
    return dataFiles.stream().anyMatch(f -> f.rows() < 0) ? -1
        : dataFiles.stream().mapToLong(DataFile::rows).sum();
  }
}
