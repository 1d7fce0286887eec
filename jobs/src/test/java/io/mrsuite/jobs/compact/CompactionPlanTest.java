package io.mrsuite.jobs.compact;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.lib.input.CombineFileSplit;
import org.junit.jupiter.api.Test;

/** How files are grouped into compacted files, the splits that carry the groups, and target sizes. */
class CompactionPlanTest {

  @Test
  void groupsAreTheFewestThatStayUnderTheTargetAndAboutEqual() {
    List<DataFile> files = files(100, 10);
    CompactionPlan plan = CompactionPlan.pack(files, 250, 1.0);

    // 1,000 payload bytes at most 250 per file: 4 files of 250, contiguous in name order.
    assertEquals(List.of(25, 25, 25, 25), sizes(plan));
    assertEquals(files, plan.groups().stream().flatMap(List::stream).toList(), "every file once, in order");
    assertEquals(List.of(250L, 250L, 250L, 250L), payloads(plan));
  }

  @Test
  void theCountOfFilesFollowsTheEstimatedOutputSize() {
    // 1,000 payload bytes that merge to half as many: 500 estimated bytes, 2 files of 250 at most.
    CompactionPlan plan = CompactionPlan.pack(files(100, 10), 250, 0.5);
    assertEquals(List.of(500L, 500L), payloads(plan));
  }

  @Test
  void theSampleTakesFilesFromAcrossThePartitionAndEachOnce() {
    List<DataFile> files = files(10, 100);
    // 1,000 payload bytes, a sample of 100: the first pass takes every 1,000 / (4 * 100) = 2nd file.
    List<Integer> order = OutputSizeSampler.spread(files, 100).stream().map(files::indexOf).toList();
    assertEquals(List.of(0, 2, 4, 6, 8, 1, 3, 5, 7, 9), order);
    assertEquals(files, OutputSizeSampler.spread(files, 1000), "a sample as large as the partition takes all in order");
  }

  @Test
  void aSampleWithoutDataLeavesThePlanByInputBytes() {
    assertEquals(1.0, new SampleSize(0, 0).outputPerPayloadByte());
    assertEquals(0.25, new SampleSize(400, 100).outputPerPayloadByte());
  }

  @Test
  void aTargetJustAboveAShareStillTakesOneMoreFile() {
    // 1,010 bytes, target 1,000: two files of about 505 (within one input file of it), not 1,000 + 10.
    CompactionPlan plan = CompactionPlan.pack(files(101, 10), 1000, 1.0);
    assertEquals(List.of(500L, 510L), payloads(plan));
  }

  @Test
  void eachFileGoesWhereItsMiddleFallsAndABigFileStaysWhole() {
    CompactionPlan plan = CompactionPlan.pack(List.of(file(0, 10), file(1, 500), file(2, 10), file(3, 80)), 300, 1.0);
    // 600 bytes, 2 shares of 300: middles at 5, 260 -> first; 515, 560 -> second.
    assertEquals(List.of(510L, 90L), payloads(plan));
  }

  @Test
  void neverMoreGroupsThanFilesNorFewerThanOne() {
    assertEquals(List.of(1, 1), sizes(CompactionPlan.pack(files(2, 1000), 10, 1.0)));
    assertEquals(List.of(3), sizes(CompactionPlan.pack(files(3, 0), 10, 1.0)));
  }

  @Test
  void splitsTravelThroughTheConfigurationUnchanged() throws IOException {
    List<DataFile> files = new ArrayList<>(files(4, 100));
    files.set(1, new DataFile(new Path("hdfs://nn/w/dt=2026-11-20/a,b;c \"q\".avro"), 150, 0, DataFormat.AVRO, null,
        "null", null, 100, -1, Map.of("dn2", 150L, "dn1", 100L)));
    List<CombineFileSplit> splits = CompactionPlan.pack(files, 200, 1.0).splits();
    Configuration conf = new Configuration(false);

    CompactKeys.setSplits(conf, splits);
    List<CombineFileSplit> read = CompactKeys.splits(conf);

    assertEquals(splits.size(), read.size());
    for (int i = 0; i < splits.size(); i++) {
      assertArrayEquals(splits.get(i).getPaths(), read.get(i).getPaths());
      assertArrayEquals(splits.get(i).getLengths(), read.get(i).getLengths());
      assertArrayEquals(splits.get(i).getStartOffsets(), read.get(i).getStartOffsets());
      assertArrayEquals(splits.get(i).getLocations(), read.get(i).getLocations());
    }
    assertArrayEquals(new String[] {"dn1", "dn2"}, read.get(0).getLocations(), "most bytes first: 250 on dn1, 150 on dn2");
  }

  @Test
  void targetSizesAreParsedAsOperatorsWriteThem() {
    assertEquals(268_435_456L, ByteSize.parse("256m"));
    assertEquals(268_435_456L, ByteSize.parse("256M"));
    assertEquals(1L << 30, ByteSize.parse("1g"));
    assertEquals(512 * 1024L, ByteSize.parse("512k"));
    assertEquals(1000L, ByteSize.parse("1000"));
    assertEquals("256m", ByteSize.format(268_435_456L));
    assertEquals("1000", ByteSize.format(1000L));
    for (String bad : List.of("", "m", "0", "-1m", "1.5g", "12x", "99999999999999999999", "9000000000t")) {
      assertThrows(IllegalArgumentException.class, () -> ByteSize.parse(bad), bad);
    }
  }

  private static List<DataFile> files(int count, long payload) {
    List<DataFile> files = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      files.add(file(i, payload));
    }
    return files;
  }

  private static List<DataFile> files(long... payloads) {
    List<DataFile> files = new ArrayList<>();
    for (int i = 0; i < payloads.length; i++) {
      files.add(file(i, payloads[i]));
    }
    return files;
  }

  private static DataFile file(int index, long payload) {
    return new DataFile(new Path(String.format("hdfs://nn/w/dt=2026-11-20/part-%05d.avro", index)), payload + 50, 0,
        DataFormat.AVRO, null, "null", null, payload, -1, Map.of("dn1", payload + 50));
  }

  private static List<Integer> sizes(CompactionPlan plan) {
    return plan.groups().stream().map(List::size).toList();
  }

  private static List<Long> payloads(CompactionPlan plan) {
    return plan.groups().stream().map(g -> g.stream().mapToLong(DataFile::payloadBytes).sum()).toList();
  }
}
