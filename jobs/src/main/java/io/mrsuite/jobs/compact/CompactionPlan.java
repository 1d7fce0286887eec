package io.mrsuite.jobs.compact;

import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.lib.input.CombineFileSplit;

/**
 * Which input files go into which compacted file. The number of outputs is the fewest that keep each at or
 * under the target by estimate: ceil(payload * outputPerPayloadByte / target), where payload is the files'
 * record data without their headers and footers (the part a compacted file is made of) and
 * outputPerPayloadByte what merging makes of it ({@link OutputSizeSampler}). The files, in name order, are
 * then cut into that many contiguous groups of about equal payload: each file goes to the group its middle
 * byte falls in, so a group is within one input file of its share. Input files are never split.
 */
final class CompactionPlan {
  private final List<List<DataFile>> groups;

  private CompactionPlan(List<List<DataFile>> groups) {
    this.groups = groups;
  }

  static CompactionPlan pack(List<DataFile> files, long targetBytes, double outputPerPayloadByte) {
    long total = files.stream().mapToLong(DataFile::payloadBytes).sum();
    int outputs = (int) Math.max(1, Math.min(files.size(), Math.ceil(total * outputPerPayloadByte / targetBytes)));
    double share = Math.max(1.0, (double) total / outputs);
    List<List<DataFile>> groups = new ArrayList<>();
    for (int i = 0; i < outputs; i++) {
      groups.add(new ArrayList<>());
    }
    long before = 0;
    for (DataFile file : files) {
      double middle = before + file.payloadBytes() / 2.0;
      groups.get((int) Math.min(outputs - 1, (long) (middle / share))).add(file);
      before += file.payloadBytes();
    }
    groups.removeIf(List::isEmpty);
    return new CompactionPlan(List.copyOf(groups));
  }

  List<List<DataFile>> groups() {
    return groups;
  }

  /** One split per group: its whole files, placed on the hosts holding most of its bytes. */
  List<CombineFileSplit> splits() {
    List<CombineFileSplit> splits = new ArrayList<>();
    for (List<DataFile> group : groups) {
      Path[] paths = group.stream().map(DataFile::path).toArray(Path[]::new);
      long[] starts = new long[group.size()];
      long[] lengths = group.stream().mapToLong(DataFile::length).toArray();
      splits.add(new CombineFileSplit(paths, starts, lengths, Locality.hostsOf(group)));
    }
    return splits;
  }
}
