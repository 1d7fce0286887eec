package io.mrsuite.jobs.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The local runner reads every shipped workflow, and refuses by name what it does not implement, so a
 * workflow cannot grow a construct the pipeline would silently skip.
 */
class WorkflowXmlTest {
  private static final String ACTION = """
      <action name="a" retry-max="2">
        <java>
          <main-class>io.mrsuite.jobs.MrSuiteDriver</main-class>
          <arg>ingest-events</arg>
          <arg>${date}</arg>
        </java>
        <ok to="end"/>
        <error to="fail"/>
      </action>""";

  @Test
  void everyShippedWorkflowLoads() throws Exception {
    assertEquals(List.of("compact", "ingest", "marts"), OozieApps.withWorkflows());
    for (String app : OozieApps.withWorkflows()) {
      Workflow workflow = OozieApps.load(app);
      assertTrue(workflow.name().toString().startsWith("mrsuite-" + app + "-${"), workflow.name().toString());
    }
  }

  @Test
  void theMartsWorkflowIsReadNodeForNode() throws Exception {
    Workflow marts = OozieApps.load("marts");

    assertEquals("dedup-events", marts.start());
    assertEquals(List.of("dedup-events", "enrich-events", "sessionize", "dq-report", "dq-gate", "publish-marts",
        "product-daily", "top-products", "funnel-daily", "revenue-daily", "marts-published", "dq-failed", "fail",
        "end"), List.copyOf(marts.nodes().keySet()));
    WorkflowNode.Action dq = (WorkflowNode.Action) marts.node("dq-report");
    assertEquals(List.of("dq-report", "--root", "${root}", "--date", "${date}", "--thresholds", "${dq_thresholds}",
        "--on-fail", "report", "--before-marts"), dq.args().stream().map(ElTemplate::toString).toList());
    assertTrue(dq.captureOutput());
    assertEquals("dq-gate", dq.ok());
    assertEquals("fail", dq.error());
    WorkflowNode.Decision gate = (WorkflowNode.Decision) marts.node("dq-gate");
    assertEquals(1, gate.cases().size());
    assertEquals("publish-marts", gate.cases().get(0).to());
    assertEquals("dq-failed", gate.defaultTo());
    assertEquals(List.of("product-daily", "funnel-daily", "revenue-daily"),
        ((WorkflowNode.Fork) marts.node("publish-marts")).paths());
    assertEquals("${queueName}", marts.configuration().get("mapreduce.job.queuename").toString());
    assertEquals("1", marts.parameters().get("late_days"));
    assertEquals(null, marts.parameters().get("dq_thresholds"), "required: no default");
  }

  @Test
  void whatTheRunnerDoesNotImplementIsRefusedByName() {
    assertRefused(ACTION.replace("<java>", "<java><prepare><delete path=\"${date}\"/></prepare>"),
        "action a/java: element <prepare> is not supported");
    assertRefused(ACTION.replace("<java>", "<map-reduce>").replace("</java>", "</map-reduce>"),
        "action a: element <map-reduce> is not supported");
    assertRefused(ACTION.replace("retry-max=\"2\"", "cred=\"hive\""), "workflow-app/action: attribute cred is not "
        + "supported");
    assertRefused(ACTION.replace("<ok to=\"end\"/>", "<ok to=\"end\" retry=\"1\"/>"), "attribute retry is not supported");
    assertRefused(ACTION.replace("<arg>ingest-events</arg>", "<main-class>x</main-class>"),
        "action a with a second <main-class>");
    assertRefused(ACTION.replace("<java>", "<java>stray"), "action a/java: text beside elements");
    assertRefused(ACTION.replace("<error to=\"fail\"/>", "<ok to=\"fail\"/>"),
        "action a with [java, ok, ok] is not supported");
    assertRefused(ACTION.replace("<ok to=\"end\"/>", "<ok to=\"nowhere\"/>"), "a transition to nowhere");
    assertRefused(ACTION.replace("${date}", "${wf:conf('x')}"), "action a/arg: ${wf:conf('x')}: function wf:conf");
    assertRefused(ACTION + "<sub-workflow/>", "element <sub-workflow> is not supported");
    assertRefused(ACTION + "<sla:info><sla:alert-contact>x</sla:alert-contact></sla:info>",
        "sla:info: element <sla:alert-contact> is not supported");
    UnsupportedWorkflowException e = assertThrows(UnsupportedWorkflowException.class,
        () -> read(workflow(ACTION).replace("workflow:1.0", "workflow:0.5")));
    assertTrue(e.getMessage().contains("<workflow-app> in namespace uri:oozie:workflow:0.5"), e.getMessage());
  }

  @Test
  void aMinimalWorkflowInTheSubsetLoads() throws Exception {
    Workflow workflow = read(workflow(ACTION));
    assertEquals("a", workflow.start());
    assertEquals(List.of("a", "end", "fail"), List.copyOf(workflow.nodes().keySet()));
  }

  private static void assertRefused(String nodes, String why) {
    UnsupportedWorkflowException e = assertThrows(UnsupportedWorkflowException.class, () -> read(workflow(nodes)));
    assertTrue(e.getMessage().startsWith("test.xml: "), e.getMessage());
    assertTrue(e.getMessage().contains(why), e.getMessage());
  }

  private static String workflow(String nodes) {
    return """
        <workflow-app name="t-${date}" xmlns="uri:oozie:workflow:1.0" xmlns:sla="uri:oozie:sla:0.2">
          <parameters><property><name>date</name></property></parameters>
          <start to="a"/>
        """ + nodes + """
          <end name="end"/>
          <kill name="fail"><message>failed at ${wf:lastErrorNode()}</message></kill>
        </workflow-app>
        """;
  }

  private static Workflow read(String xml) throws Exception {
    return WorkflowXml.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "test.xml");
  }
}
