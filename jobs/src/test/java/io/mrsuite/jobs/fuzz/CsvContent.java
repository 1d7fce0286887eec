package io.mrsuite.jobs.fuzz;

import io.mrsuite.formats.avro.Order;
import io.mrsuite.formats.avro.OrderLine;
import io.mrsuite.formats.avro.Product;
import io.mrsuite.formats.quarantine.QuarantineReason;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Lays out the records of one CSV file: valid rows, with the bad records of the file's corruption among them,
 * in one exporter's style (byte-order mark or not, quotes everywhere or where needed, LF or CRLF, final line
 * break or not).
 */
final class CsvContent {
  /** Over the size limit a CSV record is MALFORMED_CSV today; issue #13 item 3 may make it RECORD_TOO_LARGE. */
  static final Set<QuarantineReason> TOO_LARGE = Set.of(QuarantineReason.MALFORMED_CSV,
      QuarantineReason.RECORD_TOO_LARGE);
  private static final Expectation.Quarantined MALFORMED = Expectation.quarantined(QuarantineReason.MALFORMED_CSV);

  private final SplittableRandom random;
  private final CsvRows rows;
  private final OrderBook orders;
  private final Keys keys;

  CsvContent(SplittableRandom random, CsvRows rows, OrderBook orders, Keys keys) {
    this.random = random;
    this.rows = rows;
    this.orders = orders;
    this.keys = keys;
  }

  RawContent build(RawDataset dataset, Corruption corruption, boolean manyBlocks) {
    // Where a quote opens and never closes, no other quote may follow in the file.
    boolean plain = corruption == Corruption.UNBALANCED_QUOTE;
    CsvRecordWriter writer = new CsvRecordWriter(!plain && random.nextInt(3) == 0, random.nextInt(3) == 0);
    List<Entry> entries = new ArrayList<>();
    int count = manyBlocks ? Integer.MAX_VALUE : 1 + random.nextInt(dataset == RawDataset.FX_RATES ? 4 : 6);
    int bytes = 0;
    for (int i = 0; i < count && (!manyBlocks || bytes < EventContent.MULTI_BLOCK_BYTES); i++) {
      CsvRows.Row row = row(dataset, plain);
      if (row == null) {
        break;
      }
      Entry entry = written(writer, row);
      bytes += entry.content().length;
      entries.add(entry);
    }
    plant(dataset, corruption, writer, entries);
    RawContent content = new RawContent();
    if (random.nextInt(8) == 0) {
      content.byteOrderMark();
    }
    content.header(writer.header(corruption == Corruption.BAD_HEADER ? badHeader(dataset.header())
        : dataset.header()));
    boolean nulTail = corruption == Corruption.NUL_BYTES;
    boolean finalLineBreak = nulTail || random.nextInt(5) != 0;
    byte[] terminator = writer.terminator();
    for (int i = 0; i < entries.size(); i++) {
      if (i > 0 && random.nextInt(10) == 0) {
        content.record(Entry.skipped(), terminator);
      }
      Entry entry = entries.get(i);
      if (corruption == Corruption.BAD_HEADER && !(entry.expectation() instanceof Expectation.Skipped)) {
        entry = new Entry(entry.content(), MALFORMED, entry.key(), entry.malformedIfCutBefore());
      }
      content.record(entry, entry.endsLine(i == entries.size() - 1, finalLineBreak) ? terminator : new byte[0]);
    }
    if (nulTail) {
      content.record(Entry.quarantined(BadBytes.repeat((byte) 0, 1 + random.nextInt(4096)), MALFORMED, null),
          new byte[0]);
    }
    return content.laidOut();
  }

  /** A valid row of the dataset, or null when the day has no currency code left for an FX rate. */
  private CsvRows.Row row(RawDataset dataset, boolean plain) {
    switch (dataset) {
      case ORDERS:
        return orders.order(plain);
      case ORDER_LINES:
        return orders.line(plain);
      case PRODUCTS:
        return rows.product(plain);
      default:
        return keys.currenciesLeft(1) ? rows.fxRate() : null;
    }
  }

  private static Entry written(CsvRecordWriter writer, CsvRows.Row row) {
    CsvRecordWriter.Line line = writer.write(row.values());
    // Cut in its first physical line before its last field starts, a record is short of fields or
    // leaves a quote open: malformed either way.
    return new Entry(line.content(), new Expectation.Written(row.expected()), row.key(),
        Math.min(line.firstLineBreak(), line.lastFieldStart() - 1));
  }

  private void plant(RawDataset dataset, Corruption corruption, CsvRecordWriter writer, List<Entry> entries) {
    int count = corruption == Corruption.UNBALANCED_QUOTE ? 1
        : corruption == Corruption.HUGE_RECORD ? 2 : 1 + random.nextInt(3);
    for (int i = 0; i < count; i++) {
      Entry bad;
      switch (corruption) {
        case INVALID_UTF8:
          bad = withBytesInAField(writer, dataset, BadBytes.notUtf8(random), QuarantineReason.INVALID_ENCODING);
          break;
        case NUL_BYTES:
          bad = withNul(writer, dataset);
          break;
        case STRAY_QUOTE:
          bad = strayQuote(writer, dataset);
          break;
        case UNBALANCED_QUOTE:
          bad = unbalancedQuote(writer, dataset);
          break;
        case BLANK_LINES:
          bad = random.nextBoolean() ? Entry.skipped()
              : Entry.quarantined((random.nextBoolean() ? " " : " \t").getBytes(StandardCharsets.US_ASCII), MALFORMED,
                  null);
          break;
        case HUGE_RECORD:
          bad = sized(writer, dataset, i == 0 && dataset != RawDataset.FX_RATES ? EventContent.LIMIT
              : EventContent.LIMIT + 1 + (random.nextBoolean() ? 0 : random.nextInt(65_536)));
          break;
        default:
          return;
      }
      if (bad == null) {
        return;
      }
      entries.add(random.nextInt(entries.size() + 1), bad);
    }
  }

