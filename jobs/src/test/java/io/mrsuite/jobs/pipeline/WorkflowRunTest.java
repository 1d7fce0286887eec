package io.mrsuite.jobs.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mrsuite.jobs.MrSuiteDriver;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The shipped ingest and marts workflows executed by the local runner with scripted actions: the path
 * taken, the arguments and configuration each action gets, the dq gate deciding on captured data, the kill
 * messages, and a fork's paths side by side.
 */
@Timeout(60)
class WorkflowRunTest {
  private static final String DRIVER = MrSuiteDriver.class.getName();
  private static final List<String> CHAIN = List.of("dedup-events", "enrich-events", "sessionize", "dq-report");
  private static final Set<String> MARTS = Set.of("product-daily", "top-products", "funnel-daily", "revenue-daily");

  /** Actions that answer from a script and record what they were asked to run. */
  private static final class ScriptedActions implements JavaActions {
    final List<String> ran = Collections.synchronizedList(new ArrayList<>());
    final Map<String, List<String>> args = Collections.synchronizedMap(new HashMap<>());
    final Map<String, Map<String, String>> confs = Collections.synchronizedMap(new HashMap<>());
    private final Function<String, ActionResult> script;

    ScriptedActions(Function<String, ActionResult> script) {
      this.script = script;
    }

    @Override
    public ActionResult run(String node, String mainClass, List<String> actionArgs, Map<String, String> actionConf,
        boolean captureOutput) {
      assertEquals(DRIVER, mainClass);
      ran.add(node);
      args.put(node, actionArgs);
      confs.put(node, actionConf);
      return script.apply(node);
    }
  }

  private static JavaActions.ActionResult ok(Map<String, String> data) {
    return new JavaActions.ActionResult(0, data, null);
  }

  private static JavaActions.ActionResult dqVerdict(String node, String verdict, String failedChecks) {
    return ok(node.equals("dq-report") ? Map.of("dq_verdict", verdict, "dq_failed_checks", failedChecks,
        "dq_report", "/w/reports/dq/dt=2026-11-20/dq.json") : Map.of("rows", "3"));
  }

  @Test
  void aPassingGatePublishesTheFourMartsAfterTheChain() throws Exception {
    ScriptedActions actions = new ScriptedActions(node -> dqVerdict(node, "PASS", ""));

    WorkflowRun.Outcome outcome = run("marts", martsProperties(), actions, 2);

    assertEquals(WorkflowRun.Status.SUCCEEDED, outcome.status());
    assertEquals("mrsuite-marts-2026-11-20", outcome.workflow());
    assertEquals(CHAIN, actions.ran.subList(0, 4));
    assertEquals(MARTS, Set.copyOf(actions.ran.subList(4, 8)));
    assertEquals(8, actions.ran.size());
    assertTrue(actions.ran.indexOf("top-products") > actions.ran.indexOf("product-daily"),
        "top-products reads product_daily: " + actions.ran);
    assertEquals(List.of("revenue-daily", "--root", "/w", "--date", "2026-11-20", "--late-days", "1"),
        actions.args.get("revenue-daily"));
    assertEquals(Map.of("fs.defaultFS", "file:///", "yarn.resourcemanager.address", "local",
        "mapreduce.job.queuename", "etl"), actions.confs.get("dedup-events"));
    assertEquals("-> publish-marts", result(outcome, "dq-gate"));
    assertEquals(Map.of("rows", "3"), outcome.actionData("funnel-daily"));
  }

  @Test
  void aFailingGateKillsTheWorkflowNamingTheChecksAndNoMartRuns() throws Exception {
    ScriptedActions actions = new ScriptedActions(node -> dqVerdict(node, "FAIL",
        "quarantine_rate:curated/events,duplicate_rate"));

    WorkflowRun.Outcome outcome = run("marts", martsProperties(), actions, 2);

    assertEquals(WorkflowRun.Status.KILLED, outcome.status());
    assertEquals("dq-failed", outcome.killNode());
    assertEquals("marts of 2026-11-20 not published: dq-report FAIL [quarantine_rate:curated/events,duplicate_rate], "
        + "report /w/reports/dq/dt=2026-11-20/dq.json", outcome.message());
    assertEquals(CHAIN, actions.ran);
  }

  @Test
  void aGateWithoutAVerdictPublishesNothing() throws Exception {
    ScriptedActions actions = new ScriptedActions(node -> ok(Map.of()));

    WorkflowRun.Outcome outcome = run("marts", martsProperties(), actions, 2);

    assertEquals("dq-failed", outcome.killNode());
    assertEquals("marts of 2026-11-20 not published: dq-report FAIL [], report ", outcome.message());
    assertEquals(CHAIN, actions.ran);
  }

  @Test
  void aFailedActionTakesItsErrorTransitionAndTheKillMessageNamesIt() throws Exception {
    ScriptedActions actions = new ScriptedActions(node -> node.equals("enrich-events")
        ? new JavaActions.ActionResult(1, Map.of(), null) : dqVerdict(node, "PASS", ""));

    WorkflowRun.Outcome outcome = run("marts", martsProperties(), actions, 2);

    assertEquals("fail", outcome.killNode());
    assertEquals("marts of 2026-11-20 failed at [enrich-events]: Main Class [org.apache.oozie.action.hadoop.JavaMain], "
        + "exit code [1]", outcome.message());
    assertEquals(List.of("dedup-events", "enrich-events"), actions.ran);
    assertEquals("ERROR", result(outcome, "enrich-events"));
  }

