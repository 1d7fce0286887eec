package io.mrsuite.jobs.compact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mrsuite.jobs.run.RecordCounters;
import io.mrsuite.jobs.tool.MrSuiteTool;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.mapred.AvroKey;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.util.Tool;
import org.apache.hadoop.util.ToolRunner;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every way compact refuses or fails publishes nothing: the partition keeps its files byte for byte and
 * nothing is left beside it. Wrong command lines exit 2, refused or failed runs exit 1 with one line saying why.
 */
class CompactRefusalsTest {
  private static final int FILES = 20;
  private static final int MAX_RECORDS = 40;
  private static final String TARGET = "16k";

  @TempDir
  Path root;

  private Path partition;

  @BeforeEach
  void smallPartition() throws IOException {
    partition = root.resolve("curated/events/dt=2026-11-20");
    SmallFiles.writeAvro(partition, FILES, MAX_RECORDS, 7L, "snappy");
    SmallFiles.markComplete(partition);
  }

  @Test
  void aMapperThatLosesARecordGetsNothingPublished() throws Exception {
    Map<String, byte[]> before = contents(partition);

    String err = failsWith(withMapper(LosingMapper.class), "--dataset", partition.toString(), "--target-size", TARGET);

    assertTrue(err.contains("the compacted files do not hold the same records, nothing published"), err);
    assertTrue(err.matches("(?s).*read (\\d+) records but wrote (\\d+).*"), err);
    assertUntouched(before);
  }

  @Test
  void aMapperThatChangesARecordGetsNothingPublished() throws Exception {
    Map<String, byte[]> before = contents(partition);

    String err = failsWith(withMapper(ChangingMapper.class), "--dataset", partition.toString(), "--target-size",
        TARGET);

    assertTrue(err.contains("checksum of the records read"), err);
    assertFalse(err.contains("records but wrote"), "same count, different contents: " + err);
    assertUntouched(before);
  }

  @Test
  void aFailedTaskGetsNothingPublished() throws Exception {
    Path last = SmallFiles.dataFiles(partition).get(FILES - 1);
    byte[] bytes = Files.readAllBytes(last);
    // Inside the file's one block: snappy's block checksum fails and so does the task reading it.
    for (int i = bytes.length - 40; i < bytes.length - 20; i++) {
      bytes[i] ^= 0x5a;
    }
    Files.write(last, bytes);
    Map<String, byte[]> before = contents(partition);

    String err = failsWith(new CompactJob(), "--dataset", partition.toString(), "--target-size", TARGET);

    assertTrue(err.contains("nothing published"), err);
    assertTrue(err.contains("ended FAILED: ") && !err.contains("ended FAILED: NA"), "says why: " + err);
    assertUntouched(before);
  }

  @Test
  void aTruncatedAvroFileIsRefusedByName() throws Exception {
    Path last = SmallFiles.dataFiles(partition).get(FILES - 1);
    byte[] whole = Files.readAllBytes(last);
    Files.write(last, Arrays.copyOf(whole, whole.length - 20));
    Map<String, byte[]> before = contents(partition);

    String err = failsWith(new CompactJob(), "--dataset", partition.toString(), "--target-size", TARGET);

    assertTrue(err.contains("part-00019.avro does not end with its Avro sync marker"), err);
    assertUntouched(before);
  }

  @Test
  void aPartitionWithoutSuccessIsRefusedUnlessAllowedAndStaysIncomplete() throws Exception {
    Files.delete(partition.resolve("_SUCCESS"));
    Map<String, byte[]> before = contents(partition);
    Map<GenericRecord, Integer> records = SmallFiles.records(partition);

    String err = failsWith(new CompactJob(), "--dataset", partition.toString());
    assertTrue(err.contains("has no _SUCCESS: it may still be being written"), err);
    assertUntouched(before);

    assertEquals(0, ToolRunner.run(CompactJobs.localConf(), new CompactJob(),
        new String[] {"--dataset", partition.toString(), "--target-size", TARGET, "--allow-incomplete"}));
    assertEquals(records, SmallFiles.records(partition));
    assertTrue(SmallFiles.dataFiles(partition).size() < FILES);
    assertFalse(Files.exists(partition.resolve("_SUCCESS")), "compaction does not complete a partition");
  }

