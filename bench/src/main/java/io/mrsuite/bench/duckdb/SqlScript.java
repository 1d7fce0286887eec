package io.mrsuite.bench.duckdb;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** One of the DuckDB peer's SQL files, kept as a resource next to this class, run as a whole. */
record SqlScript(String name) {

  /** The file's text: its statements, in order, separated by semicolons. */
  String text() {
    try (InputStream in = SqlScript.class.getResourceAsStream(name + ".sql")) {
      if (in == null) {
        throw new IllegalStateException("no SQL resource " + name + ".sql next to " + SqlScript.class.getName());
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + name + ".sql", e);
    }
  }

  void run(Connection db) throws SQLException {
    try (Statement statement = db.createStatement()) {
      statement.execute(text());
    }
  }
}
