package io.mrsuite.jobs.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Reads a {@code workflow.xml} into a {@link Workflow}, refusing by name anything mrsuite's workflows do not use.
 *
 * <p>The schema is {@code uri:oozie:workflow:1.0}, and exactly the elements, attributes and EL that mrsuite's
 * workflows use are accepted. Oozie's own schema validation of these files is in the oozie-it module. This is
 * what the local runner can execute, checked when a file is loaded so a new construct in a workflow fails
 * loudly here, never quietly.
 */
final class WorkflowXml {
  static final String WORKFLOW_NS = "uri:oozie:workflow:1.0";
  static final String SLA_NS = "uri:oozie:sla:0.2";
  /** The attributes each element may have; an element not named here may have none. */
  private static final Map<String, Set<String>> ATTRIBUTES = Map.ofEntries(
      Map.entry("workflow-app", Set.of("name")), Map.entry("start", Set.of("to")), Map.entry("end", Set.of("name")),
      Map.entry("kill", Set.of("name")), Map.entry("action", Set.of("name", "retry-max", "retry-interval")),
      Map.entry("ok", Set.of("to")), Map.entry("error", Set.of("to")), Map.entry("decision", Set.of("name")),
      Map.entry("case", Set.of("to")), Map.entry("default", Set.of("to")), Map.entry("fork", Set.of("name")),
      Map.entry("path", Set.of("start")), Map.entry("join", Set.of("name", "to")));

  private final String source;
  private Set<String> parameterNames = Set.of();

  private WorkflowXml(String source) {
    this.source = source;
  }

  /** @param source names the file in messages */
  static Workflow read(InputStream in, String source) throws IOException, UnsupportedWorkflowException {
    return new WorkflowXml(source).parse(document(in, source).getDocumentElement());
  }

  private Workflow parse(Element app) throws UnsupportedWorkflowException {
    if (!WORKFLOW_NS.equals(app.getNamespaceURI()) || !app.getLocalName().equals("workflow-app")) {
      throw refuse("<" + app.getTagName() + "> in namespace " + app.getNamespaceURI(),
          "a <workflow-app> of " + WORKFLOW_NS);
    }
    attributes(app, "workflow-app");
    List<Element> children = children(app, "workflow-app",
        Set.of("parameters", "global", "start", "action", "decision", "fork", "join", "kill", "end"), Set.of("info"));
    Map<String, String> parameters = new LinkedHashMap<>();
    for (Element child : named(children, "parameters")) {
      parameters.putAll(properties(child, "parameters", true));
    }
    parameterNames = parameters.keySet();
    ElTemplate nameNode = null;
    ElTemplate resourceManager = null;
    Map<String, ElTemplate> configuration = new LinkedHashMap<>();
    for (Element global : named(children, "global")) {
      for (Element child : children(global, "global", Set.of("resource-manager", "name-node", "launcher",
          "configuration"), Set.of())) {
        switch (child.getLocalName()) {
          case "resource-manager" -> resourceManager = template(child, "global/resource-manager");
          case "name-node" -> nameNode = template(child, "global/name-node");
          // Read and checked, not kept: an in-process action has no launcher.
          case "launcher" -> template(only(child, "global/launcher", "queue"), "global/launcher/queue");
          default -> {
            for (Map.Entry<String, String> property : properties(child, "global/configuration", false).entrySet()) {
              configuration.put(property.getKey(), template(property.getValue(), "global/configuration"));
            }
          }
        }
      }
    }
    String start = null;
    Map<String, WorkflowNode> nodes = new LinkedHashMap<>();
    for (Element child : children) {
      String kind = child.getLocalName();
      switch (kind) {
        case "start" -> {
          if (start != null) {
            throw refuse("a second <start>", "one <start>");
          }
          start = attribute(child, "start", "to");
        }
        case "action" -> add(nodes, action(child));
        case "decision" -> add(nodes, decision(child));
        case "fork" -> add(nodes, fork(child));
        case "join" -> add(nodes, new WorkflowNode.Join(attribute(child, "join", "name"), attribute(child, "join", "to")));
        case "kill" -> {
          String name = attribute(child, "kill", "name");
          add(nodes, new WorkflowNode.Kill(name, template(only(child, "kill " + name, "message"), "kill " + name)));
        }
        case "end" -> add(nodes, new WorkflowNode.End(attribute(child, "end", "name")));
        case "info" -> sla(child);
        default -> {
          // parameters and global, read above
        }
      }
    }
    if (start == null) {
      throw refuse("a workflow without <start>", "one <start to=\"...\">");
    }
    Workflow workflow = new Workflow(source, template(app.getAttribute("name"), "workflow-app name"), parameters,
        nameNode, resourceManager, configuration, start, nodes);
    checkTargets(workflow);
    return workflow;
  }