  @Test
  void filesOfAnotherSchemaAreRefusedByName() throws Exception {
    Schema other = SchemaBuilder.record("Other").namespace("x").fields().requiredLong("id").endRecord();
    for (String name : List.of("zz-1.avro", "zz-2.avro")) {
      try (DataFileWriter<GenericRecord> writer = new DataFileWriter<>(new GenericDatumWriter<>(other))) {
        writer.create(other, partition.resolve(name).toFile());
        writer.append(new GenericData.Record(other) {
          {
            put("id", 1L);
          }
        });
      }
    }
    Map<String, byte[]> before = contents(partition);

    String err = failsWith(new CompactJob(), "--dataset", partition.toString());

    // Neither is a version of the other: the newest, written last, cannot read the others.
    assertTrue(err.contains("its files have different schemas, and the newest (x.Other (fingerprint "), err);
    assertTrue(err.contains(", of zz-1.avro, zz-2.avro) cannot read those of part-00000.avro, part-00001.avro,"
        + " part-00002.avro, part-00003.avro, part-00004.avro and 15 more: "), err);
    assertTrue(err.contains("NAME_MISMATCH"), err);
    assertUntouched(before);
  }

  @Test
  void mixedFormatsAndMixedCodecsAreRefusedByName() throws Exception {
    SmallFiles.writeParquet(root.resolve("p"), 1, MAX_RECORDS, 1L, CompressionCodecName.SNAPPY);
    Files.move(root.resolve("p/part-00000.parquet"), partition.resolve("zz.parquet"));
    String err = failsWith(new CompactJob(), "--dataset", partition.toString());
    assertTrue(err.contains("its files have different formats") && err.contains("parquet: zz.parquet"), err);

    Files.delete(partition.resolve("zz.parquet"));
    SmallFiles.writeAvro(root.resolve("d"), 1, MAX_RECORDS, 1L, "deflate");
    Files.move(root.resolve("d/part-00000.avro"), partition.resolve("zz.avro"));
    err = failsWith(new CompactJob(), "--dataset", partition.toString());
    assertTrue(err.contains("its files have different codecs") && err.contains("deflate: zz.avro"), err);
  }

  @Test
  void entriesCompactWouldNotCarryOverAreRefusedByName() throws Exception {
    Files.createDirectories(partition.resolve("hr=01"));
    Files.writeString(partition.resolve("notes.txt"), "hello");
    Files.createDirectories(partition.resolve("_temporary"));
    Map<String, byte[]> before = contents(partition);

    String err = failsWith(new CompactJob(), "--dataset", partition.toString());

    assertTrue(err.contains("hr=01/ (a subdirectory"), err);
    assertTrue(err.contains("notes.txt (neither Avro nor Parquet)"), err);
    assertTrue(err.contains("_temporary (a hidden entry compact would not carry over)"), err);
    assertUntouched(before);
  }

  @Test
  void anAlreadyCompactPartitionIsLeftAsItIs() throws Exception {
    Map<String, byte[]> before = contents(partition);

    assertEquals(0, ToolRunner.run(CompactJobs.localConf(), new CompactJob(),
        new String[] {"--root", root.toString(), "--table", "curated/events", "--from", "2026-11-19", "--to",
            "2026-11-20", "--target-size", "1g"}));
    assertEquals(1, SmallFiles.dataFiles(partition).size(), "one file at a 1g target");

    Map<String, byte[]> once = contents(partition);
    assertEquals(0, ToolRunner.run(CompactJobs.localConf(), new CompactJob(),
        new String[] {"--root", root.toString(), "--table", "curated/events", "--date", "2026-11-20",
            "--target-size", "1g"}));
    assertEquals(once.keySet(), contents(partition).keySet(), "a second run has nothing to do");
    assertFalse(before.keySet().equals(once.keySet()));
  }

  @Test
  void wrongCommandLinesExitTwo() throws Exception {
    String p = partition.toString();
    for (String[] args : new String[][] {
        {}, {"--dataset"}, {"--dataset", p, "--root", "r"}, {"--dataset", p, "--target-size", "12x"},
        {"--dataset", p, "--target-size", "0"}, {"--root", "r", "--table", "t"},
        {"--root", "r", "--table", "t", "--date", "2026-11-20", "--from", "2026-11-20"},
        {"--root", "r", "--table", "t", "--from", "2026-11-21", "--to", "2026-11-20"},
        {"--root", "r", "--date", "2026-11-20"}}) {
      String err = stderrOf(() -> assertEquals(MrSuiteTool.EXIT_USAGE,
          ToolRunner.run(CompactJobs.localConf(), new CompactJob(), args), String.join(" ", args)));
      assertTrue(err.contains("Usage: hadoop jar mrsuite-jobs.jar compact"), err);
    }
  }

