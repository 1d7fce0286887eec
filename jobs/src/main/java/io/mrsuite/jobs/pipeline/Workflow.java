package io.mrsuite.jobs.pipeline;

import java.util.Map;

/**
 * A workflow definition as loaded from its {@code workflow.xml}.
 *
 * <p>It holds its parameters (a null default means required), what {@code <global>} gives every action, the
 * start node's target and the nodes by name.
 *
 * @param source where it was read from, for messages
 * @param configuration {@code <global><configuration>}: added to every action's configuration
 */
record Workflow(String source, ElTemplate name, Map<String, String> parameters, ElTemplate nameNode,
    ElTemplate resourceManager, Map<String, ElTemplate> configuration, String start, Map<String, WorkflowNode> nodes) {

  WorkflowNode node(String nodeName) {
    WorkflowNode node = nodes.get(nodeName);
    if (node == null) {
      throw new IllegalStateException(source + ": no node " + nodeName);
    }
    return node;
  }
}
