package io.mrsuite.bench;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Hadoop counters and task attempts a job's log shows, summed over every MapReduce job in it.
 *
 * <p>{@code Job.monitorAndPrintJob} logs each finished job's counters as a block: a {@code Counters: N} line,
 * then a tab-indented group name, then doubly indented {@code name=value} lines. The local runner logs
 * {@code Starting task: attempt_...} for each task it runs, when its logger is at INFO.
 */
public final class LoggedCounters {
  private static final Pattern BLOCK_START = Pattern.compile(".*\\bCounters: \\d+$");
  private static final Pattern GROUP = Pattern.compile("^\\t(\\S.*)$");
  private static final Pattern COUNTER = Pattern.compile("^\\t\\t(.+)=(-?\\d+)$");
  private static final Pattern TASK_START = Pattern.compile("Starting task: attempt_\\w+_([mr])_\\d+_\\d+");

  private final Map<String, Long> counters;
  private final int jobs;
  private final int mapTasks;
  private final int reduceTasks;

  private LoggedCounters(Map<String, Long> counters, int jobs, int mapTasks, int reduceTasks) {
    this.counters = counters;
    this.jobs = jobs;
    this.mapTasks = mapTasks;
    this.reduceTasks = reduceTasks;
  }

  /** Reads the counter blocks and task starts of a log. */
  public static LoggedCounters parse(List<String> lines) {
    Map<String, Long> counters = new LinkedHashMap<>();
    int jobs = 0;
    int maps = 0;
    int reduces = 0;
    String group = null;
    boolean inBlock = false;
    for (String line : lines) {
      Matcher task = TASK_START.matcher(line);
      if (task.find()) {
        if (task.group(1).equals("m")) {
          maps++;
        } else {
          reduces++;
        }
      }
      if (BLOCK_START.matcher(line).matches()) {
        inBlock = true;
        jobs++;
        group = null;
        continue;
      }
      if (!inBlock) {
        continue;
      }
      Matcher counter = COUNTER.matcher(line);
      Matcher groupLine = GROUP.matcher(line);
      if (counter.matches() && group != null) {
        counters.merge(group + "::" + counter.group(1), Long.parseLong(counter.group(2)), Long::sum);
      } else if (groupLine.matches()) {
        group = groupLine.group(1);
      } else {
        inBlock = false;
      }
    }
    return new LoggedCounters(counters, jobs, maps, reduces);
  }

  /** The counter's value summed over the jobs, 0 when no job reported it. */
  public long get(String group, String name) {
    return counters.getOrDefault(group + "::" + name, 0L);
  }

  /** Every counter as {@code group::name}, in the order first seen. */
  public Map<String, Long> all() {
    return Collections.unmodifiableMap(counters);
  }

  /** How many MapReduce jobs logged their counters. */
  public int jobs() {
    return jobs;
  }

  public int mapTasks() {
    return mapTasks;
  }

  public int reduceTasks() {
    return reduceTasks;
  }
}
