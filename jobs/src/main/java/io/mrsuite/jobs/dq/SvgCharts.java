package io.mrsuite.jobs.dq;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Inline SVG charts for dq.html: drawn as text here, so the page needs no script and no network. Every
 * label goes through {@link Html#escape}.
 */
public final class SvgCharts {
  /** Colours of the trend's lines, one per dataset in turn. */
  private static final List<String> PALETTE = List.of("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e",
      "#8c564b", "#e377c2", "#17becf");
  private static final int BAR_HEIGHT = 18;
  private static final int LABEL_WIDTH = 170;
  private static final int BAR_AREA = 300;

  private SvgCharts() {
  }

  /** Horizontal bars, one per entry, longest for the largest value, each labelled with its count. */
  public static String bars(String title, Map<String, Long> values) {
    long max = values.values().stream().mapToLong(Long::longValue).max().orElse(1);
    int height = values.size() * (BAR_HEIGHT + 4) + 4;
    StringBuilder svg = new StringBuilder();
    svg.append(String.format(Locale.ROOT, "<svg role=\"img\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\">",
        LABEL_WIDTH + BAR_AREA + 60, height, LABEL_WIDTH + BAR_AREA + 60, height));
    svg.append("<title>").append(Html.escape(title)).append("</title>");
    int y = 4;
    for (Map.Entry<String, Long> entry : values.entrySet()) {
      long width = max == 0 ? 0 : Math.max(1, entry.getValue() * BAR_AREA / max);
      svg.append(String.format(Locale.ROOT,
          "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" class=\"label\">%s</text>", LABEL_WIDTH - 6, y + 13,
          Html.escape(entry.getKey())));
      svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" class=\"bar\"/>",
          LABEL_WIDTH, y, width, BAR_HEIGHT));
      svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"label\">%d</text>",
          LABEL_WIDTH + width + 4, y + 13, entry.getValue()));
      y += BAR_HEIGHT + 4;
    }
    return svg.append("</svg>").toString();
  }

  /**
   * The trend of a rate over a row of days: one line per series (gaps where a day has no value), the
   * days' verdicts as coloured squares under the axis.
   *
   * @param days the x axis, oldest first
   * @param verdicts per day: PASS, FAIL or null (no report that day)
   * @param series per name, one rate per day or null
   */
  static String trend(String title, List<String> days, List<String> verdicts, Map<String, List<Double>> series) {
    int left = 60;
    int top = 10;
    int plotWidth = 560;
    int plotHeight = 180;
    int width = left + plotWidth + 20;
    int legendTop = top + plotHeight + 60;
    int height = legendTop + series.size() * 18 + 10;
    double max = series.values().stream().flatMap(List::stream).filter(v -> v != null)
        .mapToDouble(Double::doubleValue).max().orElse(0);
    double scale = max <= 0 ? 1 : max * 1.1;
    double step = days.size() > 1 ? (double) plotWidth / (days.size() - 1) : 0;
    StringBuilder svg = new StringBuilder();
    svg.append(String.format(Locale.ROOT, "<svg role=\"img\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\">",
        width, height, width, height));
    svg.append("<title>").append(Html.escape(title)).append("</title>");
    svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" class=\"axis\"/>", left,
        top + plotHeight, left + plotWidth, top + plotHeight));
    svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" class=\"axis\"/>", left, top,
        left, top + plotHeight));
    svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" class=\"label\">%s</text>",
        left - 4, top + 10, Html.escape(percent(scale))));
    svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" class=\"label\">0%%</text>",
        left - 4, top + plotHeight));
    for (int i = 0; i < days.size(); i++) {
      double x = left + i * step;
      String verdict = verdicts.get(i);
      String css = verdict == null ? "none" : verdict.equals(Verdict.PASS.name()) ? "pass" : "fail";
      svg.append(String.format(Locale.ROOT,
          "<rect x=\"%.1f\" y=\"%d\" width=\"10\" height=\"10\" class=\"%s\"><title>%s %s</title></rect>", x - 5,
          top + plotHeight + 8, css, Html.escape(days.get(i)), Html.escape(verdict == null ? "no report" : verdict)));
      if (i % 2 == days.size() % 2 || i == days.size() - 1) {
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" class=\"label\">%s</text>",
            x, top + plotHeight + 34, Html.escape(days.get(i).substring(5))));
      }
    }
    int colour = 0;
    for (Map.Entry<String, List<Double>> line : series.entrySet()) {
      String stroke = PALETTE.get(colour++ % PALETTE.size());
      StringBuilder points = new StringBuilder();
      List<Double> values = line.getValue();
      for (int i = 0; i < values.size(); i++) {
        Double value = values.get(i);
        if (value == null) {
          appendPolyline(svg, points, stroke);
          continue;
        }
        double x = left + i * step;
        double y = top + plotHeight - value / scale * plotHeight;
        points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
        svg.append(String.format(Locale.ROOT,
            "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"><title>%s %s: %s</title></circle>", x, y, stroke,
            Html.escape(line.getKey()), Html.escape(days.get(i)), Html.escape(percent(value))));
      }
      appendPolyline(svg, points, stroke);
      int legendY = legendTop + (colour - 1) * 18;
      svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"4\" fill=\"%s\"/>", left,
          legendY - 4, stroke));
      svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"label\">%s</text>", left + 18, legendY,
          Html.escape(line.getKey())));
    }
    return svg.append("</svg>").toString();
  }

  private static void appendPolyline(StringBuilder svg, StringBuilder points, String stroke) {
    if (points.length() > 0) {
      svg.append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"").append(stroke).append("\" points=\"")
          .append(points.toString().trim()).append("\"/>");
      points.setLength(0);
    }
  }

  static String percent(double fraction) {
    return String.format(Locale.ROOT, "%.2f%%", fraction * 100);
  }
}
