package io.mrsuite.jobs.pipeline;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One run of a {@link Workflow} in this JVM, walking its graph as Oozie does.
 *
 * <p>Each action runs through {@link JavaActions}. A fork's paths run side by side, at most
 * {@code parallelActions} actions at once, until they meet in their join. A decision takes its first true
 * case. The run ends SUCCEEDED at an end node or KILLED at a kill node with its message.
 *
 * <p>A kill reached on one path of a fork stops the other paths before their next node. An action already
 * running finishes, since an in-process job is not interrupted. Each node is printed as it runs.
 */
final class WorkflowRun implements ElExpression.Context {
  /** How a run ended. */
  enum Status { SUCCEEDED, KILLED }

  /** How a node ended: an action OK or ERROR with its time and captured data, or a control node's choice. */
  record NodeResult(String node, boolean action, String result, Duration took, Map<String, String> data) {
  }

  /**
   * How a run ended, with the result of every node that ran.
   *
   * @param killNode the kill node reached, null when SUCCEEDED
   * @param nodes the nodes in the order they ended
   */
  record Outcome(String workflow, Status status, String killNode, String message, List<NodeResult> nodes,
      Duration took) {
    /** The captured data of action {@code node}, empty when it did not run or captured nothing. */
    Map<String, String> actionData(String node) {
      return nodes.stream().filter(n -> n.node().equals(node)).map(NodeResult::data).findFirst().orElse(Map.of());
    }
  }

  /** Where a walk along one path stopped. */
  private sealed interface Stop permits AtEnd, AtKill, AtJoin, Stopped {
  }

  /** The path reached an end node. */
  private record AtEnd() implements Stop {
  }

  /** The path reached a kill node, with its message. */
  private record AtKill(String node, String message) implements Stop {
  }

  /** The path reached its join. */
  private record AtJoin(String join) implements Stop {
  }

  /** Another path reached a kill node first. */
  private record Stopped() implements Stop {
  }

  /**
   * Oozie's words, to the letter, for a java action whose program exited non-zero: its launcher runs the
   * program through JavaMain and reports JavaMain's exit code, so the kill messages read the same here.
   */
  static String exitMessage(int exitCode) {
    return "Main Class [org.apache.oozie.action.hadoop.JavaMain], exit code [" + exitCode + "]";
  }

  private final Workflow workflow;
  private final Map<String, String> variables;
  private final JavaActions actions;
  private final PrintStream out;
  private final Semaphore actionSlots;
  private final String label;
  private final Map<String, Map<String, String>> actionData = new ConcurrentHashMap<>();
  private final Map<String, String> errorMessages = new ConcurrentHashMap<>();
  private final List<NodeResult> results = Collections.synchronizedList(new ArrayList<>());
  private final AtomicReference<AtKill> kill = new AtomicReference<>();
  private volatile String lastErrorNode;

  /**
   * @param properties the job properties: a value for each parameter without a default, and any others
   * @throws UnsupportedWorkflowException when a required parameter has no value (Oozie's E0738)
   */
  WorkflowRun(Workflow workflow, Map<String, String> properties, JavaActions actions, int parallelActions,
      PrintStream out) throws UnsupportedWorkflowException {
    this.workflow = workflow;
    this.actions = actions;
    this.out = out;
    this.actionSlots = new Semaphore(parallelActions);
    Map<String, String> values = new LinkedHashMap<>();
    List<String> missing = new ArrayList<>();
    workflow.parameters().forEach((name, defaultValue) -> {
      String value = properties.getOrDefault(name, defaultValue);
      if (value == null) {
        missing.add(name);
      }
      values.put(name, value);
    });
    if (!missing.isEmpty()) {
      throw new UnsupportedWorkflowException(workflow.source() + ": parameters required but not given and "
          + "without a default: " + missing);
    }
    this.variables = values;
    this.label = workflow.name().render(this);
  }

