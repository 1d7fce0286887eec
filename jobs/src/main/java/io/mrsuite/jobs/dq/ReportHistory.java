package io.mrsuite.jobs.dq;

import com.fasterxml.jackson.databind.JsonNode;
import io.mrsuite.formats.partition.PartitionNames;
import io.mrsuite.jobs.run.PartitionPointer;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.lib.output.FileOutputCommitter;

/** Earlier days' complete reports ({@code reports/dq/dt=*}/dq.json with _SUCCESS) within the trend window. */
final class ReportHistory {
  private ReportHistory() {
  }

  static List<JsonNode> before(FileSystem fs, Path reports, LocalDate date, int days) throws IOException {
    List<JsonNode> found = new ArrayList<>();
    for (int i = days - 1; i >= 1; i--) {
      Path partition = new Path(reports, PartitionNames.dateName(date.minusDays(i)));
      if (!fs.exists(new Path(partition, FileOutputCommitter.SUCCEEDED_FILE_NAME))) {
        continue;
      }
      Path json = new Path(PartitionPointer.dataDir(fs, partition), DqReport.JSON_FILE);
      if (fs.exists(json)) {
        try (InputStream in = fs.open(json)) {
          found.add(DqReport.JSON.readTree(in));
        }
      }
    }
    return found;
  }
}
