package io.mrsuite.jobs.pipeline;

import io.mrsuite.jobs.dq.DqReportJob;
import io.mrsuite.jobs.run.ActionData;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** The counts of an action's captured data worth a glance, e.g. {@code  (read 277, written 237, ...)}. */
final class ActionSummary {
  private static final List<String> SHOWN = List.of(ActionData.READ, ActionData.WRITTEN, ActionData.QUARANTINED,
      ActionData.SKIPPED, ActionData.DUPLICATES_REMOVED, ActionData.ROWS, DqReportJob.VERDICT_KEY, DqReportJob.FAILED_CHECKS_KEY);

  private ActionSummary() {
  }

  /** The shown keys the data has, in a fixed order (duplicates removed only when some were); empty text when none. */
  static String of(Map<String, String> data) {
    StringJoiner text = new StringJoiner(", ", " (", ")").setEmptyValue("");
    for (String key : SHOWN) {
      String value = data.get(key);
      boolean noDuplicates = key.equals(ActionData.DUPLICATES_REMOVED) && "0".equals(value);
      if (value != null && !value.isEmpty() && !noDuplicates) {
        text.add(key.replace('_', ' ') + " " + value);
      }
    }
    return text.toString();
  }
}
