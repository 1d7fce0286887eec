package io.mrsuite.formats.csv;

import java.io.IOException;
import java.util.List;

/**
 * Checks a CSV file's header line against the columns it must have and marks the records of a file whose
 * header is wrong.
 *
 * <p>A header other than the expected one, or one that is not a well-formed record, makes every record of
 * the file malformed, for that reason first: no column is guessed. A record cut off by the end of the data
 * stays TRUNCATED, as that check comes first.
 */
final class CsvHeader {
  private final List<String> expected;
  private String problem;
  private int fieldCount;

  /** @param expected the columns every file must have; empty accepts any header */
  CsvHeader(List<String> expected) {
    this.expected = expected;
  }

  /**
   * Reads the header line with {@code parser} into {@code line}, and makes the parser expect the header's
   * field count.
   *
   * @return whether {@code line} is a record to pass on: the data broke off inside the header, so that this
   *     record stands for the whole file
   */
  boolean read(CsvParser parser, CsvRecord line) throws IOException {
    if (!parser.next(line)) {
      return false;
    }
    if (line.kind() == CsvRecord.Kind.TRUNCATED) {
      return true;
    }
    if (line.kind() != CsvRecord.Kind.RECORD) {
      problem = "the file's header line is " + line.kind() + " (" + line.detail() + ")";
    } else if (!expected.isEmpty() && !expected.equals(line.fields())) {
      problem = "the file's header is " + line.fields() + ", expected " + expected;
    } else {
      fieldCount = line.fields().size();
      parser.expectFields(fieldCount);
    }
    return false;
  }

  /** The field count records must have: the header's, or 0 (any) when the header is wrong or was not read. */
  int fieldCount() {
    return fieldCount;
  }

  /** Makes a record of a file with a wrong header malformed for that reason. */
  void mark(CsvRecord record) {
    if (problem == null) {
      return;
    }
    switch (record.kind()) {
      case RECORD -> record.set(record.sourceFile(), record.offset(), record.lineNumber(), List.of(),
          CsvRecord.Kind.MALFORMED, problem, record.raw(), record.raw().length, record.rawLength());
      case MALFORMED, INVALID_ENCODING -> record.set(record.sourceFile(), record.offset(), record.lineNumber(),
          List.of(), CsvRecord.Kind.MALFORMED, problem + "; " + record.detail(), record.raw(), record.raw().length,
          record.rawLength());
      default -> {
        // EMPTY is not a record; TRUNCATED is judged before the header.
      }
    }
  }
}
