package io.mrsuite.formats.csv;

/** Where an RFC 4180 parser stands between two bytes. */
public enum CsvState {
  /** At the start of a field (record start, or after a comma). */
  FIELD_START,
  /** Inside a field that did not start with a quote. */
  UNQUOTED,
  /** Inside a quoted field. */
  QUOTED,
  /** Just after a quote inside a quoted field: either it closes the field or it is the first of a doubled quote. */
  AFTER_QUOTE,
  /** After a closing quote and a CR, which must be followed by LF. */
  AFTER_QUOTE_CR
}
