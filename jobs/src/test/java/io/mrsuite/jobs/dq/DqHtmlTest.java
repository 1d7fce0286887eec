package io.mrsuite.jobs.dq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class DqHtmlTest {
  @Test
  void textFromTheDataIsEscapedEverywhere() {
    ObjectNode report = DqReport.JSON.createObjectNode();
    report.put("date", "2026-11-20");
    report.put("verdict", "FAIL");
    report.putArray("failed_checks").add("quarantine_rate:curated/<script>");
    report.putArray("findings").add("a & b \"quoted\" 'single'");
    ObjectNode dataset = report.putArray("datasets").addObject();
    dataset.put("dataset", "curated/<img src=x>");
    dataset.put("zone", "curated");
    dataset.put("complete", true);
    dataset.putObject("run").put("quarantine_rate", 0.5).putObject("quarantined_by_reason").put("<b>", 3);

    String html = DqHtml.render(report, List.of());

    assertFalse(html.contains("<script>"));
    assertFalse(html.contains("<img"));
    assertFalse(html.contains("><b></text>"));
    assertTrue(html.contains("quarantine_rate:curated/&lt;script&gt;"));
    assertTrue(html.contains("a &amp; b &quot;quoted&quot; &#39;single&#39;"));
    assertTrue(html.contains(">&lt;b&gt;</text>"), "bar label escaped");
  }

  @Test
  void escapeCoversTheFiveSpecialCharacters() {
    assertEquals("&lt;a href=&quot;x&quot;&gt;&amp;&#39;", Html.escape("<a href=\"x\">&'"));
  }
}