  /** A single-line row, so that a flaw that ends a record at its line's end ends exactly this one. */
  private CsvRows.Row plainRow(RawDataset dataset) {
    return row(dataset, true);
  }

  private Entry withBytesInAField(CsvRecordWriter writer, RawDataset dataset, byte[] bytes, QuarantineReason reason) {
    CsvRows.Row row = plainRow(dataset);
    if (row == null) {
      return null;
    }
    CsvRecordWriter.Line line = writer.write(row.values());
    int column = random.nextInt(row.values().size());
    int at = line.fieldStarts()[column] + (line.quoted()[column] ? 1 : 0);
    return Entry.quarantined(BadBytes.insert(line.content(), at, bytes), Expectation.quarantined(reason), row.key());
  }

  /** A NUL in free text is text (the record is valid); in a currency code it is an invalid value. */
  private Entry withNul(CsvRecordWriter writer, RawDataset dataset) {
    CsvRows.Row row = plainRow(dataset);
    if (row == null) {
      return null;
    }
    if (dataset == RawDataset.FX_RATES) {
      return withBytesInAField(writer, dataset, new byte[] {0}, QuarantineReason.INVALID_VALUE);
    }
    return written(writer, withText(dataset, row, "nul\u0000byte " + random.nextInt(1000)));
  }

  private Entry strayQuote(CsvRecordWriter writer, RawDataset dataset) {
    CsvRows.Row row = plainRow(dataset);
    if (row == null) {
      return null;
    }
    CsvRecordWriter.Line line = writer.write(row.values());
    int column = random.nextInt(row.values().size());
    int start = line.fieldStarts()[column];
    int end = column + 1 < row.values().size() ? line.fieldStarts()[column + 1] - 1 : line.content().length;
    byte[] content;
    if (line.quoted()[column]) {
      // Text after the closing quote.
      content = BadBytes.insert(line.content(), end, new byte[] {'x'});
    } else if (end == start) {
      content = BadBytes.insert(line.content(), start, "x\"".getBytes(StandardCharsets.US_ASCII));
    } else {
      // A quote inside an unquoted field, after its first byte: at its start it would open a quoted field.
      content = BadBytes.insert(line.content(), start + 1 + random.nextInt(end - start), new byte[] {'"'});
    }
    return Entry.quarantined(content, MALFORMED, row.key());
  }

  /** A quote opening a field that nothing closes: the record is its first line, malformed. */
  private Entry unbalancedQuote(CsvRecordWriter writer, RawDataset dataset) {
    CsvRows.Row row = plainRow(dataset);
    if (row == null) {
      return null;
    }
    CsvRecordWriter.Line line = writer.write(row.values());
    int column = random.nextInt(row.values().size());
    return Entry.quarantined(BadBytes.insert(line.content(), line.fieldStarts()[column], new byte[] {'"'}),
        MALFORMED, row.key());
  }

  /** A row padded to exactly {@code length} bytes in a free-text field (FX rates have none: in the currency). */
  private Entry sized(CsvRecordWriter writer, RawDataset dataset, int length) {
    CsvRows.Row row = plainRow(dataset);
    if (row == null) {
      return null;
    }
    int probe = writer.write(withText(dataset, row, "A").values()).content().length;
    CsvRows.Row padded = withText(dataset, row, "A".repeat(length - probe + 1));
    CsvRecordWriter.Line line = writer.write(padded.values());
    if (line.content().length != length) {
      throw new IllegalStateException("padded to " + line.content().length + " bytes, not " + length);
    }
    return length <= EventContent.LIMIT ? written(writer, padded)
        : Entry.quarantined(line.content(), new Expectation.Quarantined(TOO_LARGE), row.key());
  }

  /**
   * The row with its free-text field (an order's notes, a line's product_id, a product's title; an FX rate's
   * currency) set to {@code text}, in its values and in the record it must become.
   */
  private static CsvRows.Row withText(RawDataset dataset, CsvRows.Row row, String text) {
    switch (dataset) {
      case ORDERS:
        ((Order) row.expected()).setNotes(text);
        return new CsvRows.Row(CsvRows.with(row.values(), 10, text), row.expected(), row.key());
      case ORDER_LINES:
        ((OrderLine) row.expected()).setProductId(text);
        return new CsvRows.Row(CsvRows.with(row.values(), 2, text), row.expected(), row.key());
      case PRODUCTS:
        ((Product) row.expected()).setTitle(text);
        return new CsvRows.Row(CsvRows.with(row.values(), 1, text), row.expected(), row.key());
      default:
        return new CsvRows.Row(CsvRows.with(row.values(), 0, text), row.expected(), row.key());
    }
  }

  /** A header an exporter might send instead of the contract's: renamed, upper-case, short or reordered. */
  private List<String> badHeader(List<String> columns) {
    List<String> header = new ArrayList<>(columns);
    int column = random.nextInt(header.size());
    switch (random.nextInt(4)) {
      case 0:
        header.set(column, header.get(column) + "_x");
        break;
      case 1:
        header.set(column, header.get(column).toUpperCase(Locale.ROOT));
        break;
      case 2:
        header.remove(header.size() - 1);
        break;
      default:
        header.add(0, header.remove(header.size() - 1));
    }
    return header;
  }
}
