package io.mrsuite.formats.partition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.JobContext;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.input.InvalidInputException;
import org.apache.hadoop.mapreduce.lib.input.TextInputFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The filter's rule, and the same rule in FileInputFormat's own listings: jobs set no input path filter and
 * rely on it there.
 */
class VisiblePathFilterTest {
  private static final String DT = "curated/events/dt=2026-11-20";

  @TempDir
  java.nio.file.Path tmp;
  private LocalTree w;

  /** Exposes FileInputFormat's protected listing, the one getSplits uses. */
  static final class Listing extends TextInputFormat {
    List<Path> list(JobContext job) throws IOException {
      return listStatus(job).stream().map(FileStatus::getPath).sorted().toList();
    }
  }

  @BeforeEach
  void setUp() throws IOException {
    w = new LocalTree(tmp);
    w.file(DT + "/part-m-00000.avro")
        .file(DT + "/part-m-00001.avro")
        .file(DT + "/_SUCCESS")
        .file(DT + "/_manifest.json")
        .file(DT + "/.part-m-00000.avro.crc")
        .file(DT + "/_temporary/0/_temporary/attempt_1_0001_m_000002_0/part-m-00002.avro")
        .file(DT + "/_temporary/0/task_1_0001_m_000003/part-m-00003.avro");
  }

  private List<Path> parts() {
    return List.of(w.path(DT + "/part-m-00000.avro"), w.path(DT + "/part-m-00001.avro"));
  }

  private Job job(boolean recursive, Path... inputs) throws IOException {
    Configuration conf = LocalTree.conf();
    conf.setBoolean(FileInputFormat.INPUT_DIR_RECURSIVE, recursive);
    Job job = Job.getInstance(conf);
    FileInputFormat.setInputPaths(job, inputs);
    return job;
  }

  @ParameterizedTest
  @ValueSource(strings = {"_SUCCESS", "_manifest.json", ".part-m-00000.avro.crc", "_temporary",
      "_staging.dt=2026-11-20.run-1", "_replaced.dt=2026-11-20.run-1", ".hidden", "_"})
  void rejectsHiddenNames(String name) {
    assertFalse(new VisiblePathFilter().accept(new Path("/w/curated/events/dt=2026-11-20", name)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"part-m-00000.avro", "part-r-00000.parquet", "events.jsonl.gz", "hr=00", "dt=2026-11-20",
      "a_SUCCESS", "x.crc"})
  void acceptsVisibleNames(String name) {
    assertTrue(new VisiblePathFilter().accept(new Path("/w/curated/events/_staging.dt=2026-11-20.run-1", name)));
  }

  @Test
  void fileInputFormatListsOnlyThePartFilesOfAPartitionDirectory() throws IOException {
    assertEquals(parts(), new Listing().list(job(false, w.path(DT))));
  }

  @Test
  void recursiveListingDoesNotDescendIntoTemporary() throws IOException {
    assertEquals(parts(), new Listing().list(job(true, w.path(DT))));
  }

  @Test
  void globbedInputsListOnlyThePartFiles() throws IOException {
    assertEquals(parts(), new Listing().list(job(false, w.path(DT + "/*"))));
  }

  @Test
  void aHiddenFileNamedDirectlyIsNotInput() throws IOException {
    Listing listing = new Listing();
    assertThrows(InvalidInputException.class, () -> listing.list(job(false, w.path(DT + "/_SUCCESS"))));
    assertThrows(InvalidInputException.class, () -> listing.list(job(true, w.path(DT + "/_temporary"))));
  }

  @Test
  void filtersARawListingThatShowsChecksumFiles() throws IOException {
    // LocalFileSystem hides .crc files itself; the raw filesystem shows them, so the filter must drop them.
    try (RawLocalFileSystem raw = new RawLocalFileSystem()) {
      raw.initialize(java.net.URI.create("file:///"), LocalTree.conf());
      Path dir = w.path(DT);
      // two part files, _SUCCESS, _manifest.json, the .crc file and _temporary
      assertEquals(6, raw.listStatus(dir).length, "the raw listing holds everything");
      List<Path> visible = Arrays.stream(raw.listStatus(dir, new VisiblePathFilter())).map(FileStatus::getPath)
          .sorted().toList();
      assertEquals(parts(), visible);
    }
  }
}
