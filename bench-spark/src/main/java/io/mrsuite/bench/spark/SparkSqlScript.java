package io.mrsuite.bench.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * One of the Spark peer's SQL files, kept as a resource next to this class: statements each ending with a
 * semicolon at the end of a line, run in order. {@code ${name}} is replaced by the value given for it before
 * Spark sees the text (so Spark's own variable substitution finds nothing left to do).
 */
record SparkSqlScript(String name) {

  /** The file's text. */
  String text() {
    try (InputStream in = SparkSqlScript.class.getResourceAsStream(name + ".sql")) {
      if (in == null) {
        throw new IllegalStateException("no SQL resource " + name + ".sql next to " + SparkSqlScript.class.getName());
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + name + ".sql", e);
    }
  }

  /** The statements, with the values put in; comment lines stay (Spark's parser skips them). */
  List<String> statements(Map<String, String> values) {
    String text = text();
    for (Map.Entry<String, String> value : values.entrySet()) {
      text = text.replace("${" + value.getKey() + "}", value.getValue());
    }
    if (text.contains("${")) {
      throw new IllegalStateException(name + ".sql holds a ${...} with no value given");
    }
    List<String> statements = new ArrayList<>();
    StringBuilder statement = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      statement.append(line).append('\n');
      if (line.stripTrailing().endsWith(";") && !line.stripLeading().startsWith("--")) {
        String sql = statement.toString().stripTrailing();
        statements.add(sql.substring(0, sql.length() - 1));
        statement.setLength(0);
      }
    }
    if (!statement.toString().lines().allMatch(line -> line.isBlank() || line.stripLeading().startsWith("--"))) {
      throw new IllegalStateException(name + ".sql ends with a statement without its semicolon");
    }
    return statements;
  }

  void run(SparkSession spark, Map<String, String> values) {
    for (String statement : statements(values)) {
      spark.sql(statement);
    }
  }
}