  @Test
  void pathsThatLeadOutsideThePartitionsAreRefusedBeforeAnythingIsTouched() throws Exception {
    Map<String, byte[]> before = contents(partition);
    String table = root.resolve("curated/events").toString();
    String up = partition + "/../" + partition.getFileName();
    Path other = root.resolve("other");
    Files.createDirectories(other.resolve("curated"));
    Files.createSymbolicLink(other.resolve("curated/events"), root.resolve("curated/events"));
    String upRoot = root + "/other/..";

    assertEquals("--dataset must be a partition directory named dt=YYYY-MM-DD: " + table, usageError("--dataset", table));
    assertEquals("--dataset must not go up a directory ('..'): " + up, usageError("--dataset", up));
    assertEquals("--root must not go up a directory ('..'): " + upRoot,
        usageError("--root", upRoot, "--table", "curated/events", "--date", "2026-11-20"));
    assertEquals("--table must not go up a directory ('..'): curated/../curated/events",
        usageError("--root", root.toString(), "--table", "curated/../curated/events", "--date", "2026-11-20"));
    assertEquals("--table must be a relative path: " + table,
        usageError("--root", root.toString(), "--table", table, "--date", "2026-11-20"));
    assertEquals("--date must be a date YYYY-MM-DD: 2026-11-31",
        usageError("--root", root.toString(), "--table", "curated/events", "--date", "2026-11-31"));
    assertEquals(other + "/curated/events/dt=2026-11-20 resolves to " + partition + ", outside --root " + other
        + ": a symbolic link leads out of the warehouse",
        usageError("--root", other.toString(), "--table", "curated/events", "--date", "2026-11-20", "--target-size",
            TARGET));
    Files.delete(other.resolve("curated/events"));
    Files.delete(other.resolve("curated"));
    Files.delete(other);
    assertUntouched(before);
  }

  /** The one Error line of a run that must exit 2. */
  private static String usageError(String... args) throws Exception {
    String err = stderrOf(() -> assertEquals(MrSuiteTool.EXIT_USAGE,
        ToolRunner.run(CompactJobs.localConf(), new CompactJob(), args), String.join(" ", args)));
    List<String> errors = err.lines().filter(line -> line.startsWith("Error: ")).toList();
    assertEquals(1, errors.size(), err);
    return errors.get(0).substring("Error: ".length());
  }

  /** Counts a record as read and checksummed, then drops the first one of each task. */
  static final class LosingMapper extends CompactMapper {
    private boolean dropped;

    @Override
    protected void map(AvroKey<GenericRecord> key, NullWritable value, Context context)
        throws IOException, InterruptedException {
      if (dropped) {
        super.map(key, value, context);
        return;
      }
      dropped = true;
      context.getCounter(RecordCounters.READ).increment(1);
      context.getCounter(CompactCounters.CHECKSUM_READ).increment(new RecordFingerprint().of(key.datum()));
    }
  }

  /** Counts the first record of each task as read, then writes it changed. */
  static final class ChangingMapper extends CompactMapper {
    private boolean changed;

    @Override
    protected void map(AvroKey<GenericRecord> key, NullWritable value, Context context)
        throws IOException, InterruptedException {
      if (changed) {
        super.map(key, value, context);
        return;
      }
      changed = true;
      long checksum = new RecordFingerprint().of(key.datum());
      GenericRecord copy = GenericData.get().deepCopy(key.datum().getSchema(), key.datum());
      copy.put("source_line", (Long) copy.get("source_line") + 1);
      context.getCounter(RecordCounters.READ).increment(1);
      context.getCounter(CompactCounters.CHECKSUM_READ).increment(checksum);
      context.write(new AvroKey<>(copy), value);
      context.getCounter(RecordCounters.WRITTEN).increment(1);
    }
  }

  private static Tool withMapper(Class<? extends CompactMapper> mapper) {
    return new CompactJob() {
      @Override
      protected Class<? extends CompactMapper> mapperClass() {
        return mapper;
      }
    };
  }

  private static String failsWith(Tool tool, String... args) throws Exception {
    return stderrOf(() -> assertEquals(MrSuiteTool.EXIT_FAILED, ToolRunner.run(CompactJobs.localConf(), tool, args)));
  }

  private void assertUntouched(Map<String, byte[]> before) throws IOException {
    Map<String, byte[]> after = contents(partition);
    assertEquals(before.keySet(), after.keySet());
    before.forEach((name, bytes) -> assertTrue(Arrays.equals(bytes, after.get(name)), name));
    try (Stream<Path> siblings = Files.list(partition.getParent())) {
      assertEquals(List.of(partition.getFileName().toString()),
          siblings.map(p -> p.getFileName().toString()).toList(), "no staging directory left");
    }
  }

  /** Every file of the partition (hidden ones included) with its bytes. */
  private static Map<String, byte[]> contents(Path dir) throws IOException {
    Map<String, byte[]> contents = new TreeMap<>();
    try (Stream<Path> entries = Files.list(dir)) {
      for (Path entry : entries.toList()) {
        contents.put(entry.getFileName().toString(), Files.isDirectory(entry) ? new byte[0] : Files.readAllBytes(entry));
      }
    }
    return contents;
  }

  private interface Action {
    void run() throws Exception;
  }

  private static String stderrOf(Action action) throws Exception {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      action.run();
    } finally {
      System.setErr(original);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }
}