  private WorkflowNode.Action action(Element action) throws UnsupportedWorkflowException {
    String name = attribute(action, "action", "name");
    String where = "action " + name;
    // Oozie retries only infrastructure error codes (a lost launcher, ...); in-process there is none, so the
    // attributes are accepted and checked, and the runner never retries.
    for (String attribute : List.of("retry-max", "retry-interval")) {
      if (action.hasAttribute(attribute)) {
        template(action.getAttribute(attribute), where + " " + attribute);
      }
    }
    List<Element> children = children(action, where, Set.of("java", "ok", "error"), Set.of());
    if (!children.stream().map(Element::getLocalName).toList().equals(List.of("java", "ok", "error"))) {
      throw refuse(where + " with " + children.stream().map(Element::getLocalName).toList(),
          "a <java> action followed by <ok> and <error> (other action types are not run locally)");
    }
    Element java = children.get(0);
    ElTemplate mainClass = null;
    List<ElTemplate> args = new ArrayList<>();
    boolean captureOutput = false;
    for (Element child : children(java, where + "/java", Set.of("main-class", "arg", "capture-output"), Set.of())) {
      switch (child.getLocalName()) {
        case "main-class" -> {
          if (mainClass != null) {
            throw refuse(where + " with a second <main-class>", "one main class");
          }
          mainClass = template(child, where + "/main-class");
        }
        case "arg" -> args.add(template(child, where + "/arg"));
        default -> captureOutput = true;
      }
    }
    if (mainClass == null) {
      throw refuse(where + " without <main-class>", "a main class");
    }
    return new WorkflowNode.Action(name, mainClass, args, captureOutput,
        attribute(named(children, "ok").get(0), where + "/ok", "to"),
        attribute(named(children, "error").get(0), where + "/error", "to"));
  }

  private WorkflowNode.Decision decision(Element decision) throws UnsupportedWorkflowException {
    String name = attribute(decision, "decision", "name");
    String where = "decision " + name;
    Element choices = only(decision, where, "switch");
    List<WorkflowNode.Case> cases = new ArrayList<>();
    String defaultTo = null;
    for (Element child : children(choices, where + "/switch", Set.of("case", "default"), Set.of())) {
      if (child.getLocalName().equals("case")) {
        cases.add(new WorkflowNode.Case(template(child, where + "/case"), attribute(child, where + "/case", "to")));
      } else if (defaultTo == null) {
        defaultTo = attribute(child, where + "/default", "to");
      } else {
        throw refuse(where + " with a second <default>", "one default");
      }
    }
    if (defaultTo == null) {
      throw refuse(where + " without <default>", "a default");
    }
    return new WorkflowNode.Decision(name, cases, defaultTo);
  }

  private WorkflowNode.Fork fork(Element fork) throws UnsupportedWorkflowException {
    String name = attribute(fork, "fork", "name");
    List<String> paths = new ArrayList<>();
    for (Element path : children(fork, "fork " + name, Set.of("path"), Set.of())) {
      paths.add(attribute(path, "fork " + name + "/path", "start"));
    }
    return new WorkflowNode.Fork(name, paths);
  }

  /** The SLA is Oozie's to record; read and checked here (its EL too), not measured locally. */
  private void sla(Element info) throws UnsupportedWorkflowException {
    for (Element child : children(info, "sla:info", Set.of(), Set.of("nominal-time", "should-start", "should-end"))) {
      template(child, "sla:" + child.getLocalName());
    }
  }

  private Map<String, String> properties(Element parent, String where, boolean valueOptional)
      throws UnsupportedWorkflowException {
    Map<String, String> properties = new LinkedHashMap<>();
    for (Element property : children(parent, where, Set.of("property"), Set.of())) {
      String name = null;
      String value = null;
      for (Element child : children(property, where + "/property", Set.of("name", "value", "description"), Set.of())) {
        switch (child.getLocalName()) {
          case "name" -> name = child.getTextContent().trim();
          case "value" -> value = child.getTextContent().trim();
          default -> {
            // documentation only
          }
        }
      }
      if (name == null || (value == null && !valueOptional)) {
        throw refuse(where + "/property " + name + " without its name or value", "<name> and <value>");
      }
      properties.put(name, value);
    }
    return properties;
  }