  /** The workflow's name with its parameters in, e.g. {@code mrsuite-marts-2026-11-20}. */
  String name() {
    return label;
  }

  Outcome run() throws UnsupportedWorkflowException, InterruptedException {
    long started = System.nanoTime();
    print("started");
    Stop stop = walk(workflow.start());
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    List<NodeResult> nodes = List.copyOf(results);
    if (kill.get() != null) {
      AtKill killed = kill.get();
      print("KILLED at " + killed.node() + " after " + Durations.text(took) + ": " + killed.message());
      return new Outcome(label, Status.KILLED, killed.node(), killed.message(), nodes, took);
    }
    if (!(stop instanceof AtEnd)) {
      throw new UnsupportedWorkflowException(workflow.source() + ": the run stopped at " + stop
          + " outside a fork");
    }
    print("SUCCEEDED in " + Durations.text(took));
    return new Outcome(label, Status.SUCCEEDED, null, null, nodes, took);
  }

  private Stop walk(String from) throws UnsupportedWorkflowException, InterruptedException {
    String current = from;
    while (true) {
      WorkflowNode node = workflow.node(current);
      AtKill killed = kill.get();
      // Once a kill is set (by the failed action that leads to it, or by another path), only that kill node runs.
      if (killed != null && !(node instanceof WorkflowNode.Kill && node.name().equals(killed.node()))) {
        return new Stopped();
      }
      if (node instanceof WorkflowNode.Action action) {
        current = runAction(action);
        if (current == null) {
          return new Stopped();
        }
      } else if (node instanceof WorkflowNode.Decision decision) {
        current = decide(decision);
      } else if (node instanceof WorkflowNode.Fork fork) {
        Stop stop = fork(fork);
        if (!(stop instanceof AtJoin atJoin)) {
          return stop;
        }
        WorkflowNode.Join join = (WorkflowNode.Join) workflow.node(atJoin.join());
        print("join " + join.name() + " -> " + join.to());
        results.add(new NodeResult(join.name(), false, "OK", Duration.ZERO, Map.of()));
        current = join.to();
      } else if (node instanceof WorkflowNode.Join join) {
        return new AtJoin(join.name());
      } else if (node instanceof WorkflowNode.Kill killNode) {
        kill.compareAndSet(null, new AtKill(killNode.name(), killNode.message().render(this)));
        results.add(new NodeResult(killNode.name(), false, "KILLED", Duration.ZERO, Map.of()));
        return kill.get();
      } else {
        results.add(new NodeResult(node.name(), false, "OK", Duration.ZERO, Map.of()));
        return new AtEnd();
      }
    }
  }

  /** Runs the action and returns its ok or error transition; null when a kill came while it waited for a slot. */
  private String runAction(WorkflowNode.Action action) throws UnsupportedWorkflowException, InterruptedException {
    String mainClass = action.mainClass().render(this);
    List<String> args = new ArrayList<>();
    for (ElTemplate arg : action.args()) {
      args.add(arg.render(this));
    }
    Map<String, String> conf = actionConfiguration();
    actionSlots.acquire();
    // The slot is held until the action's outcome is recorded: a failure that leads to a kill node sets the
    // kill before a path waiting for the slot can start its next job.
    try {
      if (kill.get() != null) {
        return null;
      }
      long started = System.nanoTime();
      print(action.name() + ": " + String.join(" ", args));
      JavaActions.ActionResult result = actions.run(action.name(), mainClass, args, conf, action.captureOutput());
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      Map<String, String> data = action.captureOutput() ? result.data() : Map.of();
      actionData.put(action.name(), data);
      if (result.ok()) {
        print(action.name() + ": OK in " + Durations.text(took) + ActionSummary.of(data));
        results.add(new NodeResult(action.name(), true, "OK", took, data));
        return action.ok();
      }
      String error = result.error() != null ? result.error() : exitMessage(result.exitCode());
      errorMessages.put(action.name(), error);
      lastErrorNode = action.name();
      print(action.name() + ": ERROR in " + Durations.text(took) + ": " + error + " -> " + action.error());
      results.add(new NodeResult(action.name(), true, "ERROR", took, data));
      if (workflow.node(action.error()) instanceof WorkflowNode.Kill killNode) {
        kill.compareAndSet(null, new AtKill(killNode.name(), killNode.message().render(this)));
      }
      return action.error();
    } finally {
      actionSlots.release();
    }
  }

