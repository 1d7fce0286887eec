package io.mrsuite.jobs.fuzz;

import static io.mrsuite.formats.quarantine.QuarantineReason.DUPLICATE_KEY;
import static io.mrsuite.formats.quarantine.QuarantineReason.FUTURE;
import static io.mrsuite.formats.quarantine.QuarantineReason.INCONSISTENT_TOTAL;
import static io.mrsuite.formats.quarantine.QuarantineReason.INVALID_ENCODING;
import static io.mrsuite.formats.quarantine.QuarantineReason.INVALID_VALUE;
import static io.mrsuite.formats.quarantine.QuarantineReason.LATE;
import static io.mrsuite.formats.quarantine.QuarantineReason.MALFORMED_CSV;
import static io.mrsuite.formats.quarantine.QuarantineReason.MALFORMED_JSON;
import static io.mrsuite.formats.quarantine.QuarantineReason.MISSING_FIELD;
import static io.mrsuite.formats.quarantine.QuarantineReason.ORPHAN_LINE;
import static io.mrsuite.formats.quarantine.QuarantineReason.RECORD_TOO_LARGE;
import static io.mrsuite.formats.quarantine.QuarantineReason.TRUNCATED_INPUT;

import io.mrsuite.formats.commerce.CommerceColumns;
import io.mrsuite.formats.quarantine.QuarantineReason;
import io.mrsuite.jobs.warehouse.Dataset;
import java.util.List;
import java.util.Set;

/**
 * The five raw datasets of contract section 1, with what the generator needs of each and the quarantine
 * reasons their records may get (sections 2 and 3; RECORD_TOO_LARGE for CSV per issue #13 item 3).
 */
enum RawDataset {
  EVENTS(Dataset.RAW_EVENTS, "jsonl", List.of(), Set.of(INVALID_ENCODING, RECORD_TOO_LARGE, MALFORMED_JSON,
      MISSING_FIELD, INVALID_VALUE, LATE, FUTURE, TRUNCATED_INPUT)),
  ORDERS(Dataset.RAW_ORDERS, "csv", CommerceColumns.ORDERS, Set.of(MALFORMED_CSV, INVALID_ENCODING,
      RECORD_TOO_LARGE, MISSING_FIELD, INVALID_VALUE, INCONSISTENT_TOTAL, DUPLICATE_KEY, TRUNCATED_INPUT)),
  ORDER_LINES(Dataset.RAW_ORDER_LINES, "csv", CommerceColumns.ORDER_LINES, Set.of(MALFORMED_CSV,
      INVALID_ENCODING, RECORD_TOO_LARGE, MISSING_FIELD, INVALID_VALUE, DUPLICATE_KEY, ORPHAN_LINE,
      TRUNCATED_INPUT)),
  PRODUCTS(Dataset.RAW_PRODUCTS, "csv", CommerceColumns.PRODUCTS, Set.of(MALFORMED_CSV, INVALID_ENCODING,
      RECORD_TOO_LARGE, MISSING_FIELD, INVALID_VALUE, DUPLICATE_KEY, TRUNCATED_INPUT)),
  FX_RATES(Dataset.RAW_FX_RATES, "csv", CommerceColumns.FX_RATES, Set.of(MALFORMED_CSV, INVALID_ENCODING,
      RECORD_TOO_LARGE, MISSING_FIELD, INVALID_VALUE, DUPLICATE_KEY, TRUNCATED_INPUT));

  private final Dataset dataset;
  private final String extension;
  private final List<String> header;
  private final Set<QuarantineReason> reasons;

  RawDataset(Dataset dataset, String extension, List<String> header, Set<QuarantineReason> reasons) {
    this.dataset = dataset;
    this.extension = extension;
    this.header = header;
    this.reasons = reasons;
  }

  /** The reasons a record of this dataset may be quarantined with. */
  Set<QuarantineReason> reasons() {
    return reasons;
  }

  Dataset dataset() {
    return dataset;
  }

  /** The name quarantine records give as their dataset. */
  String dir() {
    return dataset.dir();
  }

  String extension() {
    return extension;
  }

  boolean isCsv() {
    return !header.isEmpty();
  }

  /**
   * Whether a file can be made long enough for several bzip2 blocks (160 kB): not an FX rates file, whose
   * currencies are unique and few.
   */
  boolean canSpanBzip2Blocks() {
    return this != FX_RATES;
  }

  /** The contract's columns; empty for JSON Lines. */
  List<String> header() {
    return header;
  }
}
