package io.mrsuite.jobs.pipeline;

import java.util.List;

/** A node of a workflow graph, of the kinds mrsuite's workflows use. */
sealed interface WorkflowNode {
  String name();

  /** A {@code java} action: its main class and arguments, and where it goes on success and on error. */
  record Action(String name, ElTemplate mainClass, List<ElTemplate> args, boolean captureOutput, String ok,
      String error) implements WorkflowNode {
  }

  /** A decision: the first case whose predicate is true, else the default. */
  record Decision(String name, List<Case> cases, String defaultTo) implements WorkflowNode {
  }

  /** One case of a decision: where to go when its predicate is true. */
  record Case(ElTemplate predicate, String to) {
  }

  /** A fork: every path runs, and all must meet in the same join. */
  record Fork(String name, List<String> paths) implements WorkflowNode {
  }

  /** A join: where the paths of a fork meet, and where the run goes on from. */
  record Join(String name, String to) implements WorkflowNode {
  }

  /** Ends the workflow KILLED with its message. */
  record Kill(String name, ElTemplate message) implements WorkflowNode {
  }

  /** Ends the workflow SUCCEEDED. */
  record End(String name) implements WorkflowNode {
  }
}
