package io.mrsuite.jobs.pipeline;

import io.mrsuite.jobs.MrSuiteDriver;
import io.mrsuite.jobs.dq.DqReportJob;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Properties a workflow must have, each checked as the list of what breaks it: empty when it holds, else one
 * line per fault naming the nodes, so a test can show each check catching its fault.
 */
final class WorkflowChecks {
  private WorkflowChecks() {
  }

  /** Actions that run no job of {@code jobs}: a main class other than the driver, or a job it does not list. */
  static List<String> actionsOfNoDriverJob(Workflow workflow, Set<String> jobs) {
    List<String> found = new ArrayList<>();
    for (WorkflowNode.Action action : actions(workflow)) {
      String mainClass = action.mainClass().toString();
      if (!mainClass.equals(MrSuiteDriver.class.getName())) {
        found.add(action.name() + " runs " + mainClass + ", not " + MrSuiteDriver.class.getName());
      } else if (!jobs.contains(job(action))) {
        found.add(action.name() + " runs '" + job(action) + "', which is not a job of the driver");
      }
    }
    return found;
  }

  /** Paths from the start that end anywhere but in an end or kill node: at a node leading nowhere, or in a cycle. */
  static List<String> pathsNotEndingInEndOrKill(Workflow workflow) {
    List<String> found = new ArrayList<>();
    walk(workflow, workflow.start(), new LinkedHashSet<>(), new HashSet<>(), found);
    return found;
  }

  /** Depth first from {@code name}; a node met again on the current path closes a cycle. */
  private static void walk(Workflow workflow, String name, LinkedHashSet<String> path, Set<String> seen,
      List<String> found) {
    if (path.contains(name)) {
      List<String> cycle = new ArrayList<>(path);
      found.add("cycle: " + String.join(" -> ", cycle.subList(cycle.indexOf(name), cycle.size())) + " -> " + name);
      return;
    }
    if (!seen.add(name)) {
      return;
    }
    WorkflowNode node = workflow.node(name);
    List<String> next = next(node);
    if (next.isEmpty() && !(node instanceof WorkflowNode.End) && !(node instanceof WorkflowNode.Kill)) {
      found.add(name + " leads nowhere and is neither an end nor a kill node");
    }
    path.add(name);
    for (String target : next) {
      walk(workflow, target, path, seen, found);
    }
    path.remove(name);
  }

  /**
   * The actions running a job of {@code martJobs} that a path from the start reaches other than through the
   * PASS case of a decision on dq-report's verdict; or, when there are such actions, that no such decision
   * exists.
   */
  static List<String> martsNotBehindTheDqGate(Workflow workflow, Set<String> martJobs) {
    List<WorkflowNode.Action> marts = actions(workflow).stream().filter(action -> martJobs.contains(job(action)))
        .toList();
    if (marts.isEmpty()) {
      return List.of();
    }
    Set<String> passCases = new HashSet<>();
    for (WorkflowNode.Action dq : actions(workflow)) {
      if (job(dq).equals(DqReportJob.NAME)) {
        passCases.add(withoutSpaces("${wf:actionData('" + dq.name() + "')['" + DqReportJob.VERDICT_KEY
            + "'] eq 'PASS'}"));
      }
    }
    List<String> gates = workflow.nodes().values().stream().filter(WorkflowNode.Decision.class::isInstance)
        .map(WorkflowNode.Decision.class::cast)
        .filter(decision -> decision.cases().stream().anyMatch(c -> passCases.contains(predicate(c))))
        .map(WorkflowNode.Decision::name).toList();
    if (gates.isEmpty()) {
      return List.of("no decision on " + DqReportJob.NAME + "'s " + DqReportJob.VERDICT_KEY + " being PASS");
    }
    Set<String> reached = new HashSet<>();
    reachBesidesPassCases(workflow, workflow.start(), passCases, reached);
    return marts.stream().filter(mart -> reached.contains(mart.name()))
        .map(mart -> mart.name() + " is reached other than through the PASS case of " + String.join(", ", gates))
        .toList();
  }

  /** Adds to {@code reached} every node a path from {@code name} reaches without taking a PASS case. */
  private static void reachBesidesPassCases(Workflow workflow, String name, Set<String> passCases,
      Set<String> reached) {
    if (!reached.add(name)) {
      return;
    }
    WorkflowNode node = workflow.node(name);
    List<String> next = node instanceof WorkflowNode.Decision decision ? besidesPassCases(decision, passCases)
        : next(node);
    for (String target : next) {
      reachBesidesPassCases(workflow, target, passCases, reached);
    }
  }

  /** Where a decision goes by its default and every case but a PASS case. */
  private static List<String> besidesPassCases(WorkflowNode.Decision decision, Set<String> passCases) {
    List<String> next = new ArrayList<>();
    decision.cases().stream().filter(c -> !passCases.contains(predicate(c))).forEach(c -> next.add(c.to()));
    next.add(decision.defaultTo());
    return next;
  }

  private static String predicate(WorkflowNode.Case c) {
    return withoutSpaces(c.predicate().toString());
  }

  /** Every node a node may go to next: on success or error, by any case, along every path of a fork. */
  private static List<String> next(WorkflowNode node) {
    List<String> next = new ArrayList<>();
    if (node instanceof WorkflowNode.Action action) {
      next.addAll(List.of(action.ok(), action.error()));
    } else if (node instanceof WorkflowNode.Decision decision) {
      decision.cases().forEach(c -> next.add(c.to()));
      next.add(decision.defaultTo());
    } else if (node instanceof WorkflowNode.Fork fork) {
      next.addAll(fork.paths());
    } else if (node instanceof WorkflowNode.Join join) {
      next.add(join.to());
    }
    return next;
  }

  static List<WorkflowNode.Action> actions(Workflow workflow) {
    return workflow.nodes().values().stream().filter(WorkflowNode.Action.class::isInstance)
        .map(WorkflowNode.Action.class::cast).toList();
  }

  /** The job an action of the driver runs: its first argument; empty when it has none. */
  static String job(WorkflowNode.Action action) {
    return action.args().isEmpty() ? "" : action.args().get(0).toString();
  }

  private static String withoutSpaces(String text) {
    return text.replaceAll("\\s+", "");
  }
}
