package io.mrsuite.jobs.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mrsuite.jobs.MrSuiteDriver;
import io.mrsuite.jobs.dq.DqReportJob;
import io.mrsuite.jobs.warehouse.Dataset;
import io.mrsuite.jobs.warehouse.Zone;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The local runner reads every shipped workflow, and refuses by name what it does not implement, so a
 * workflow cannot grow a construct the pipeline would silently skip. What it reads has the properties that
 * matter: every action runs a job of the driver, every path ends in an end or kill node, and no mart is
 * built before the dq gate passes. Each check is shown catching its fault in a broken copy of a workflow.
 */
class WorkflowXmlTest {
  private static final Set<String> DRIVER_JOBS = MrSuiteDriver.jobs().keySet();
  /** The jobs that write a mart, as the dataset registry says. */
  private static final Set<String> MART_JOBS = Dataset.inZone(Zone.MARTS).stream()
      .map(mart -> mart.writer().orElseThrow()).collect(Collectors.toSet());
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
    assertEquals(List.of("compact", "ingest", "marts", "pull"), OozieApps.withWorkflows());
    for (String app : OozieApps.withWorkflows()) {
      Workflow workflow = OozieApps.load(app);
      assertTrue(workflow.name().toString().startsWith("mrsuite-" + app + "-${"), workflow.name().toString());
    }
  }

  @Test
  void everyJavaActionRunsAJobOfTheDriver() throws Exception {
    for (String app : OozieApps.withWorkflows()) {
      assertEquals(List.of(), WorkflowChecks.actionsOfNoDriverJob(OozieApps.load(app), DRIVER_JOBS), app);
    }
  }

  @Test
  void anActionOfAnotherClassOrAnUnknownJobIsFound() throws Exception {
    String marts = OozieApps.text("marts");
    assertEquals(List.of("top-products runs 'top-product', which is not a job of the driver"),
        WorkflowChecks.actionsOfNoDriverJob(read(changed(marts, "<arg>top-products</arg>", "<arg>top-product</arg>")),
            DRIVER_JOBS));
    assertEquals(List.of("dedup-events runs io.mrsuite.jobs.Other, not io.mrsuite.jobs.MrSuiteDriver"),
        WorkflowChecks.actionsOfNoDriverJob(read(changed(marts, "<main-class>io.mrsuite.jobs.MrSuiteDriver<",
            "<main-class>io.mrsuite.jobs.Other<")), DRIVER_JOBS));
  }

  @Test
  void everyPathFromTheStartEndsInAnEndOrKillNode() throws Exception {
    for (String app : OozieApps.withWorkflows()) {
      assertEquals(List.of(), WorkflowChecks.pathsNotEndingInEndOrKill(OozieApps.load(app)), app);
    }
  }

  @Test
  void aCycleOrANodeLeadingNowhereIsFound() throws Exception {
    String marts = OozieApps.text("marts");
    // The first mart to join is top-products: sent back to product-daily, the two loop.
    assertEquals(List.of("cycle: product-daily -> top-products -> product-daily"),
        WorkflowChecks.pathsNotEndingInEndOrKill(read(changed(marts, "<ok to=\"marts-published\"/>",
            "<ok to=\"product-daily\"/>"))));
    assertEquals(List.of("publish-marts leads nowhere and is neither an end nor a kill node"),
        WorkflowChecks.pathsNotEndingInEndOrKill(read(marts.replaceAll("<path start=\"[^\"]*\"/>", ""))));
  }

  @Test
  void theDqGatePrecedesEveryMartAction() throws Exception {
    Set<String> martsRuns = WorkflowChecks.actions(OozieApps.load("marts")).stream().map(WorkflowChecks::job)
        .collect(Collectors.toSet());
    assertFalse(MART_JOBS.isEmpty(), "the registry names no job writing marts/");
    assertTrue(martsRuns.containsAll(MART_JOBS), "mart jobs " + MART_JOBS + ", the marts workflow runs " + martsRuns);
    for (String app : OozieApps.withWorkflows()) {
      assertEquals(List.of(), WorkflowChecks.martsNotBehindTheDqGate(OozieApps.load(app), MART_JOBS), app);
    }
  }

  @Test
  void aMartReachedAroundTheDqGateIsFound() throws Exception {
    String marts = OozieApps.text("marts");
    // enrich-events failing would start revenue-daily.
    assertEquals(List.of("revenue-daily is reached other than through the PASS case of dq-gate"),
        WorkflowChecks.martsNotBehindTheDqGate(read(marts.replaceFirst(
            "(<ok to=\"sessionize\"/>\\s*)<error to=\"fail\"/>", "$1<error to=\"revenue-daily\"/>")), MART_JOBS));
    // A verdict other than PASS would publish too.
    assertEquals(List.of("product-daily", "top-products", "funnel-daily", "revenue-daily").stream()
            .map(mart -> mart + " is reached other than through the PASS case of dq-gate").toList(),
        WorkflowChecks.martsNotBehindTheDqGate(read(changed(marts, "<default to=\"dq-failed\"/>",
            "<default to=\"publish-marts\"/>")), MART_JOBS));
    // A run without a verdict would publish: no gate.
    assertEquals(List.of("no decision on dq-report's dq_verdict being PASS"),
        WorkflowChecks.martsNotBehindTheDqGate(read(changed(marts, "['dq_verdict'] eq 'PASS'",
            "['dq_verdict'] ne 'FAIL'")), MART_JOBS));
  }

  @Test
  void theMartsWorkflowsGateIsReadAsWritten() throws Exception {
    Workflow marts = OozieApps.load("marts");
    WorkflowNode.Action dq = WorkflowChecks.actions(marts).stream()
        .filter(action -> WorkflowChecks.job(action).equals(DqReportJob.NAME)).findFirst().orElseThrow();
    assertEquals(List.of("dq-report", "--root", "${root}", "--date", "${date}", "--thresholds", "${dq_thresholds}",
        "--on-fail", "report", "--before-marts"), dq.args().stream().map(ElTemplate::toString).toList());
    assertTrue(dq.captureOutput());
    assertInstanceOf(WorkflowNode.Kill.class, marts.node(dq.error()));
    WorkflowNode.Decision gate = assertInstanceOf(WorkflowNode.Decision.class, marts.node(dq.ok()));
    assertEquals(List.of("${wf:actionData('" + dq.name() + "')['dq_verdict'] eq 'PASS'}"),
        gate.cases().stream().map(c -> c.predicate().toString()).toList());
    assertInstanceOf(WorkflowNode.Kill.class, marts.node(gate.defaultTo()));
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

  /** {@code xml} with the first {@code from} replaced; {@code from} must be there, so a check never runs unbroken. */
  private static String changed(String xml, String from, String to) {
    assertTrue(xml.contains(from), from);
    return xml.replaceFirst(Pattern.quote(from), Matcher.quoteReplacement(to));
  }

  private static Workflow read(String xml) throws Exception {
    return WorkflowXml.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "test.xml");
  }
}
