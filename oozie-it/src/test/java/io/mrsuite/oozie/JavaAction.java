package io.mrsuite.oozie;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Element;

/** One {@code <action>} of a workflow as far as the checks need it: a java action and its transitions. */
public record JavaAction(String name, Optional<String> mainClass, List<String> args, String retryMax,
    String retryInterval, boolean capturesOutput, String errorTo) {

  public static List<JavaAction> of(Element workflow) {
    List<JavaAction> actions = new ArrayList<>();
    for (Element action : WorkflowGraph.children(workflow)) {
      if (action.getLocalName().equals("action")) {
        actions.add(of(action, WorkflowGraph.children(action).get(0)));
      }
    }
    return actions;
  }

  private static JavaAction of(Element action, Element body) {
    Optional<String> mainClass = Optional.empty();
    List<String> args = new ArrayList<>();
    boolean captures = false;
    if (body.getLocalName().equals("java")) {
      for (Element element : WorkflowGraph.children(body)) {
        switch (element.getLocalName()) {
          case "main-class" -> mainClass = Optional.of(element.getTextContent().trim());
          case "arg" -> args.add(element.getTextContent());
          case "capture-output" -> captures = true;
          default -> {
          }
        }
      }
    }
    return new JavaAction(action.getAttribute("name"), mainClass, args, action.getAttribute("retry-max"),
        action.getAttribute("retry-interval"), captures, WorkflowGraph.child(action, "error").getAttribute("to"));
  }
}
