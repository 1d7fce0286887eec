package io.mrsuite.jobs.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One {@code ${...}} expression of Oozie's workflow EL, restricted to what mrsuite's workflows use.
 *
 * <p>That is string and integer literals, workflow parameters, the constant {@code MINUTES}, {@code a eq b},
 * {@code a ne b}, {@code a * b}, indexing a map ({@code m['key']}), and the functions
 * {@code wf:actionData(node)}, {@code wf:lastErrorNode()} and {@code wf:errorMessage(node)}. Anything else is
 * refused when parsed.
 *
 * <p>Values follow JSP EL's coercions as Oozie evaluates them: a missing map key is null, null compares unequal
 * to any string, and renders as the empty string.
 */
final class ElExpression {
  /** What the functions read: the workflow's state at the moment of evaluation. */
  interface Context {
    /** A parameter's value; only declared parameters are ever asked for. */
    String variable(String name);

    /** {@code wf:actionData(node)}: the node's captured output, empty when it captured none. */
    Map<String, String> actionData(String node);

    /** {@code wf:lastErrorNode()}: the last action that ended in error, or null. */
    String lastErrorNode();

    /** {@code wf:errorMessage(node)}: that action's error message, or null. */
    String errorMessage(String node);
  }

  /** SLA durations are in minutes: Oozie's {@code MINUTES} constant multiplies a number of minutes by 1. */
  static final String MINUTES = "MINUTES";
  private static final Set<String> FUNCTIONS = Set.of("wf:actionData", "wf:lastErrorNode", "wf:errorMessage");

  /** A parsed expression, as a tree of terms. */
  private sealed interface Term permits Literal, Variable, Call, Index, Binary {
  }

  /** A string or integer literal. */
  private record Literal(Object value) implements Term {
  }

  /** A workflow parameter, or the constant {@code MINUTES}. */
  private record Variable(String name) implements Term {
  }

  /** A call of one of the {@code wf:} functions. */
  private record Call(String function, List<Term> args) implements Term {
  }

  /** Indexing a map: {@code target[key]}. */
  private record Index(Term target, Term key) implements Term {
  }

  /** {@code eq}, {@code ne} or {@code *} applied to two terms. */
  private record Binary(String operator, Term left, Term right) implements Term {
  }

  private final String text;
  private final Term term;

  private ElExpression(String text, Term term) {
    this.text = text;
    this.term = term;
  }

  /**
   * Parses the inside of {@code ${...}}.
   *
   * @param parameters the workflow's declared parameters: any other name is refused
   */
  static ElExpression parse(String text, Set<String> parameters) throws UnsupportedWorkflowException {
    Parser parser = new Parser(text, parameters);
    Term term = parser.expression();
    parser.expectEnd();
    return new ElExpression(text, term);
  }

  Object evaluate(Context context) throws UnsupportedWorkflowException {
    return evaluate(term, context);
  }

  /** The expression's value as Oozie puts it into text: null as "", everything else as its string. */
  static String render(Object value) {
    return value == null ? "" : value.toString();
  }

  private Object evaluate(Term t, Context context) throws UnsupportedWorkflowException {
    if (t instanceof Literal literal) {
      return literal.value();
    }
    if (t instanceof Variable variable) {
      return variable.name().equals(MINUTES) ? Long.valueOf(1) : context.variable(variable.name());
    }
    if (t instanceof Index index) {
      Object target = evaluate(index.target(), context);
      if (!(target instanceof Map<?, ?> map)) {
        throw new UnsupportedWorkflowException("${" + text + "}: only a map can be indexed, not " + target);
      }
      return map.get(render(evaluate(index.key(), context)));
    }
    if (t instanceof Call call) {
      List<String> args = new ArrayList<>();
      for (Term arg : call.args()) {
        args.add(render(evaluate(arg, context)));
      }
      return switch (call.function()) {
        case "wf:actionData" -> context.actionData(args.get(0));
        case "wf:lastErrorNode" -> context.lastErrorNode();
        default -> context.errorMessage(args.get(0));
      };
    }
    Binary binary = (Binary) t;
    Object left = evaluate(binary.left(), context);
    Object right = evaluate(binary.right(), context);
    return switch (binary.operator()) {
      case "eq" -> equal(left, right);
      case "ne" -> !equal(left, right);
      default -> number(left) * number(right);
    };
  }

  private static boolean equal(Object left, Object right) {
    if (left == null || right == null) {
      return left == right;
    }
    return render(left).equals(render(right));
  }

