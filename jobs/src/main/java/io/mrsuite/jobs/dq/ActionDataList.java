package io.mrsuite.jobs.dq;

/**
 * A list as one value of Oozie action data ({@code wf:actionData('dq-report')['dq_failed_checks']}). Oozie
 * refuses captured output above {@code oozie.action.max.output.data} (2048 characters by default), so a long
 * list of failed checks is cut to fit well below it.
 */
final class ActionDataList {
  static final int MAX_VALUE_CHARS = 1500;

  private ActionDataList() {
  }

  /** {@code items} joined by commas, cut at whole items to at most {@value #MAX_VALUE_CHARS} characters. */
  static String joinWithin(Iterable<String> items) {
    StringBuilder joined = new StringBuilder();
    int left = 0;
    for (String item : items) {
      if (left > 0 || joined.length() + item.length() + 1 > MAX_VALUE_CHARS - 20) {
        left++;
        continue;
      }
      joined.append(joined.length() == 0 ? "" : ",").append(item);
    }
    return left == 0 ? joined.toString() : joined + ",...(" + left + " more)";
  }
}
