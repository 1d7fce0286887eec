package io.mrsuite.formats.text;

import static io.mrsuite.formats.text.HadoopFiles.bzip2;
import static io.mrsuite.formats.text.HadoopFiles.conf;
import static io.mrsuite.formats.text.HadoopFiles.context;
import static io.mrsuite.formats.text.HadoopFiles.gzip;
import static io.mrsuite.formats.text.HadoopFiles.hadoopPath;
import static io.mrsuite.formats.text.HadoopFiles.readAll;
import static io.mrsuite.formats.text.HadoopFiles.readFile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.lib.input.CombineFileSplit;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CombinedLineInputFormatTest {
  private static final Comparator<ScannedLine> BY_FILE_AND_LINE =
      Comparator.comparing(ScannedLine::sourceFile).thenComparingLong(ScannedLine::lineNumber);

  @TempDir
  Path dir;

  /** Writes {@code count} small files, a third gzip, a third bzip2; returns their total size on disk. */
  private long writeSmallFiles(int count, List<Path> written) throws Exception {
    Random random = new Random(11);
    long total = 0;
    for (int i = 0; i < count; i++) {
      StringBuilder text = new StringBuilder();
      int lines = 1 + random.nextInt(30);
      for (int l = 0; l < lines; l++) {
        text.append("{\"file\":").append(i).append(",\"line\":").append(l).append(",\"pad\":\"")
            .append("x".repeat(random.nextInt(60))).append("\"}").append(l % 5 == 4 ? "\r\n" : "\n");
      }
      byte[] data = text.toString().getBytes(StandardCharsets.UTF_8);
      Path file;
      switch (i % 3) {
        case 0 -> file = Files.write(dir.resolve(String.format("part-%03d.jsonl", i)), data);
        case 1 -> file = Files.write(dir.resolve(String.format("part-%03d.jsonl.gz", i)), gzip(data));
        default -> file = Files.write(dir.resolve(String.format("part-%03d.jsonl.bz2", i)), bzip2(data));
      }
      written.add(file);
      total += Files.size(file);
    }
    return total;
  }

  private static List<InputSplit> splits(Configuration conf, Path input, long maxSplitSize) throws Exception {
    Job job = Job.getInstance(conf);
    FileInputFormat.addInputPath(job, hadoopPath(input));
    FileInputFormat.setMaxInputSplitSize(job, maxSplitSize);
    return new CombinedLineInputFormat().getSplits(job);
  }

  private static List<ScannedLine> read(Configuration conf, InputSplit split) throws Exception {
    TaskAttemptContext context = context(conf);
    RecordReader<LongWritable, RawLine> reader = new CombinedLineInputFormat().createRecordReader(split, context);
    try {
      reader.initialize(split, context);
      return readAll(reader);
    } finally {
      reader.close();
    }
  }

  /** As many small files as an hour of raw events may bring. */
  private static final int FILES = 2_000;

  @Test
  void manySmallFilesArePackedIntoAboutTotalOverMaxSplitsAndReadExactlyOnce() throws Exception {
    Configuration conf = conf();
    List<Path> files = new ArrayList<>();
    long total = writeSmallFiles(FILES, files);
    long largestFile = 0;
    for (Path file : files) {
      largestFile = Math.max(largestFile, Files.size(file));
    }
    long max = 64 * 1024;

    List<InputSplit> splits = splits(conf, dir, max);

    long expected = total / max;
    assertTrue(splits.size() >= expected && splits.size() <= expected + 2,
        splits.size() + " splits for " + total + " bytes at most " + max + " each");
    Set<String> seen = new HashSet<>();
    long splitBytes = 0;
    for (InputSplit split : splits) {
      CombineFileSplit combined = assertInstanceOf(CombineFileSplit.class, split);
      assertTrue(combined.getLength() <= max + largestFile, "split of " + combined.getLength());
      for (int i = 0; i < combined.getNumPaths(); i++) {
        assertEquals(0, combined.getOffset(i), "whole files only");
        assertTrue(seen.add(combined.getPath(i).toString()), "each file in one split");
      }
      splitBytes += combined.getLength();
    }
    assertEquals(FILES, seen.size());
    assertEquals(total, splitBytes);

    List<ScannedLine> combinedLines = new ArrayList<>();
    for (InputSplit split : splits) {
      combinedLines.addAll(read(conf, split));
    }
    List<ScannedLine> alone = new ArrayList<>();
    for (Path file : files) {
      alone.addAll(readFile(file, conf));
    }
    assertTrue(alone.size() > FILES);
    combinedLines.sort(BY_FILE_AND_LINE);
    alone.sort(BY_FILE_AND_LINE);
    assertEquals(alone, combinedLines);
  }

  @Test
  void hiddenFilesAreNotRead() throws Exception {
    Configuration conf = conf();
    Files.writeString(dir.resolve("visible.jsonl"), "{\"v\":1}\n");
    Files.writeString(dir.resolve("_SUCCESS"), "");
    Files.writeString(dir.resolve("_hidden.jsonl"), "{\"h\":1}\n");
    Files.writeString(dir.resolve(".hidden.jsonl"), "{\"h\":2}\n");
    Files.write(dir.resolve("_hidden.jsonl.gz"), gzip("{\"h\":3}\n".getBytes(StandardCharsets.UTF_8)));

    List<InputSplit> splits = splits(conf, dir, 1024);
    assertEquals(1, splits.size());
    CombineFileSplit split = (CombineFileSplit) splits.get(0);
    assertEquals(1, split.getNumPaths());
    String visible = hadoopPath(dir.resolve("visible.jsonl")).toString();
    assertEquals(visible, split.getPath(0).toString());
    assertEquals(List.of(ScannedLine.line(visible, 1, 0, "{\"v\":1}")), read(conf, split));
  }

  @Test
  void largeFileIsNeverSplit() throws Exception {
    Configuration conf = conf();
    byte[] data = HadoopFiles.randomLines(5, 300_000);
    Path file = Files.write(dir.resolve("big.jsonl"), data);
    List<InputSplit> splits = splits(conf, dir, 10_000);
    assertEquals(1, splits.size());
    assertEquals(data.length, splits.get(0).getLength());
    assertEquals(HadoopFiles.expectedLines(hadoopPath(file).toString(), data), read(conf, splits.get(0)));
  }

  @Test
  void wholeFileFormatGivesOneSplitPerFileFromOffsetZero() throws Exception {
    Configuration conf = conf();
    byte[] data = HadoopFiles.randomLines(6, 100_000);
    Files.write(dir.resolve("a.jsonl"), data);
    Files.write(dir.resolve("b.jsonl.gz"), gzip(data));
    Files.writeString(dir.resolve("_SUCCESS"), "");
    Job job = Job.getInstance(conf);
    FileInputFormat.addInputPath(job, hadoopPath(dir));
    FileInputFormat.setMaxInputSplitSize(job, 1000);
    List<InputSplit> splits = new WholeFileLineInputFormat().getSplits(job);
    assertEquals(2, splits.size());
    splits.sort(Comparator.comparing(s -> ((FileSplit) s).getPath().getName()));
    FileSplit first = (FileSplit) splits.get(0);
    assertEquals("a.jsonl", first.getPath().getName());
    assertEquals(0, first.getStart());
    assertEquals(data.length, first.getLength());
    FileSplit second = (FileSplit) splits.get(1);
    assertEquals("b.jsonl.gz", second.getPath().getName());
    assertEquals(0, second.getStart());

    TaskAttemptContext context = context(conf);
    for (InputSplit split : splits) {
      RecordReader<LongWritable, RawLine> reader = new WholeFileLineInputFormat().createRecordReader(split, context);
      reader.initialize(split, context);
      assertEquals(HadoopFiles.expectedLines(((FileSplit) split).getPath().toString(), data), readAll(reader));
      reader.close();
    }
  }
}