  @Test
  void theIngestForkRunsItsFourJobsSideBySide() throws Exception {
    CountDownLatch allStarted = new CountDownLatch(4);
    ScriptedActions actions = new ScriptedActions(node -> {
      allStarted.countDown();
      try {
        // Returns only once all four are running: a runner that ran them one by one would time out here.
        assertTrue(allStarted.await(20, TimeUnit.SECONDS), node + " waited alone");
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
      return ok(Map.of("read", "1"));
    });

    WorkflowRun.Outcome outcome = run("ingest", ingestProperties(), actions, 4);

    assertEquals(WorkflowRun.Status.SUCCEEDED, outcome.status());
    assertEquals(Set.of("ingest-events", "ingest-orders", "ingest-products", "ingest-fx"), Set.copyOf(actions.ran));
    assertEquals(List.of("ingest-events", "--root", "/w", "--date", "2026-11-21", "--late-days", "1"),
        actions.args.get("ingest-events"));
  }

  @Test
  void aFailedPathStopsTheOthersBeforeTheirNextAction() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    // One slot: the other three paths wait for it while the first action fails.
    ScriptedActions actions = new ScriptedActions(node -> calls.incrementAndGet() == 1
        ? new JavaActions.ActionResult(1, Map.of(), null) : ok(Map.of()));

    WorkflowRun.Outcome outcome = run("ingest", ingestProperties(), actions, 1);

    assertEquals(WorkflowRun.Status.KILLED, outcome.status());
    assertEquals(1, actions.ran.size(), "only the failed action ran: " + actions.ran);
    assertEquals("ingest of 2026-11-21 failed at [" + actions.ran.get(0) + "]: Main Class "
        + "[org.apache.oozie.action.hadoop.JavaMain], exit code [1]", outcome.message());
  }

  @Test
  void atMostParallelActionsRunAtOnce() throws Exception {
    for (int parallel : new int[] {1, 2}) {
      AtomicInteger running = new AtomicInteger();
      AtomicInteger most = new AtomicInteger();
      CountDownLatch together = new CountDownLatch(parallel);
      ScriptedActions actions = new ScriptedActions(node -> {
        most.accumulateAndGet(running.incrementAndGet(), Math::max);
        together.countDown();
        try {
          // The first `parallel` actions hold their slots until all of them run; a third would only get one
          // when an action returns.
          assertTrue(together.await(20, TimeUnit.SECONDS), node + " waited alone");
          TimeUnit.MILLISECONDS.sleep(20);
        } catch (InterruptedException e) {
          throw new AssertionError(e);
        }
        running.decrementAndGet();
        return ok(Map.of());
      });

      assertEquals(WorkflowRun.Status.SUCCEEDED, run("ingest", ingestProperties(), actions, parallel).status());
      assertEquals(parallel, most.get(), "actions at once with parallel " + parallel);
      assertEquals(4, actions.ran.size());
    }
  }

  @Test
  void aFailureOnOnePathOfTheForkKillsTheWorkflow() throws Exception {
    ScriptedActions actions = new ScriptedActions(node -> node.equals("ingest-orders")
        ? new JavaActions.ActionResult(1, Map.of(), "java.io.IOException: disk full") : ok(Map.of()));

    WorkflowRun.Outcome outcome = run("ingest", ingestProperties(), actions, 1);

    assertEquals(WorkflowRun.Status.KILLED, outcome.status());
    assertEquals("fail", outcome.killNode());
    assertEquals("ingest of 2026-11-21 failed at [ingest-orders]: java.io.IOException: disk full", outcome.message());
    assertNull(outcome.nodes().stream().filter(n -> n.node().equals("day-ingested")).findFirst().orElse(null),
        "the join is never reached");
  }

  @Test
  void aRequiredParameterWithoutAValueIsRefusedBeforeAnythingRuns() throws Exception {
    Map<String, String> properties = martsProperties();
    properties.remove("dq_thresholds");
    ScriptedActions actions = new ScriptedActions(node -> ok(Map.of()));

    UnsupportedWorkflowException e = assertThrows(UnsupportedWorkflowException.class,
        () -> new WorkflowRun(OozieApps.load("marts"), properties, actions, 1, quiet()));
    assertTrue(e.getMessage().endsWith("parameters required but not given and without a default: [dq_thresholds]"),
        e.getMessage());
    assertEquals(List.of(), actions.ran);
  }

  private static WorkflowRun.Outcome run(String app, Map<String, String> properties, JavaActions actions,
      int parallel) throws Exception {
    return new WorkflowRun(OozieApps.load(app), properties, actions, parallel, quiet()).run();
  }

  private static String result(WorkflowRun.Outcome outcome, String node) {
    return outcome.nodes().stream().filter(n -> n.node().equals(node)).findFirst().orElseThrow().result();
  }

  private static Map<String, String> ingestProperties() {
    Map<String, String> properties = new HashMap<>();
    properties.put("nameNode", "file:///");
    properties.put("resourceManager", "local");
    properties.put("root", "/w");
    properties.put("date", "2026-11-21");
    properties.put("nominal_time", "2026-11-22T00:00Z");
    return properties;
  }

  private static Map<String, String> martsProperties() {
    Map<String, String> properties = ingestProperties();
    properties.put("date", "2026-11-20");
    properties.put("nominal_time", "2026-11-20T00:00Z");
    properties.put("queueName", "etl");
    properties.put("dq_thresholds", "/apps/dq-thresholds.properties");
    return properties;
  }

  private static PrintStream quiet() {
    return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
  }
}
