package io.mrsuite.jobs.tool;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A job's own command-line options, declared once so that parsing and the usage text cannot drift apart.
 *
 * <p>An option is {@code --name value}, {@code --name=value} or a bare {@code --flag}. Hadoop's generic
 * options ({@code -D}, {@code -conf}, {@code -files}, ...) are consumed by ToolRunner before these are
 * parsed.
 */
public final class JobOptions {
  private final String job;
  private final String synopsis;
  private final Map<String, Option> options = new LinkedHashMap<>();

  /** One declared option. A flag has no argument name. */
  private record Option(String name, String argName, String description) {
    boolean isFlag() {
      return argName == null;
    }
  }

  /**
   * @param job the job's name in the driver
   * @param synopsis the accepted forms, e.g. {@code --root ROOT --date D}, one per line
   */
  public JobOptions(String job, String synopsis) {
    this.job = job;
    this.synopsis = synopsis;
  }

  /** The job's name in the driver. */
  public String job() {
    return job;
  }

  /** Declares an option that takes a value. */
  public JobOptions option(String name, String argName, String description) {
    options.put(name, new Option(name, argName, description));
    return this;
  }

  /** Declares an option without a value. */
  public JobOptions flag(String name, String description) {
    options.put(name, new Option(name, null, description));
    return this;
  }

  public Parsed parse(String[] args) throws UsageException {
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--")) {
        throw new UsageException("unexpected argument '" + arg + "'");
      }
      String name = arg.substring(2);
      String value = null;
      int eq = name.indexOf('=');
      if (eq >= 0) {
        value = name.substring(eq + 1);
        name = name.substring(0, eq);
      }
      Option option = options.get(name);
      if (option == null) {
        throw new UsageException("unknown option --" + name);
      }
      if (option.isFlag()) {
        if (value != null) {
          throw new UsageException("--" + name + " takes no value");
        }
        value = "true";
      } else if (value == null) {
        if (i + 1 >= args.length) {
          throw new UsageException("--" + name + " needs a value (" + option.argName() + ")");
        }
        value = args[++i];
      }
      if (values.put(name, value) != null) {
        throw new UsageException("--" + name + " given twice");
      }
    }
    return new Parsed(values);
  }

  public void printUsage(PrintStream out) {
    out.println("Usage: hadoop jar mrsuite-jobs.jar " + job + " [generic options] " + synopsis.replace("\n",
        "\n       hadoop jar mrsuite-jobs.jar " + job + " [generic options] "));
    out.println("Options:");
    List<String> left = new ArrayList<>();
    int width = 0;
    for (Option option : options.values()) {
      String text = "--" + option.name() + (option.isFlag() ? "" : " " + option.argName());
      left.add(text);
      width = Math.max(width, text.length());
    }
    int i = 0;
    for (Option option : options.values()) {
      out.printf("  %-" + width + "s  %s%n", left.get(i++), option.description());
    }
  }

  /** The values given on one command line. */
  public static final class Parsed {
    private final Map<String, String> values;

    private Parsed(Map<String, String> values) {
      this.values = values;
    }

    public boolean has(String name) {
      return values.containsKey(name);
    }

    public String get(String name) {
      return values.get(name);
    }

    public String required(String name) throws UsageException {
      String value = values.get(name);
      if (value == null) {
        throw new UsageException("--" + name + " is required");
      }
      return value;
    }

    public int intValue(String name, int defaultValue, int min) throws UsageException {
      String value = values.get(name);
      if (value == null) {
        return defaultValue;
      }
      try {
        int parsed = Integer.parseInt(value);
        if (parsed < min) {
          throw new UsageException("--" + name + " must be at least " + min + ": " + value);
        }
        return parsed;
      } catch (NumberFormatException e) {
        throw new UsageException("--" + name + " must be an integer: " + value);
      }
    }
  }
}