  private void add(Map<String, WorkflowNode> nodes, WorkflowNode node) throws UnsupportedWorkflowException {
    if (nodes.put(node.name(), node) != null) {
      throw refuse("two nodes named " + node.name(), "unique node names");
    }
  }

  /** Every transition names a node; the graph's soundness (reachability, joins) is oozie-it's WorkflowGraphTest. */
  private void checkTargets(Workflow workflow) throws UnsupportedWorkflowException {
    List<String> targets = new ArrayList<>(List.of(workflow.start()));
    for (WorkflowNode node : workflow.nodes().values()) {
      if (node instanceof WorkflowNode.Action action) {
        targets.addAll(List.of(action.ok(), action.error()));
      } else if (node instanceof WorkflowNode.Decision decision) {
        decision.cases().forEach(c -> targets.add(c.to()));
        targets.add(decision.defaultTo());
      } else if (node instanceof WorkflowNode.Fork fork) {
        targets.addAll(fork.paths());
      } else if (node instanceof WorkflowNode.Join join) {
        targets.add(join.to());
      }
    }
    for (String target : targets) {
      if (!workflow.nodes().containsKey(target)) {
        throw refuse("a transition to " + target, "a node of that name");
      }
    }
  }

  private ElTemplate template(Element element, String where) throws UnsupportedWorkflowException {
    children(element, where, Set.of(), Set.of());
    return template(element.getTextContent().trim(), where);
  }

  private ElTemplate template(String text, String where) throws UnsupportedWorkflowException {
    try {
      return ElTemplate.parse(text, parameterNames);
    } catch (UnsupportedWorkflowException e) {
      throw new UnsupportedWorkflowException(source + ": " + where + ": " + e.getMessage());
    }
  }

  private Element only(Element parent, String where, String name) throws UnsupportedWorkflowException {
    List<Element> children = children(parent, where, Set.of(name), Set.of());
    if (children.size() != 1) {
      throw refuse(where + " with " + children.size() + " <" + name + ">", "exactly one");
    }
    return children.get(0);
  }

  /**
   * The element children of {@code parent}, each of which must be one of {@code allowed} (workflow namespace)
   * or {@code allowedSla} (SLA namespace) with only its own attributes; text other than whitespace only where
   * there are no children.
   */
  private List<Element> children(Element parent, String where, Set<String> allowed, Set<String> allowedSla)
      throws UnsupportedWorkflowException {
    List<Element> children = new ArrayList<>();
    boolean text = false;
    for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
        text |= !child.getTextContent().isBlank();
      }
      if (child instanceof Element element) {
        String ns = element.getNamespaceURI();
        boolean known = WORKFLOW_NS.equals(ns) ? allowed.contains(element.getLocalName())
            : SLA_NS.equals(ns) && allowedSla.contains(element.getLocalName());
        if (!known) {
          throw refuse(where + ": element <" + element.getTagName() + ">", "only " + allowed
              + (allowedSla.isEmpty() ? "" : " and sla:" + allowedSla));
        }
        attributes(element, where + "/" + element.getLocalName());
        children.add(element);
      }
    }
    if (text && !children.isEmpty()) {
      throw refuse(where + ": text beside elements", "elements only");
    }
    return children;
  }

  private void attributes(Element element, String where) throws UnsupportedWorkflowException {
    Set<String> allowed = WORKFLOW_NS.equals(element.getNamespaceURI())
        ? ATTRIBUTES.getOrDefault(element.getLocalName(), Set.of()) : Set.of();
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Attr attribute = (Attr) attributes.item(i);
      String name = attribute.getName();
      if (!name.equals("xmlns") && !name.startsWith("xmlns:") && !allowed.contains(name)) {
        throw refuse(where + ": attribute " + name, "only " + allowed);
      }
    }
  }

  private String attribute(Element element, String where, String name) throws UnsupportedWorkflowException {
    if (!element.hasAttribute(name)) {
      throw refuse(where + " without attribute " + name, "a " + name);
    }
    return element.getAttribute(name);
  }

  private static List<Element> named(List<Element> elements, String name) {
    return elements.stream().filter(e -> e.getLocalName().equals(name)).toList();
  }

  private UnsupportedWorkflowException refuse(String found, String supported) {
    return new UnsupportedWorkflowException(source + ": " + found + " is not supported by the local runner ("
        + supported + ")");
  }

  private static Document document(InputStream in, String source) throws IOException {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      DocumentBuilder builder = factory.newDocumentBuilder();
      return builder.parse(in, source);
    } catch (ParserConfigurationException | SAXException e) {
      throw new IOException(source + ": not a readable workflow XML: " + e.getMessage(), e);
    }
  }
}
