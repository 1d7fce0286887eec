package io.mrsuite.jobs.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A text of a workflow file with {@code ${...}} expressions in it, e.g. {@code marts of ${date} failed}.
 * Parsed once when the file is loaded; rendered each time a node runs, against the workflow's state then.
 */
final class ElTemplate {
  private final String text;
  /** Literal text and expressions, in order: a String or an ElExpression. */
  private final List<Object> parts;

  private ElTemplate(String text, List<Object> parts) {
    this.text = text;
    this.parts = parts;
  }

  static ElTemplate parse(String text, Set<String> parameters) throws UnsupportedWorkflowException {
    List<Object> parts = new ArrayList<>();
    int at = 0;
    while (at < text.length()) {
      int open = text.indexOf("${", at);
      if (open < 0) {
        parts.add(text.substring(at));
        break;
      }
      int close = closingBrace(text, open + 2);
      if (close < 0) {
        throw new UnsupportedWorkflowException("'" + text + "': ${ without its }");
      }
      if (open > at) {
        parts.add(text.substring(at, open));
      }
      parts.add(ElExpression.parse(text.substring(open + 2, close), parameters));
      at = close + 1;
    }
    return new ElTemplate(text, parts);
  }

  /** The text with each expression replaced by its value. */
  String render(ElExpression.Context context) throws UnsupportedWorkflowException {
    StringBuilder rendered = new StringBuilder();
    for (Object part : parts) {
      rendered.append(part instanceof ElExpression expression
          ? ElExpression.render(expression.evaluate(context)) : (String) part);
    }
    return rendered.toString();
  }

  /** A decision's case: the text must be one expression whose value is true or false. */
  boolean test(ElExpression.Context context) throws UnsupportedWorkflowException {
    String value = render(context).trim();
    if (!value.equals("true") && !value.equals("false")) {
      throw new UnsupportedWorkflowException("decision case '" + text + "' is '" + value + "', not true or false");
    }
    return Boolean.parseBoolean(value);
  }

  @Override
  public String toString() {
    return text;
  }

  /** The } closing the expression opened before {@code from}, skipping braces inside quoted strings. */
  private static int closingBrace(String text, int from) {
    char quote = 0;
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        if (c == '\\') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '}') {
        return i;
      }
    }
    return -1;
  }
}
