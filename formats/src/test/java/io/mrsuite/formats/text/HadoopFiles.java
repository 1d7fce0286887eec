package io.mrsuite.formats.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.BZip2Codec;
import org.apache.hadoop.io.compress.CompressionOutputStream;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.TaskAttemptID;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;
import org.apache.hadoop.mapreduce.task.TaskAttemptContextImpl;

/** Local-filesystem helpers for the reader and input format tests. */
final class HadoopFiles {
  private HadoopFiles() {
  }

  static Configuration conf() {
    Configuration conf = new Configuration();
    conf.set("fs.defaultFS", "file:///");
    return conf;
  }

  static TaskAttemptContext context(Configuration conf) {
    return new TaskAttemptContextImpl(conf, new TaskAttemptID());
  }

  static Path hadoopPath(java.nio.file.Path file) {
    return new Path(file.toUri());
  }

  static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    }
    return out.toByteArray();
  }

  static byte[] bzip2(byte[] data) throws IOException {
    BZip2Codec codec = new BZip2Codec();
    codec.setConf(conf());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (CompressionOutputStream bz = codec.createOutputStream(out)) {
      bz.write(data);
    }
    return out.toByteArray();
  }

  /** Bit positions of a 48-bit bzip2 marker (block start 0x314159265359, end of stream 0x177245385090). */
  static List<Long> bitPositions(byte[] data, long marker) {
    List<Long> found = new ArrayList<>();
    long window = 0;
    long mask = (1L << 48) - 1;
    for (long bit = 0; bit < data.length * 8L; bit++) {
      window = ((window << 1) | ((data[(int) (bit >>> 3)] >> (7 - (bit & 7))) & 1)) & mask;
      if (bit >= 47 && window == marker) {
        found.add(bit - 47);
      }
    }
    return found;
  }

  /** JSON lines with random hex, so they compress poorly and a cut lands mid-file. */
  static byte[] randomLines(long seed, int minBytes) {
    Random random = new Random(seed);
    StringBuilder text = new StringBuilder();
    for (int i = 0; text.length() < minBytes; i++) {
      text.append("{\"i\":").append(i).append(",\"r\":\"").append(Long.toHexString(random.nextLong()))
          .append(Long.toHexString(random.nextLong())).append("\",\"é\":\"ü😀\"}\n");
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The lines of {@code data} as the reader must give them (LF only, no BOM, all valid). */
  static List<ScannedLine> expectedLines(String file, byte[] data) {
    List<ScannedLine> lines = new ArrayList<>();
    int start = 0;
    long number = 0;
    for (int i = 0; i < data.length; i++) {
      if (data[i] == '\n') {
        lines.add(ScannedLine.line(file, ++number, start, new String(data, start, i - start, StandardCharsets.UTF_8)));
        start = i + 1;
      }
    }
    if (start < data.length) {
      lines.add(ScannedLine.line(file, ++number, start, new String(data, start, data.length - start,
          StandardCharsets.UTF_8)));
    }
    return lines;
  }

  /**
   * Reads one whole file with {@link FileLineRecordReader}, checking the key of every record and that progress is
   * 0 before the first record, within 0..1 while reading and 1 at the end.
   */
  static List<ScannedLine> readFile(java.nio.file.Path file, Configuration conf) throws IOException,
      InterruptedException {
    FileLineRecordReader reader = new FileLineRecordReader();
    try {
      reader.initialize(new FileSplit(hadoopPath(file), 0, Files.size(file), null), context(conf));
      return readAll(reader);
    } finally {
      reader.close();
    }
  }

  static List<ScannedLine> readAll(RecordReader<org.apache.hadoop.io.LongWritable, RawLine> reader)
      throws IOException, InterruptedException {
    assertEquals(0f, reader.getProgress());
    List<ScannedLine> lines = new ArrayList<>();
    float progress = 0f;
    while (reader.nextKeyValue()) {
      RawLine value = reader.getCurrentValue();
      assertEquals(value.offset(), reader.getCurrentKey().get(), "key is the line's offset");
      lines.add(ScannedLine.of(value));
      float now = reader.getProgress();
      assertTrue(now >= progress && now <= 1f, "progress " + now + " after " + progress);
      progress = now;
    }
    assertEquals(1f, reader.getProgress());
    assertFalse(reader.nextKeyValue());
    return lines;
  }
}
