package io.mrsuite.oozie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mrsuite.jobs.DriverJobs;
import io.mrsuite.jobs.MrSuiteDriver;
import io.mrsuite.jobs.compact.CompactJob;
import io.mrsuite.jobs.ingest.events.IngestEventsJob;
import io.mrsuite.jobs.retention.RetentionJob;
import io.mrsuite.jobs.tables.TableMaintenanceJob;
import io.mrsuite.jobs.tool.JobCommandLines;
import io.mrsuite.jobs.tool.UsageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;

/**
 * Every action of every workflow under oozie/ runs a job the jar's driver lists, with a command line that
 * job's own option parser accepts, hands its books to the workflow, retries transient failures, and fails
 * into a kill node that says why.
 */
class WorkflowActionsTest {
  /** What a kill node must report: the message of the action that failed. */
  static final String ERROR_MESSAGE_EL = "${wf:errorMessage(wf:lastErrorNode())}";
  /**
   * Jobs that hand no books to the workflow: compact's go to each partition's manifest, retention's to its own
   * manifest, and maintain-tables reads no records (it prints what it expired and removed).
   */
  static final Set<String> JOBS_WITHOUT_ACTION_DATA = Set.of(CompactJob.NAME, RetentionJob.NAME,
      TableMaintenanceJob.NAME);
  private static final Pattern ACTION_DATA = Pattern.compile("wf:actionData\\('([^']*)'\\)");

  static List<Path> workflows() throws IOException {
    return OozieApps.workflows();
  }

  @ParameterizedTest
  @MethodSource("workflows")
  void everyActionRunsADriverJobWithArgumentsItAccepts(Path workflow) throws IOException {
    Map<String, Class<?>> jobs = DriverJobs.mainClasses();
    List<JavaAction> actions = JavaAction.of(OozieApps.parse(workflow).getDocumentElement());
    assertFalse(actions.isEmpty(), workflow + " has no action");
    for (JavaAction action : actions) {
      String where = workflow.getFileName() + " action '" + action.name() + "'";
      assertEquals(MrSuiteDriver.class.getName(), action.mainClass().orElse("(not a java action)"), where);
      assertFalse(action.args().isEmpty(), where + " names no job");
      String job = action.args().get(0);
      assertTrue(jobs.containsKey(job), where + ": '" + job + "' is not a job of the driver " + jobs.keySet());
      String[] jobArgs = action.args().subList(1, action.args().size()).toArray(new String[0]);
      try {
        JobCommandLines.parse(jobs.get(job), jobArgs);
      } catch (UsageException e) {
        throw new AssertionError(where + ": " + job + " rejects " + List.of(jobArgs) + ": " + e.getMessage(), e);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("workflows")
  void everyActionCapturesItsBooksRetriesAndFailsIntoAKillNodeThatSaysWhy(Path workflow) {
    Element root = OozieApps.parse(workflow).getDocumentElement();
    WorkflowGraph graph = WorkflowGraph.of(OozieApps.parse(workflow));
    for (JavaAction action : JavaAction.of(root)) {
      String where = workflow.getFileName() + " action '" + action.name() + "'";
      if (JOBS_WITHOUT_ACTION_DATA.contains(action.args().get(0))) {
        assertFalse(action.capturesOutput(), where + ": capture-output, but " + action.args().get(0)
            + " writes no action data");
      } else {
        assertTrue(action.capturesOutput(), where + " has no capture-output: its books would be lost to the workflow");
      }
      assertFalse(action.retryMax().isEmpty(), where + " has no retry-max");
      assertFalse(action.retryInterval().isEmpty(), where + " has no retry-interval");
      assertEquals("kill", graph.nodes().get(action.errorTo()).kind(), where + ": error goes to " + action.errorTo());
      String message = WorkflowGraph.children(root).stream()
          .filter(node -> node.getLocalName().equals("kill") && node.getAttribute("name").equals(action.errorTo()))
          .findFirst().orElseThrow().getTextContent();
      assertTrue(message.contains(ERROR_MESSAGE_EL), where + ": kill message without " + ERROR_MESSAGE_EL);
    }
  }

  /** Every wf:actionData('name') of a workflow reads an action of that name that captures its output. */
  @ParameterizedTest
  @MethodSource("workflows")
  void everyActionDataReadNamesAnActionThatCapturesOutput(Path workflow) throws IOException {
    assertEquals(List.of(), actionDataReadsOfNoCapturingAction(workflow), workflow.toString());
  }

  @Test
  void anActionDataReadOfAnActionThatCapturesNothingIsCaught(@TempDir Path tmp) throws IOException {
    Path workflow = tmp.resolve("workflow.xml");
    Files.writeString(workflow, """
        <workflow-app name="w" xmlns="uri:oozie:workflow:1.0">
          <start to="a"/>
          <action name="a"><java><main-class>M</main-class></java><ok to="gate"/><error to="fail"/></action>
          <decision name="gate"><switch>
            <case to="end">${wf:actionData('a')['x'] eq 'y' and wf:actionData('b')['x'] eq 'y'}</case>
            <default to="fail"/>
          </switch></decision>
          <kill name="fail"><message>failed</message></kill>
          <end name="end"/>
        </workflow-app>
        """);
    assertEquals(List.of("wf:actionData('a')", "wf:actionData('b')"), actionDataReadsOfNoCapturingAction(workflow));
  }

  /** The wf:actionData reads of {@code workflow} whose action does not exist or captures no output. */
  private static List<String> actionDataReadsOfNoCapturingAction(Path workflow) throws IOException {
    List<String> capturing = JavaAction.of(OozieApps.parse(workflow).getDocumentElement()).stream()
        .filter(JavaAction::capturesOutput).map(JavaAction::name).toList();
    List<String> wrong = new ArrayList<>();
    Matcher read = ACTION_DATA.matcher(Files.readString(workflow));
    while (read.find()) {
      if (!capturing.contains(read.group(1))) {
        wrong.add(read.group());
      }
    }
    return wrong;
  }

  @Test
  void aCommandLineTheJobWouldRejectIsCaught() {
    UsageException rejected = assertThrows(UsageException.class, () -> JobCommandLines.parse(IngestEventsJob.class,
        new String[] {"-D", "a=b", "--root", "${root}", "--dates", "${date}"}));
    assertEquals("unknown option --dates", rejected.getMessage());
  }
}
