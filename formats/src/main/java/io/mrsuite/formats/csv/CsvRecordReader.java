package io.mrsuite.formats.csv;

import io.mrsuite.formats.text.TextInputKeys;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.compress.CodecPool;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.hadoop.io.compress.Decompressor;
import org.apache.hadoop.io.compress.SplitCompressionInputStream;
import org.apache.hadoop.io.compress.SplittableCompressionCodec;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;

/**
 * Reads the CSV records that start in one split, each exactly once across all splits of a file.
 *
 * <p>The split at offset 0 skips a UTF-8 byte-order mark and the header. Any other split reads the header
 * from the file's start (for the field count) and begins at the record start {@link QuoteStateSpeculator}
 * guesses from the bytes after the split start. Every split reads the records that start before its end,
 * the last one past the end as needed, and then proves its successor's guess: it computes the same guess
 * for its end and reads on, with the true quote state, up to it. If the guess is not a record start (it
 * lies before the split's next record, or inside one), the successor would read a record from its middle:
 * the task fails with {@link CsvSplitBoundaryException}. By induction from the first split, whose start is
 * certain, a job whose tasks all succeed has read every record exactly once.
 */
public class CsvRecordReader extends RecordReader<LongWritable, CsvRecord> {
  private static final byte[] BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private final List<String> expectedHeader;
  private final LongWritable key = new LongWritable();
  private final CsvRecord value = new CsvRecord();
  private String file;
  private FSDataInputStream fileIn;
  private InputStream in;
  private Decompressor decompressor;
  private CsvParser parser;
  private QuoteStateSpeculator speculator;
  private String headerProblem;
  private int expectedFields;
  /** The start of the last record read, -1 before the first. */
  private long lastRecordStart = -1;
  private long start;
  private long end;
  private long fileLength;
  private long limit = Long.MAX_VALUE;
  private NextSplit nextSplit;
  private long offsetBase;
  private boolean boundaryProven;
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
    FileSystem fs = path.getFileSystem(conf);
    start = split.getStart();
    end = start + split.getLength();
    int maxRecordBytes = TextInputKeys.maxRecordBytes(conf);
    List<String> header = expectedHeader != null ? expectedHeader : CsvInputKeys.expectedHeader(conf);
    fileIn = fs.open(path);
    try {
      fileLength = fs.getFileStatus(path).getLen();
      CompressionCodec codec = new CompressionCodecFactory(conf).getCodec(path);
      if (codec instanceof SplittableCompressionCodec splittable && (start > 0 || end < fileLength)) {
        initializeBzip2Split(splittable, fs, path, maxRecordBytes, header, CsvInputKeys.speculationWindowBytes(conf));
        return;
      }
      if (codec != null) {
        if (start != 0) {
          throw new IOException(file + ": a compressed CSV file cannot be split (split at " + start + ")");
        }
        decompressor = CodecPool.getDecompressor(codec);
        in = codec.createInputStream(fileIn, decompressor);
        parser = readHeader(new ByteCursor(in, 0), maxRecordBytes, header);
        return;
      }
      in = fileIn;
      if (start == 0) {
        parser = readHeader(new ByteCursor(fileIn, 0), maxRecordBytes, header);
      } else {
        try (InputStream headerIn = fs.open(path)) {
          readHeader(new ByteCursor(headerIn, 0), maxRecordBytes, header);
        }
      }
      speculator = new QuoteStateSpeculator(QuoteStateSpeculator.of(fileIn, fileLength), maxRecordBytes,
          CsvInputKeys.speculationWindowBytes(conf), expectedFields);
      if (start > 0) {
        long first = speculator.firstRecordStart(start);
        fileIn.seek(first);
        parser = new CsvParser(new ByteCursor(fileIn, first), file, maxRecordBytes, false, 0);
        parser.expectFields(expectedFields);
      }
      if (end < fileLength) {
        QuoteStateSpeculator atEnd = speculator;
        nextSplit = new NextSplit() {
          @Override
          public long start() {
            return end;
          }

          @Override
          public long guess() throws IOException {
            return atEnd.firstRecordStart(end);
          }
        };
      }
    } catch (IOException | RuntimeException e) {
      close();
      throw e;
    }
  }

  /**
   * A split of a bzip2 file (Hadoop's codec reads it block by block, from the first block that starts in
   * the split). Positions are decompressed bytes since that block, so a record's offset here is that
   * block's compressed position times 2^32 plus them: ordered within the file, exact for the first split.
   * The previous byte of a block is unknown to the split that starts there, so both sides guess without it.
   */
  private void initializeBzip2Split(SplittableCompressionCodec codec, FileSystem fs, Path path, int maxRecordBytes,
      List<String> header, int windowBytes) throws IOException {
    decompressor = CodecPool.getDecompressor(codec);
    SplitCompressionInputStream stream = codec.createInputStream(fileIn, decompressor, start, end,
        SplittableCompressionCodec.READ_MODE.BYBLOCK);
    in = stream;
    Bzip2SplitBoundary boundary = new Bzip2SplitBoundary(stream, end, 4 * (maxRecordBytes + windowBytes));
    ByteCursor cursor = new ByteCursor(stream, 0, boundary);
    if (start == 0) {
      parser = readHeader(cursor, maxRecordBytes, header);
    } else {
      try (InputStream headerIn = ((CompressionCodec) codec).createInputStream(fs.open(path))) {
        readHeader(new ByteCursor(headerIn, 0), maxRecordBytes, header);
      }
      long first = new QuoteStateSpeculator(aheadOf(cursor), maxRecordBytes, windowBytes, expectedFields)
          .firstRecordStart(0);
      if (cursor.peek(1).length > 0) {
        offsetBase = stream.getPos() << 32;
      }
      // The bytes before the guessed record start end a record of the previous split.
      cursor.skip(first);
      parser = new CsvParser(cursor, file, maxRecordBytes, false, 0);
      parser.expectFields(expectedFields);
    }
    QuoteStateSpeculator atBoundary = new QuoteStateSpeculator(recordedAfter(boundary, cursor), maxRecordBytes,
        windowBytes, expectedFields);
    nextSplit = new NextSplit() {
      @Override
      public long start() throws IOException {
        if (boundary.position() < 0) {
          // Reading one byte ahead tells whether the next byte opens the next split's first block.
          cursor.peek(1);
        }
        return boundary.position();
      }

      @Override
      public long guess() throws IOException {
        return atBoundary.firstRecordStart(boundary.position());
      }
    };
  }

  /** The bytes ahead of a cursor that has not moved yet, as a speculator reads them. */
  private static QuoteStateSpeculator.Bytes aheadOf(ByteCursor cursor) {
    return new QuoteStateSpeculator.Bytes() {
      @Override
      public byte[] read(long position, int length) throws IOException {
        return cursor.peek(length);
      }

      @Override
      public int before(long position) {
        return -1;
      }
    };
  }

  /** The bytes from the next split's start on, as this split has read them (reading ahead for more). */
  private static QuoteStateSpeculator.Bytes recordedAfter(Bzip2SplitBoundary boundary, ByteCursor cursor) {
    return new QuoteStateSpeculator.Bytes() {
      @Override
      public byte[] read(long position, int length) throws IOException {
        // The cursor is at or past the boundary, so reading `length` ahead of it records at least that much.
        cursor.peek(length);
        byte[] recorded = boundary.recorded();
        return Arrays.copyOf(recorded, Math.min(length, recorded.length));
      }

      @Override
      public int before(long position) {
        return -1;
      }
    };
  }

  /** Where the next split of the file starts reading, and the record start it will guess there. */
  private interface NextSplit {
    /** The next split's start in this reader's positions; -1 while not known yet. */
    long start() throws IOException;

    long guess() throws IOException;
  }

  /**
   * Reads the byte-order mark and the header from the file's start; returns a parser positioned at the
   * first record, with exact line numbers.
   */
  private CsvParser readHeader(ByteCursor cursor, int maxRecordBytes, List<String> expectedHeader)
      throws IOException {
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
    CsvParser headerParser = new CsvParser(cursor, file, maxRecordBytes, false, 1);
    CsvRecord header = new CsvRecord();
    if (!headerParser.next(header)) {
      return headerParser;
    }
    if (header.kind() != CsvRecord.Kind.RECORD) {
      headerProblem = "the file's header line is " + header.kind() + " (" + header.detail() + ")";
    } else if (!expectedHeader.isEmpty() && !expectedHeader.equals(header.fields())) {
      headerProblem = "the file's header is " + header.fields() + ", expected " + expectedHeader;
    } else {
      expectedFields = header.fields().size();
      headerParser.expectFields(expectedFields);
    }
    return headerParser;
  }

  @Override
  public boolean nextKeyValue() throws IOException {
    if (done) {
      return false;
    }
    while (true) {
      long position = parser.position();
      if (!boundaryProven && nextSplit != null) {
        long boundary = nextSplit.start();
        if (boundary >= 0 && position >= boundary) {
          long guessed = nextSplit.guess();
          if (guessed < position) {
            throw new CsvSplitBoundaryException(file, boundary, guessed, lastRecordStart, position);
          }
          limit = guessed;
          boundaryProven = true;
          continue;
        }
      } else if (position >= limit) {
        done = true;
        return false;
      }
      if (!parser.next(value)) {
        done = true;
        return false;
      }
      if (boundaryProven && parser.position() > limit) {
        throw new CsvSplitBoundaryException(file, nextSplit.start(), limit, value.offset(), parser.position());
      }
      if (headerProblem != null && value.kind() != CsvRecord.Kind.EMPTY) {
        // Every record of a file with a bad header is malformed, for that reason first.
        String detail = value.kind() == CsvRecord.Kind.RECORD ? headerProblem : headerProblem + "; " + value.detail();
        value.set(value.sourceFile(), value.offset(), value.lineNumber(), List.of(), CsvRecord.Kind.MALFORMED,
            detail, value.raw(), value.raw().length, value.rawLength());
      }
      lastRecordStart = value.offset();
      value.shift(offsetBase);
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
    long length = in == fileIn ? end - start : fileLength;
    if (parser == null || length <= 0) {
      return 0f;
    }
    long read = in == fileIn ? parser.position() - start : 0;
    return Math.max(0f, Math.min(1f, read / (float) length));
  }

  @Override
  public void close() throws IOException {
    try {
      if (in != null) {
        in.close();
      } else if (fileIn != null) {
        fileIn.close();
      }
    } finally {
      if (decompressor != null) {
        CodecPool.returnDecompressor(decompressor);
        decompressor = null;
      }
      in = null;
      fileIn = null;
    }
  }
}