  /** What Oozie puts in an action's configuration from {@code <global>}: HDFS, YARN and its properties. */
  private Map<String, String> actionConfiguration() throws UnsupportedWorkflowException {
    Map<String, String> conf = new LinkedHashMap<>();
    if (workflow.nameNode() != null) {
      conf.put("fs.defaultFS", workflow.nameNode().render(this));
    }
    if (workflow.resourceManager() != null) {
      conf.put("yarn.resourcemanager.address", workflow.resourceManager().render(this));
    }
    for (Map.Entry<String, ElTemplate> property : workflow.configuration().entrySet()) {
      conf.put(property.getKey(), property.getValue().render(this));
    }
    return conf;
  }

  private String decide(WorkflowNode.Decision decision) throws UnsupportedWorkflowException {
    String to = decision.defaultTo();
    for (WorkflowNode.Case choice : decision.cases()) {
      if (choice.predicate().test(this)) {
        to = choice.to();
        break;
      }
    }
    print("decision " + decision.name() + " -> " + to);
    results.add(new NodeResult(decision.name(), false, "-> " + to, Duration.ZERO, Map.of()));
    return to;
  }

  private Stop fork(WorkflowNode.Fork fork) throws UnsupportedWorkflowException, InterruptedException {
    print("fork " + fork.name() + ": " + String.join(", ", fork.paths()));
    results.add(new NodeResult(fork.name(), false, "OK", Duration.ZERO, Map.of()));
    List<Thread> threads = new ArrayList<>();
    Stop[] stops = new Stop[fork.paths().size()];
    Throwable[] failures = new Throwable[stops.length];
    for (int i = 0; i < stops.length; i++) {
      int path = i;
      Thread thread = new Thread(() -> {
        try {
          stops[path] = walk(fork.paths().get(path));
        } catch (Throwable e) {
          failures[path] = e;
          kill.compareAndSet(null, new AtKill(fork.name(), "the runner failed on path " + fork.paths().get(path)
              + ": " + e));
        }
      }, label + "/" + fork.paths().get(path));
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    Throwable first = null;
    for (Throwable failure : failures) {
      if (failure != null && first == null) {
        first = failure;
      } else if (failure != null) {
        first.addSuppressed(failure);
      }
    }
    if (first instanceof UnsupportedWorkflowException e) {
      throw e;
    }
    if (first != null) {
      throw new IllegalStateException("a path of fork " + fork.name() + " failed", first);
    }
    if (kill.get() != null) {
      return kill.get();
    }
    String join = null;
    for (int i = 0; i < stops.length; i++) {
      if (!(stops[i] instanceof AtJoin atJoin) || (join != null && !join.equals(atJoin.join()))) {
        throw new UnsupportedWorkflowException(workflow.source() + ": path " + fork.paths().get(i) + " of fork "
            + fork.name() + " ends at " + stops[i] + ", not at the join of the other paths");
      }
      join = atJoin.join();
    }
    return new AtJoin(join);
  }

  private void print(String line) {
    out.println("[" + label + "] " + line);
  }

  @Override
  public String variable(String name) {
    return variables.get(name);
  }

  @Override
  public Map<String, String> actionData(String node) {
    return actionData.getOrDefault(node, Map.of());
  }

  @Override
  public String lastErrorNode() {
    return lastErrorNode;
  }

  @Override
  public String errorMessage(String node) {
    return errorMessages.get(node);
  }
}
