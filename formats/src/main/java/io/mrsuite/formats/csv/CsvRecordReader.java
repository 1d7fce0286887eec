package io.mrsuite.formats.csv;

import io.mrsuite.formats.text.DecodedFile;
import io.mrsuite.formats.text.TextInputKeys;
import java.io.IOException;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.hadoop.io.compress.SplittableCompressionCodec;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;

/**
 * Reads the CSV records that start in one split, each exactly once across all splits of a file.
 *
 * <p>A record belongs to the split in which it starts ({@link SplitBytes}). The split at offset 0 skips a
 * UTF-8 byte-order mark and the header. Any other split reads the header from the file's start (for the
 * field count), finds a record start before its own start that is sure whatever came before it
 * ({@link SplitStartSearch}), and parses from there with the true quote state, passing over the records of
 * the split before. So a split never starts on a guess: quoted fields longer than any window and records over
 * the size limit near a boundary are read exactly as an unsplit read reads them.
 *
 * <p>A compressed file that ends early or is corrupt gives the records that end before the break and then one
 * {@link CsvRecord.Kind#TRUNCATED} record for the rest, from the start of the record it broke off in
 * ({@link DecodedFile} tells such a break from an I/O failure, which fails the task).
 */
public class CsvRecordReader extends RecordReader<LongWritable, CsvRecord> {
  private static final byte[] BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private final List<String> expectedHeader;
  private final LongWritable key = new LongWritable();
  private final CsvRecord value = new CsvRecord();
  private String file;
  private int maxRecordBytes;
  private CsvHeader header;
  private SplitBytes bytes;
  private CsvParser parser;
  /** The data broke off inside the header: {@link #value} holds the record that stands for the file. */
  private boolean headerBrokeOff;
  private boolean done;

  /** A reader that takes the expected header from {@link CsvInputKeys#EXPECTED_HEADER}. */
  public CsvRecordReader() {
    this(null);
  }

  /** @param expectedHeader the header every file must have; empty accepts any, null reads the configuration */
  public CsvRecordReader(List<String> expectedHeader) {
    this.expectedHeader = expectedHeader;
  }

  @Override
  public void initialize(InputSplit genericSplit, TaskAttemptContext context) throws IOException {
    FileSplit split = (FileSplit) genericSplit;
    Configuration conf = context.getConfiguration();
    Path path = split.getPath();
    file = path.toString();
    long start = split.getStart();
    long end = start + split.getLength();
    maxRecordBytes = TextInputKeys.maxRecordBytes(conf);
    int windowBytes = CsvInputKeys.speculationWindowBytes(conf);
    header = new CsvHeader(expectedHeader != null ? expectedHeader : CsvInputKeys.expectedHeader(conf));
    long length = path.getFileSystem(conf).getFileStatus(path).getLen();
    CompressionCodec codec = new CompressionCodecFactory(conf).getCodec(path);
    boolean byBlock = codec instanceof SplittableCompressionCodec && (start > 0 || end < length);
    if (codec != null && !byBlock && start != 0) {
      throw new IOException(file + ": a compressed CSV file cannot be split (split at " + start + ")");
    }
    bytes = byBlock
        ? new Bzip2SplitBytes(conf, path, length, start, end)
        : new FileSplitBytes(DecodedFile.open(conf, path, length), codec == null, start, end, length);
    try {
      if (start == 0) {
        parser = afterHeader(bytes.fromFileStart(), 1);
      } else {
        // For the field count only: if the data breaks off inside the header, the first split reports it.
        header.read(new CsvParser(skipByteOrderMark(bytes.fromFileStart()), file, maxRecordBytes, false, 0),
            new CsvRecord());
        parser = fromSureStart(windowBytes);
      }
    } catch (IOException | RuntimeException e) {
      close();
      throw e;
    }
  }

  /**
   * A parser at a sure record start at or before the split's start, or after the header when the search
   * reaches the file's start. Line numbers are unknown (0) there.
   */
  private CsvParser fromSureStart(int windowBytes) throws IOException {
    int maxWindowBytes = (int) Math.min(Integer.MAX_VALUE - 8, 2L * (maxRecordBytes + (long) windowBytes));
    SplitStartSearch search = new SplitStartSearch(new QuoteStateSpeculator(maxRecordBytes), windowBytes,
        maxWindowBytes);
    ByteCursor cursor = search.sureStartBefore(bytes);
    if (cursor == null) {
      return afterHeader(bytes.fromFileStart(), 0);
    }
    CsvParser sure = new CsvParser(cursor, file, maxRecordBytes, false, 0);
    sure.expectFields(header.fieldCount());
    return sure;
  }

  /**
   * Reads the byte-order mark and the header from the file's start; returns a parser positioned at the
   * first record.
   *
   * @param firstLineNumber 1 to number lines, 0 when the records read are not numbered
   */
  private CsvParser afterHeader(ByteCursor cursor, long firstLineNumber) throws IOException {
    CsvParser headerParser = new CsvParser(skipByteOrderMark(cursor), file, maxRecordBytes, false, firstLineNumber);
    headerBrokeOff = header.read(headerParser, value);
    return headerParser;
  }

  /** Passes over a UTF-8 byte-order mark at the cursor, the file's start. */
  private static ByteCursor skipByteOrderMark(ByteCursor cursor) throws IOException {
    byte[] head = new byte[BYTE_ORDER_MARK.length];
    int n = 0;
    int b;
    while (n < head.length && (b = cursor.read()) >= 0) {
      head[n++] = (byte) b;
    }
    if (n < head.length || head[0] != BYTE_ORDER_MARK[0] || head[1] != BYTE_ORDER_MARK[1]
        || head[2] != BYTE_ORDER_MARK[2]) {
      cursor.unread(head, 0, n);
    }
    return cursor;
  }

  @Override
  public boolean nextKeyValue() throws IOException {
    if (done) {
      return false;
    }
    while (true) {
      if (headerBrokeOff) {
        headerBrokeOff = false;
      } else if (bytes.isPastEnd(parser.position()) || !parser.next(value)) {
        done = true;
        return false;
      }
      if (!bytes.owns(value.offset())) {
        continue;
      }
      header.mark(value);
      value.relocate(bytes.fileOffset(value.offset()));
      key.set(value.offset());
      return true;
    }
  }

  @Override
  public LongWritable getCurrentKey() {
    return key;
  }

  @Override
  public CsvRecord getCurrentValue() {
    return value;
  }

  @Override
  public float getProgress() {
    if (done) {
      return 1f;
    }
    return parser == null || bytes == null ? 0f : bytes.progress(parser.position());
  }

  @Override
  public void close() throws IOException {
    if (bytes != null) {
      try {
        bytes.close();
      } finally {
        bytes = null;
      }
    }
  }
}
