package io.mrsuite.oozie;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The control flow of one workflow definition, and everything wrong with it that Oozie would only find
 * at submission or, worse, at run time: transitions to nodes that do not exist, nodes never reached,
 * cycles, paths that end anywhere but an end or kill node, and forks not closed by exactly one join.
 */
public final class WorkflowGraph {
  /** Node name used for the start node, which has none in the XML. */
  public static final String START = ":start:";

  /** One node: its kind (element name) and its transitions, error transitions apart. */
  public record WorkflowNode(String name, String kind, List<String> next, List<String> onError) {
    List<String> all() {
      List<String> all = new ArrayList<>(next);
      all.addAll(onError);
      return all;
    }
  }

  private final Map<String, WorkflowNode> nodes = new LinkedHashMap<>();
  private final List<String> problems = new ArrayList<>();

  private WorkflowGraph() {
  }

  public static WorkflowGraph of(Document workflow) {
    WorkflowGraph graph = new WorkflowGraph();
    for (Element element : children(workflow.getDocumentElement())) {
      graph.add(element);
    }
    return graph;
  }

  private void add(Element element) {
    String kind = element.getLocalName();
    List<String> next = new ArrayList<>();
    List<String> onError = new ArrayList<>();
    switch (kind) {
      case "start" -> next.add(element.getAttribute("to"));
      case "action" -> {
        next.add(child(element, "ok").getAttribute("to"));
        onError.add(child(element, "error").getAttribute("to"));
      }
      case "decision" -> children(child(element, "switch")).forEach(choice -> next.add(choice.getAttribute("to")));
      case "fork" -> children(element).forEach(path -> next.add(path.getAttribute("start")));
      case "join" -> next.add(element.getAttribute("to"));
      case "kill", "end" -> {
      }
      default -> {
        return; // parameters, global, credentials, sla:info: not nodes
      }
    }
    String name = kind.equals("start") ? START : element.getAttribute("name");
    if (nodes.put(name, new WorkflowNode(name, kind, next, onError)) != null) {
      problems.add("two nodes named '" + name + "'");
    }
  }

  public Map<String, WorkflowNode> nodes() {
    return nodes;
  }

  /** Everything wrong with the graph, one line each; empty when it is sound. */
  public List<String> problems() {
    List<String> found = new ArrayList<>(problems);
    nodes.values().forEach(node -> node.all().stream().filter(target -> !nodes.containsKey(target))
        .forEach(target -> found.add("'" + node.name() + "' goes to '" + target + "', which does not exist")));
    if (!found.isEmpty()) {
      return found;
    }
    Set<String> reached = new HashSet<>();
    findCycles(START, new LinkedHashSet<>(), reached, found);
    nodes.keySet().stream().filter(name -> !reached.contains(name))
        .forEach(name -> found.add("'" + name + "' is not reachable from the start"));
    nodes.values().stream().filter(node -> node.all().isEmpty() && !isTerminal(node))
        .forEach(node -> found.add("'" + node.name() + "' leads nowhere: paths must end in an end or kill node"));
    if (found.isEmpty()) {
      Map<String, String> forkOfJoin = new LinkedHashMap<>();
      nodes.values().stream().filter(node -> node.kind().equals("fork"))
          .forEach(fork -> checkFork(fork, forkOfJoin, found));
      nodes.values().stream().filter(node -> node.kind().equals("join") && !forkOfJoin.containsKey(node.name()))
          .forEach(join -> found.add("join '" + join.name() + "' closes no fork"));
    }
    return found;
  }

  private static boolean isTerminal(WorkflowNode node) {
    return node.kind().equals("end") || node.kind().equals("kill");
  }

  /** Depth-first from {@code name}; a node met again on the current path closes a cycle. */
  private void findCycles(String name, LinkedHashSet<String> path, Set<String> reached, List<String> found) {
    if (path.contains(name)) {
      List<String> cycle = new ArrayList<>(path);
      found.add("cycle: " + String.join(" -> ", cycle.subList(cycle.indexOf(name), cycle.size())) + " -> " + name);
      return;
    }
    if (!reached.add(name)) {
      return;
    }
    path.add(name);
    for (String target : nodes.get(name).all()) {
      findCycles(target, path, reached, found);
    }
    path.remove(name);
  }

  /**
   * Every path of a fork must reach the same join, and that join no other fork's. An error transition
   * or a decision's case to a kill node leaves the fork without joining, as Oozie allows; a transition
   * to an end node (a decision's case, say) would end the workflow with the other paths still running.
   */
  private void checkFork(WorkflowNode fork, Map<String, String> forkOfJoin, List<String> found) {
    Set<String> joins = new LinkedHashSet<>();
    for (String path : fork.next()) {
      Set<String> reached = joinsReached(path);
      Set<String> ends = new LinkedHashSet<>(reached);
      ends.removeIf(name -> !nodes.get(name).kind().equals("end"));
      reached.removeAll(ends);
      if (reached.isEmpty()) {
        found.add("fork '" + fork.name() + "': path '" + path + "' reaches no join");
      } else if (!ends.isEmpty()) {
        found.add("fork '" + fork.name() + "': path '" + path + "' can reach " + ends + " without a join");
      }
      joins.addAll(reached);
    }
    if (joins.size() > 1) {
      found.add("fork '" + fork.name() + "': its paths reach different joins " + joins);
    } else if (joins.size() == 1) {
      String join = joins.iterator().next();
      String other = forkOfJoin.put(join, fork.name());
      if (other != null) {
        found.add("join '" + join + "' closes both fork '" + other + "' and fork '" + fork.name() + "'");
      }
    }
  }

  /**
   * The joins a path reaches along ok transitions and every case of a decision, stepping over nested forks
   * through their join, and the end nodes it reaches without a join.
   */
  private Set<String> joinsReached(String name) {
    WorkflowNode node = nodes.get(name);
    Set<String> joins = new LinkedHashSet<>();
    switch (node.kind()) {
      case "join", "end" -> joins.add(name);
      case "fork" -> {
        for (String nested : joinsReachedByAll(node)) {
          if (nodes.get(nested).kind().equals("end")) {
            joins.add(nested);
          } else {
            nodes.get(nested).next().forEach(after -> joins.addAll(joinsReached(after)));
          }
        }
      }
      default -> node.next().forEach(target -> joins.addAll(joinsReached(target)));
    }
    return joins;
  }

  private Set<String> joinsReachedByAll(WorkflowNode fork) {
    Set<String> joins = new LinkedHashSet<>();
    fork.next().forEach(path -> joins.addAll(joinsReached(path)));
    return joins;
  }

  static Element child(Element parent, String localName) {
    for (Element element : children(parent)) {
      if (element.getLocalName().equals(localName)) {
        return element;
      }
    }
    throw new IllegalArgumentException("<" + parent.getLocalName() + "> has no <" + localName + ">");
  }

  static List<Element> children(Element parent) {
    List<Element> elements = new ArrayList<>();
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element) {
        elements.add(element);
      }
    }
    return elements;
  }
}
