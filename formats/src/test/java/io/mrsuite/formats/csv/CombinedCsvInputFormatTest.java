package io.mrsuite.formats.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptID;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.task.TaskAttemptContextImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Many small CSV files and chunks of big ones read as few splits give every record of every file, once. */
class CombinedCsvInputFormatTest {
  private static final List<String> HEADER = List.of("id", "note");

  @TempDir
  Path tmp;

  @Test
  void smallFilesShareOneSplitAndEachIsReadAsAlone() throws Exception {
    List<Path> files = new ArrayList<>();
    for (int f = 0; f < 12; f++) {
      files.add(write("part-" + f + ".csv", f * 10, 10));
    }
    Files.writeString(tmp.resolve("bad.csv"), "id,note\n\"open,1\n", StandardCharsets.UTF_8);
    files.add(tmp.resolve("bad.csv"));
    Job job = job();
    List<InputSplit> splits = new Format().getSplits(job);
    assertEquals(1, splits.size(), "13 small files, one split");

    List<String> combined = read(job, splits);
    List<String> alone = new ArrayList<>();
    CsvSplits single = new CsvSplits(job.getConfiguration());
    for (Path file : files) {
      alone.addAll(single.readFully(file));
    }
    combined.sort(null);
    alone.sort(null);
    assertEquals(alone, combined);
    assertTrue(combined.stream().anyMatch(r -> r.contains("MALFORMED")), "the bad file's record is read as bad");
  }

  @Test
  void aBigFileIsReadInChunksWithEveryRecordOnce() throws Exception {
    Path big = write("big.csv", 0, 5000);
    Job job = job();
    FileInputFormat.setMaxInputSplitSize(job, 4096);
    List<InputSplit> splits = new Format().getSplits(job);
    assertTrue(splits.size() > 10, "chunks: " + splits.size());
    List<String> combined = read(job, splits);
    assertEquals(new CsvSplits(job.getConfiguration()).readFully(big), combined);
  }

  @Test
  void theSplitKeepsItsHeaderThroughSerialization() throws Exception {
    write("a.csv", 0, 3);
    CombinedCsvInputFormat.CsvFilesSplit split =
        (CombinedCsvInputFormat.CsvFilesSplit) new Format().getSplits(job()).get(0);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    split.write(new DataOutputStream(bytes));
    CombinedCsvInputFormat.CsvFilesSplit read = new CombinedCsvInputFormat.CsvFilesSplit();
    read.readFields(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
    assertEquals(HEADER, read.header());
    assertEquals(split.getPath(0), read.getPath(0));
    assertEquals(split.getLength(), read.getLength());
  }

  /** The format of a dataset with a known header, as the ingest jobs declare theirs. */
  static final class Format extends CombinedCsvInputFormat {
    @Override
    protected List<String> expectedHeader(Configuration conf) {
      return HEADER;
    }
  }

  private Job job() throws IOException {
    Job job = Job.getInstance(new Configuration());
    FileInputFormat.setInputPaths(job, new org.apache.hadoop.fs.Path(tmp.toUri()));
    return job;
  }

  private List<String> read(Job job, List<InputSplit> splits) throws Exception {
    List<String> records = new ArrayList<>();
    TaskAttemptContextImpl context = new TaskAttemptContextImpl(job.getConfiguration(), new TaskAttemptID());
    for (InputSplit split : splits) {
      try (RecordReader<LongWritable, CsvRecord> reader = new Format().createRecordReader(split, context)) {
        reader.initialize(split, context);
        while (reader.nextKeyValue()) {
          records.add(CsvSplits.describeFully(reader.getCurrentValue()));
        }
      }
    }
    return records;
  }

  private Path write(String name, int firstId, int rows) throws IOException {
    StringBuilder text = new StringBuilder("id,note\n");
    for (int i = firstId; i < firstId + rows; i++) {
      text.append(i).append(",\"note ").append(i).append(i % 7 == 0 ? "\nwith a line break" : "").append("\"\n");
    }
    Path file = tmp.resolve(name);
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }
}
