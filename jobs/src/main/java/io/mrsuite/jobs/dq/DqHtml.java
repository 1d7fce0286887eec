package io.mrsuite.jobs.dq;

import com.fasterxml.jackson.databind.JsonNode;
import io.mrsuite.jobs.warehouse.Zone;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Draws dq.html, one self-contained page, from dq.json trees.
 *
 * <p>The page has inline CSS and SVG, no script and no link out. Drawing it from dq.json trees lets the trend
 * read earlier days' reports the same way. The verdict comes first, then the checks, then each dataset's
 * counts, quarantine reasons and column profile, then the trend of the last {@value #TREND_DAYS} days.
 */
final class DqHtml {
  static final String FILE = "dq.html";
  static final int TREND_DAYS = 14;

  private static final String STYLE = """
      body{font-family:system-ui,sans-serif;margin:24px;color:#222;max-width:1100px}
      table{border-collapse:collapse;margin:8px 0 16px}td,th{border:1px solid #ccc;padding:3px 8px;text-align:left}
      td.n{text-align:right;font-variant-numeric:tabular-nums}th{background:#f3f3f3}
      .verdict{font-size:28px;font-weight:bold;padding:12px 18px;border-radius:6px;color:#fff;display:inline-block}
      .verdict.PASS{background:#2e7d32}.verdict.FAIL{background:#c62828}
      tr.failed td{background:#fdecea}.label{font-size:12px;fill:#333}.bar{fill:#c62828}
      .axis{stroke:#888}.pass{fill:#2e7d32}.fail{fill:#c62828}.none{fill:#ddd}
      h2{margin-top:32px;border-bottom:1px solid #ddd}small{color:#666}
      """;

  private DqHtml() {
  }

  /**
   * @param report today's dq.json tree
   * @param earlier dq.json trees of earlier days within the trend window, any order
   */
  static String render(JsonNode report, List<JsonNode> earlier) {
    StringBuilder html = new StringBuilder();
    String date = report.path("date").asText();
    String verdict = report.path("verdict").asText();
    html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
        .append(Html.escape("dq-report " + date + ": " + verdict)).append("</title><style>").append(STYLE)
        .append("</style></head><body>");
    html.append("<h1>Data quality, ").append(Html.escape(date)).append("</h1>");
    html.append("<div class=\"verdict ").append(Html.escape(verdict)).append("\">").append(Html.escape(verdict))
        .append("</div>");
    List<String> failed = new ArrayList<>();
    report.path("failed_checks").forEach(n -> failed.add(n.asText()));
    html.append("<p>").append(failed.isEmpty() ? "Every check is within its threshold."
        : "Failed checks: <b>" + Html.escape(String.join(", ", failed)) + "</b>").append("</p>");
    appendChecks(html, report);
    appendFindings(html, report);
    appendDatasetSummary(html, report);
    report.path("datasets").forEach(dataset -> appendDataset(html, dataset));
    appendTrend(html, report, earlier);
    html.append("<p><small>").append(Html.escape("Distinct counts are approximate: "
        + report.path("distinct_counts").path("method").asText() + ", relative standard error about "
        + SvgCharts.percent(report.path("distinct_counts").path("relative_standard_error").asDouble())
        + "; other counts are exact. Run " + report.path("run_id").asText() + ", generated "
        + report.path("generated").asText() + ".")).append("</small></p>");
    return html.append("</body></html>\n").toString();
  }

  private static void appendChecks(StringBuilder html, JsonNode report) {
    html.append("<h2>Checks</h2><table><tr><th>check</th><th>measured</th><th>limit</th><th>result</th>"
        + "<th>how</th></tr>");
    for (JsonNode check : report.path("checks")) {
      boolean passed = check.path("passed").asBoolean();
      html.append(passed ? "<tr>" : "<tr class=\"failed\">");
      cell(html, check.path("name").asText());
      boolean rate = check.path("unit").asText().equals("rate");
      numberCell(html, rate ? SvgCharts.percent(check.path("measured").asDouble()) : check.path("measured").asText());
      numberCell(html, rate ? SvgCharts.percent(check.path("limit").asDouble()) : check.path("limit").asText());
      cell(html, passed ? "pass" : "FAIL");
      cell(html, check.path("detail").asText());
      html.append("</tr>");
    }
    html.append("</table>");
  }

  private static void appendFindings(StringBuilder html, JsonNode report) {
    if (report.path("findings").isEmpty()) {
      return;
    }
    html.append("<h2>Findings</h2><ul>");
    report.path("findings").forEach(f -> html.append("<li>").append(Html.escape(f.asText())).append("</li>"));
    html.append("</ul>");
  }

  private static void appendDatasetSummary(StringBuilder html, JsonNode report) {
    html.append("<h2>Datasets</h2><table><tr><th>dataset</th><th>complete</th><th>job</th><th>read</th>"
        + "<th>written</th><th>quarantined</th><th>skipped</th><th>duplicates removed</th><th>quarantine rate</th>"
        + "<th>records profiled</th></tr>");
    for (JsonNode dataset : report.path("datasets")) {
      JsonNode run = dataset.path("run");
      html.append("<tr>");
      cell(html, dataset.path("dataset").asText());
      cell(html, dataset.path("complete").asBoolean() ? "yes" : "NO");
      cell(html, run.path("job").asText("-"));
      for (String field : List.of("read", "written", "quarantined", "skipped", "duplicates_removed")) {
        numberCell(html, run.has(field) ? run.path(field).asText() : "-");
      }
      numberCell(html, run.has("quarantine_rate") ? SvgCharts.percent(run.path("quarantine_rate").asDouble()) : "-");
      numberCell(html, dataset.has("records") ? dataset.path("records").asText() : "-");
      html.append("</tr>");
    }
    html.append("</table>");
  }

  private static void appendDataset(StringBuilder html, JsonNode dataset) {
    String label = dataset.path("dataset").asText();
    html.append("<h2>").append(Html.escape(label)).append("</h2>");
    if (!dataset.path("complete").asBoolean()) {
      html.append("<p><b>Incomplete</b>: no _SUCCESS, not profiled.</p>");
    }
    Map<String, Long> reasons = new LinkedHashMap<>();
    dataset.path("run").path("quarantined_by_reason").fields()
        .forEachRemaining(e -> reasons.put(e.getKey(), e.getValue().asLong()));
    if (!reasons.isEmpty() && dataset.path("zone").asText().equals(Zone.CURATED.dir())) {
      html.append("<h3>Quarantine reasons</h3>").append(SvgCharts.bars("Quarantined records of " + label
          + " by reason", reasons));
    }
    JsonNode columns = dataset.path("columns");
    if (columns.isEmpty()) {
      return;
    }
    html.append("<h3>Columns</h3><table><tr><th>column</th><th>type</th><th>nulls</th><th>null rate</th>"
        + "<th>distinct (approx.)</th><th>95% bounds</th><th>min</th><th>max</th></tr>");
    columns.fields().forEachRemaining(entry -> {
      JsonNode column = entry.getValue();
      long rows = column.path("rows").asLong();
      long nulls = column.path("nulls").asLong();
      html.append("<tr>");
      cell(html, entry.getKey());
      cell(html, column.path("type").asText());
      numberCell(html, Long.toString(nulls));
      numberCell(html, rows == 0 ? "-" : SvgCharts.percent((double) nulls / rows));
      JsonNode distinct = column.path("distinct");
      numberCell(html, distinct.path("estimate").asText());
      numberCell(html, distinct.path("lower_bound").asText() + " .. " + distinct.path("upper_bound").asText());
      cell(html, column.has("min") ? column.path("min").asText() : "");
      cell(html, column.has("max") ? column.path("max").asText() : "");
      html.append("</tr>");
    });
    html.append("</table>");
  }

  private static void appendTrend(StringBuilder html, JsonNode report, List<JsonNode> earlier) {
    LocalDate date = LocalDate.parse(report.path("date").asText());
    Map<String, JsonNode> byDate = new TreeMap<>();
    earlier.forEach(r -> byDate.put(r.path("date").asText(), r));
    byDate.put(date.toString(), report);
    List<String> days = new ArrayList<>();
    List<String> verdicts = new ArrayList<>();
    Map<String, List<Double>> rates = new TreeMap<>();
    for (int i = TREND_DAYS - 1; i >= 0; i--) {
      days.add(date.minusDays(i).toString());
    }
    for (int i = 0; i < days.size(); i++) {
      JsonNode day = byDate.get(days.get(i));
      verdicts.add(day == null ? null : day.path("verdict").asText());
      if (day == null) {
        continue;
      }
      for (JsonNode dataset : day.path("datasets")) {
        if (dataset.path("zone").asText().equals(Zone.CURATED.dir()) && dataset.path("run").has("quarantine_rate")) {
          List<Double> line = rates.computeIfAbsent(dataset.path("dataset").asText(), k -> nulls(TREND_DAYS));
          line.set(i, dataset.path("run").path("quarantine_rate").asDouble());
        }
      }
    }
    html.append("<h2>Trend, last ").append(TREND_DAYS).append(" days</h2><p>Quarantine rate of each curated "
        + "dataset's run, and each day's verdict (green pass, red fail, grey no report). ")
        .append(byDate.size() == 1 ? "No earlier reports yet: only today is shown." : (byDate.size() - 1)
            + " earlier report(s) found.").append("</p>");
    html.append(SvgCharts.trend("Quarantine rate by day", days, verdicts, rates));
  }

  private static List<Double> nulls(int size) {
    List<Double> list = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      list.add(null);
    }
    return list;
  }

  private static void cell(StringBuilder html, String text) {
    html.append("<td>").append(Html.escape(text)).append("</td>");
  }

  private static void numberCell(StringBuilder html, String text) {
    html.append("<td class=\"n\">").append(Html.escape(text)).append("</td>");
  }
}