  private long number(Object value) throws UnsupportedWorkflowException {
    if (value instanceof Long number) {
      return number;
    }
    try {
      return Long.parseLong(render(value).trim());
    } catch (NumberFormatException e) {
      throw new UnsupportedWorkflowException("${" + text + "}: '" + render(value) + "' is not an integer");
    }
  }

  /** Recursive descent over: expression := product (('eq'|'ne') product)?; product := postfix ('*' postfix)*. */
  private static final class Parser {
    private final String text;
    private final Set<String> parameters;
    private int at;

    Parser(String text, Set<String> parameters) {
      this.text = text;
      this.parameters = parameters;
    }

    Term expression() throws UnsupportedWorkflowException {
      Term left = product();
      skipSpace();
      for (String operator : List.of("eq", "ne")) {
        if (keyword(operator)) {
          return new Binary(operator, left, product());
        }
      }
      return left;
    }

    void expectEnd() throws UnsupportedWorkflowException {
      skipSpace();
      if (at < text.length()) {
        throw refuse("unexpected '" + text.substring(at) + "'");
      }
    }

    private Term product() throws UnsupportedWorkflowException {
      Term left = postfix();
      skipSpace();
      while (at < text.length() && text.charAt(at) == '*') {
        at++;
        left = new Binary("*", left, postfix());
        skipSpace();
      }
      return left;
    }

    private Term postfix() throws UnsupportedWorkflowException {
      Term term = primary();
      skipSpace();
      while (at < text.length() && text.charAt(at) == '[') {
        at++;
        Term key = expression();
        expect(']');
        term = new Index(term, key);
        skipSpace();
      }
      return term;
    }

    private Term primary() throws UnsupportedWorkflowException {
      skipSpace();
      if (at >= text.length()) {
        throw refuse("expression ends early");
      }
      char c = text.charAt(at);
      if (c == '\'' || c == '"') {
        return new Literal(string(c));
      }
      if (Character.isDigit(c)) {
        int start = at;
        while (at < text.length() && Character.isDigit(text.charAt(at))) {
          at++;
        }
        return new Literal(Long.valueOf(text.substring(start, at)));
      }
      if (!isNameStart(c)) {
        throw refuse("unexpected '" + c + "'");
      }
      String name = name();
      if (at < text.length() && text.charAt(at) == ':') {
        at++;
        String function = name + ":" + name();
        if (!FUNCTIONS.contains(function)) {
          throw refuse("function " + function + " is not supported (only " + FUNCTIONS + ")");
        }
        return new Call(function, arguments(function));
      }
      if (!name.equals(MINUTES) && !parameters.contains(name)) {
        throw refuse("'" + name + "' is not a parameter of this workflow (declare it in <parameters>)");
      }
      return new Variable(name);
    }

    private List<Term> arguments(String function) throws UnsupportedWorkflowException {
      expect('(');
      List<Term> args = new ArrayList<>();
      skipSpace();
      if (at < text.length() && text.charAt(at) == ')') {
        at++;
      } else {
        args.add(expression());
        expect(')');
      }
      int wanted = function.equals("wf:lastErrorNode") ? 0 : 1;
      if (args.size() != wanted) {
        throw refuse(function + " takes " + wanted + " argument(s)");
      }
      return args;
    }

    private String string(char quote) throws UnsupportedWorkflowException {
      StringBuilder value = new StringBuilder();
      at++;
      while (at < text.length()) {
        char c = text.charAt(at++);
        if (c == '\\' && at < text.length()) {
          value.append(text.charAt(at++));
        } else if (c == quote) {
          return value.toString();
        } else {
          value.append(c);
        }
      }
      throw refuse("unterminated string");
    }

    private String name() {
      int start = at;
      while (at < text.length() && (isNameStart(text.charAt(at)) || Character.isDigit(text.charAt(at)))) {
        at++;
      }
      return text.substring(start, at);
    }

    private boolean keyword(String word) {
      int end = at + word.length();
      if (text.startsWith(word, at) && (end == text.length() || !isNameStart(text.charAt(end)))) {
        at = end;
        return true;
      }
      return false;
    }

    private void expect(char c) throws UnsupportedWorkflowException {
      skipSpace();
      if (at >= text.length() || text.charAt(at) != c) {
        throw refuse("expected '" + c + "'");
      }
      at++;
    }

    private void skipSpace() {
      while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
        at++;
      }
    }

    private static boolean isNameStart(char c) {
      return Character.isLetter(c) || c == '_';
    }

    private UnsupportedWorkflowException refuse(String why) {
      return new UnsupportedWorkflowException("${" + text + "}: " + why + " (at character " + (at + 1) + ")");
    }
  }
}
