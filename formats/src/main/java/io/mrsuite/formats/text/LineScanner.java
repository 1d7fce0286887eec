package io.mrsuite.formats.text;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Cuts a decompressed byte stream into lines without ever dropping one silently.
 *
 * <p>Hadoop's {@code LineReader}, by contrast, skips over-long lines with only a log message.
 *
 * <ul>
 *   <li>A line ends at {@code \n}; a {@code \r} right before it belongs to the terminator. The last line
 *       needs no terminator. A UTF-8 byte-order mark at the very start of the stream is not part of the
 *       first line (whose offset is then 3).</li>
 *   <li>A line longer than {@code maxLineBytes} (terminator excluded) comes back as
 *       {@link RawLine.Kind#TOO_LARGE} holding a prefix; memory stays bounded by the limit.</li>
 *   <li>Every byte is checked for well-formed UTF-8 as it passes, so even an over-long line reports
 *       its first bad byte.</li>
 *   <li>When the stream fails with an error that {@link StreamBreaks} classifies as a break (a truncated
 *       or corrupt compressed file), the line being read and the unread rest of the stream come back as
 *       one {@link RawLine.Kind#TRUNCATED} line and the scanner ends; other errors propagate.</li>
 * </ul>
 */
public final class LineScanner {
  private static final int READ_BUFFER_BYTES = 64 * 1024;
  private static final byte[] BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private final InputStream in;
  private final String sourceFile;
  private final int maxLineBytes;
  private final StreamBreaks breaks;
  private final Utf8Validator utf8 = new Utf8Validator();
  private final byte[] readBuffer = new byte[READ_BUFFER_BYTES];
  private int readPos;
  private int readLimit;

  private byte[] lineBuffer = new byte[1024];
  private long position;
  private long lineNumber;
  private boolean finished;

  /**
   * @param in the decompressed stream, read from its start
   * @param sourceFile the file name reported with every line
   * @param maxLineBytes the longest line accepted whole, terminator excluded
   * @param breaks decides which read errors mean "the file ends early here"
   */
  public LineScanner(InputStream in, String sourceFile, int maxLineBytes, StreamBreaks breaks) {
    if (maxLineBytes < 1 || maxLineBytes == Integer.MAX_VALUE) {
      throw new IllegalArgumentException("maxLineBytes must be in 1.." + (Integer.MAX_VALUE - 1) + ": " + maxLineBytes);
    }
    this.in = in;
    this.sourceFile = sourceFile;
    this.maxLineBytes = maxLineBytes;
    this.breaks = breaks;
  }

  /** Bytes of the decompressed stream consumed so far. */
  public long position() {
    return position;
  }

  /**
   * Reads the next line into {@code line}.
   *
   * @return false at the end of the stream (and after a TRUNCATED line)
   */
  public boolean next(RawLine line) throws IOException {
    if (finished) {
      return false;
    }
    long lineStart = position;
    long lineBytes = 0;
    int held = 0;
    long firstInvalid = -1;
    byte last = 0;
    boolean checkBom = position == 0;
    utf8.reset();
    while (true) {
      if (readPos == readLimit) {
        int n;
        try {
          n = in.read(readBuffer);
        } catch (IOException e) {
          if (!breaks.isBreak(e)) {
            throw new IOException(sourceFile + ": read failed at decompressed offset " + position + ": " + e, e);
          }
          finished = true;
          line.set(sourceFile, lineNumber + 1, lineStart, lineBuffer, held, lineBytes,
              firstInvalid, RawLine.Kind.TRUNCATED, String.valueOf(e.getMessage()));
          return true;
        }
        if (n < 0) {
          finished = true;
          if (lineBytes == 0) {
            return false;
          }
          lineNumber++;
          emit(line, lineStart, lineBytes, held, firstInvalid, last, false);
          return true;
        }
        readPos = 0;
        readLimit = n;
      }
      while (readPos < readLimit) {
        if (!checkBom && (firstInvalid >= 0 || utf8.atBoundary())) {
          // A run of ASCII bytes other than '\n' needs no UTF-8 check: scan it in a tight loop, copy it at once.
          int runEnd = asciiRunEnd(readPos);
          if (runEnd > readPos) {
            int run = runEnd - readPos;
            int kept = (int) Math.max(0, Math.min(run, (long) maxLineBytes + 1 - held));
            if (kept > 0) {
              ensureCapacity(held + kept);
              System.arraycopy(readBuffer, readPos, lineBuffer, held, kept);
              held += kept;
            }
            lineBytes += run;
            position += run;
            last = readBuffer[runEnd - 1];
            readPos = runEnd;
            continue;
          }
        }
        byte b = readBuffer[readPos++];
        position++;
        if (b == '\n') {
          lineNumber++;
          emit(line, lineStart, lineBytes, held, firstInvalid, last, true);
          return true;
        }
        if (firstInvalid < 0 && !utf8.accept(b)) {
          firstInvalid = lineBytes;
        }
        if (held <= maxLineBytes) {
          ensureCapacity(held + 1);
          lineBuffer[held++] = b;
        }
        lineBytes++;
        last = b;
        if (checkBom) {
          // Compared as the bytes pass: with a limit under 3 bytes the line buffer does not hold them all.
          if (b != BYTE_ORDER_MARK[(int) lineBytes - 1]) {
            checkBom = false;
          } else if (lineBytes == BYTE_ORDER_MARK.length) {
            checkBom = false;
            lineStart = position;
            lineBytes = 0;
            held = 0;
            utf8.reset();
          }
        }
      }
    }
  }

  private int asciiRunEnd(int from) {
    int end = from;
    while (end < readLimit) {
      byte b = readBuffer[end];
      if (b == '\n' || b < 0) {
        break;
      }
      end++;
    }
    return end;
  }

  private void emit(RawLine line, long lineStart, long lineBytes, int held, long firstInvalid, byte last,
      boolean terminated) {
    long contentBytes = terminated && last == '\r' ? lineBytes - 1 : lineBytes;
    if (firstInvalid < 0 && !utf8.atBoundary()) {
      // A multi-byte sequence cut short by the end of the line.
      firstInvalid = contentBytes;
    }
    int contentHeld = (int) Math.min(held, contentBytes);
    RawLine.Kind kind = contentBytes > maxLineBytes ? RawLine.Kind.TOO_LARGE : RawLine.Kind.LINE;
    line.set(sourceFile, lineNumber, lineStart, lineBuffer, contentHeld, contentBytes, firstInvalid, kind, "");
  }

  private void ensureCapacity(int needed) {
    if (needed > lineBuffer.length) {
      int grown = (int) Math.min((long) maxLineBytes + 1, Math.max(needed, 2L * lineBuffer.length));
      lineBuffer = Arrays.copyOf(lineBuffer, grown);
    }
  }
}
