package io.mrsuite.jobs.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FilterFileSystem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PartitionPublisherTest {
  @TempDir
  Path tmp;

  private FileSystem local;
  private org.apache.hadoop.fs.Path target;

  @BeforeEach
  void setUp() throws IOException {
    local = FileSystem.getLocal(new Configuration()).getRawFileSystem();
    target = new org.apache.hadoop.fs.Path(tmp.toUri().toString(), "curated/events/dt=2026-11-20");
  }

  @Test
  void firstPublishMovesTheStagedPartitionIntoPlace() throws IOException {
    PartitionPublisher publisher = new PartitionPublisher(local, "run1");
    org.apache.hadoop.fs.Path staged = stage(publisher, "new");

    publisher.publish(staged, target);

    assertEquals("new", content());
    assertEquals(List.of("dt=2026-11-20"), siblings());
  }

  @Test
  void republishReplacesThePartitionWholeAndLeavesNothingBehind() throws IOException {
    PartitionPublisher first = new PartitionPublisher(local, "run1");
    first.publish(stage(first, "old"), target);
    Files.writeString(Path.of(target.toUri()).resolve("part-old-only.avro"), "stale");
    PartitionPublisher second = new PartitionPublisher(local, "run2");

    second.publish(stage(second, "new"), target);

    assertEquals("new", content());
    assertFalse(Files.exists(Path.of(target.toUri()).resolve("part-old-only.avro")), "no mix of old and new files");
    assertEquals(List.of("dt=2026-11-20"), siblings());
  }

  @Test
  void aFailedRenameInPutsTheOldPartitionBack() throws IOException {
    PartitionPublisher first = new PartitionPublisher(local, "run1");
    first.publish(stage(first, "old"), target);
    FileSystem failingRenameIn = new FilterFileSystem(local) {
      @Override
      public boolean rename(org.apache.hadoop.fs.Path from, org.apache.hadoop.fs.Path to) throws IOException {
        return !from.getName().startsWith("_staging.") && super.rename(from, to);
      }
    };
    PartitionPublisher second = new PartitionPublisher(failingRenameIn, "run2");
    org.apache.hadoop.fs.Path staged = stage(second, "new");

    IOException e = assertThrows(IOException.class, () -> second.publish(staged, target));

    assertTrue(e.getMessage().startsWith("could not rename " + staged), e.getMessage());
    assertEquals("old", content());
    assertTrue(local.exists(staged), "the staged output is left for the caller to discard");
  }

  @Test
  void stagingIsAHiddenSiblingNamedByTheRun() {
    org.apache.hadoop.fs.Path staging = new PartitionPublisher(local, "abc").stagingFor(target);
    assertEquals(target.getParent(), staging.getParent());
    assertEquals("_staging.dt=2026-11-20.abc", staging.getName());
  }

  @Test
  void byPointerEachPublishSwitchesThePointerKeepsThePreviousRunAndDeletesOlderOnes() throws IOException {
    Configuration conf = new Configuration();
    conf.set(PublishMode.POINTER_SCHEMES, "file");
    assertEquals(PublishMode.POINTER, PublishMode.of(local, conf));
    PartitionPublisher first = new PartitionPublisher(local, "run1", PublishMode.POINTER);
    org.apache.hadoop.fs.Path firstRun = stage(first, "first");
    assertEquals(new org.apache.hadoop.fs.Path(target, "run-run1"), firstRun, "staged inside the partition");
    first.publish(firstRun, target);
    first.discard(firstRun);
    assertEquals(new PartitionPointer("run1", "run-run1"), PartitionPointer.read(local, target).orElseThrow());
    assertEquals("first", content(PartitionPointer.dataDir(local, target)));

    PartitionPublisher dead = new PartitionPublisher(local, "run2", PublishMode.POINTER);
    stage(dead, "never published");
    PartitionPublisher second = new PartitionPublisher(local, "run3", PublishMode.POINTER);
    second.publish(stage(second, "second"), target);
    assertEquals("second", content(PartitionPointer.dataDir(local, target)));
    assertEquals(List.of("_SUCCESS", "run-run1", "run-run3"), children(), "the dead run's directory deleted");

    PartitionPublisher third = new PartitionPublisher(local, "run4", PublishMode.POINTER);
    third.publish(stage(third, "third"), target);
    assertEquals(List.of("_SUCCESS", "run-run3", "run-run4"), children());
    assertEquals(List.of("dt=2026-11-20"), siblings(), "nothing beside the partition");
  }

  @Test
  void withoutAPointerAPartitionHoldsItsOwnData() throws IOException {
    Files.createDirectories(Path.of(target.toUri()));
    assertEquals(target, PartitionPointer.dataDir(local, target), "no _SUCCESS");
    Files.writeString(Path.of(target.toUri()).resolve("_SUCCESS"), "");
    assertEquals(target, PartitionPointer.dataDir(local, target), "Hadoop's empty _SUCCESS");
    Files.writeString(Path.of(target.toUri()).resolve("_SUCCESS"), "{\"committer\": \"magic\", \"success\": true}");
    assertEquals(target, PartitionPointer.dataDir(local, target), "an S3A committer's summary");
    Files.writeString(Path.of(target.toUri()).resolve("_SUCCESS"), "{\"mrsuite_data\": \"../../orders\"}");
    assertThrows(IOException.class, () -> PartitionPointer.dataDir(local, target), "a pointer out of its partition");
  }

  private String content(org.apache.hadoop.fs.Path dir) throws IOException {
    return Files.readString(Path.of(dir.toUri()).resolve("part-m-00000.avro"));
  }

  private List<String> children() throws IOException {
    return Arrays.stream(local.listStatus(target)).map(s -> s.getPath().getName()).filter(n -> !n.startsWith("."))
        .sorted().toList();
  }

  private org.apache.hadoop.fs.Path stage(PartitionPublisher publisher, String content) throws IOException {
    org.apache.hadoop.fs.Path staged = publisher.stagingFor(target);
    Path dir = Files.createDirectories(Path.of(staged.toUri()));
    Files.writeString(dir.resolve("part-m-00000.avro"), content, StandardCharsets.UTF_8);
    return staged;
  }

  private String content() throws IOException {
    return Files.readString(Path.of(target.toUri()).resolve("part-m-00000.avro"));
  }

  private List<String> siblings() throws IOException {
    FileStatus[] statuses = local.listStatus(target.getParent());
    return Arrays.stream(statuses).map(s -> s.getPath().getName()).sorted().toList();
  }
}
