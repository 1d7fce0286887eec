package io.mrsuite.bench.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.SparkSession;

/**
 * One of the Spark peer's SQL files, kept as a resource next to this class: statements each ending with a
 * semicolon at the end of a line, run in order. {@code ${name}} is replaced by the value given for it before
 * Spark sees the text (so Spark's own variable substitution finds nothing left to do).
 *
 * <p>{@code CACHE TABLE t AS <query>} is not run as Spark SQL's own: its cache is found again only when a later
 * query's plan of {@code t} is the same as the cached one, and a plan holding a nondeterministic expression
 * (the text views' {@code monotonically_increasing_id()} and {@code input_file_name()}) never is, so every
 * reader of {@code t} would compute it again from the raw files. The query is materialised instead
 * ({@code localCheckpoint}, eager) and {@code t} becomes a temporary view of what it holds.
 */
record SparkSqlScript(String name) {
  private static final Pattern CACHE_TABLE = Pattern.compile("(?s)^\\s*CACHE\\s+TABLE\\s+(\\w+)\\s+AS\\s+(.*)$");

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
      Matcher cache = CACHE_TABLE.matcher(withoutCommentLines(statement));
      if (cache.matches()) {
        spark.sql(cache.group(2)).localCheckpoint(true).createOrReplaceTempView(cache.group(1));
      } else {
        spark.sql(statement);
      }
    }
  }

  private static String withoutCommentLines(String statement) {
    StringBuilder text = new StringBuilder();
    for (String line : statement.split("\n", -1)) {
      if (!line.stripLeading().startsWith("--")) {
        text.append(line).append('\n');
      }
    }
    return text.toString();
  }
}
