package io.mrsuite.oozie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every workflow under oozie/ is a sound graph; the checks themselves are shown to catch each kind of
 * fault on small workflows that Oozie's schema alone would accept.
 */
class WorkflowGraphTest {
  @TempDir
  Path tmp;

  static List<Path> workflows() throws IOException {
    return OozieApps.workflows();
  }

  @Test
  void theShippedWorkflowsAreAmongThoseChecked() throws IOException {
    for (String app : List.of("ingest", "marts", "compact")) {
      assertFalse(workflows().stream().noneMatch(file -> file.endsWith("apps/" + app + "/workflow.xml")), app);
    }
  }

  @ParameterizedTest
  @MethodSource("workflows")
  void isASoundGraph(Path workflow) {
    assertEquals(List.of(), WorkflowGraph.of(OozieApps.parse(workflow)).problems(), workflow.toString());
  }

  @Test
  void aTransitionToAMissingNodeIsFound() throws IOException {
    assertEquals(List.of("'a' goes to 'ned', which does not exist"), problems("""
        <start to="a"/>
        <action name="a"><fs/><ok to="ned"/><error to="fail"/></action>
        """));
  }

  @Test
  void anUnreachableNodeIsFound() throws IOException {
    assertEquals(List.of("'b' is not reachable from the start"), problems("""
        <start to="a"/>
        <action name="a"><fs/><ok to="end"/><error to="fail"/></action>
        <action name="b"><fs/><ok to="end"/><error to="fail"/></action>
        """));
  }

  @Test
  void aCycleIsFound() throws IOException {
    assertEquals(List.of("cycle: a -> b -> a"), problems("""
        <start to="a"/>
        <action name="a"><fs/><ok to="b"/><error to="fail"/></action>
        <action name="b"><fs/><ok to="a"/><error to="end"/></action>
        """));
  }

  @Test
  void aForkWithoutItsJoinIsFound() throws IOException {
    assertEquals(List.of("fork 'f': path 'b' reaches no join"), problems("""
        <start to="f"/>
        <fork name="f"><path start="a"/><path start="b"/></fork>
        <action name="a"><fs/><ok to="j"/><error to="fail"/></action>
        <action name="b"><fs/><ok to="end"/><error to="fail"/></action>
        <join name="j" to="end"/>
        """));
  }

  @Test
  void aForkWhosePathsReachDifferentJoinsIsFound() throws IOException {
    assertEquals(List.of("fork 'f': its paths reach different joins [j1, j2]", "join 'j1' closes no fork",
        "join 'j2' closes no fork"), problems("""
        <start to="f"/>
        <fork name="f"><path start="a"/><path start="b"/></fork>
        <action name="a"><fs/><ok to="j1"/><error to="fail"/></action>
        <action name="b"><fs/><ok to="j2"/><error to="fail"/></action>
        <join name="j1" to="end"/>
        <join name="j2" to="end"/>
        """));
  }

  @Test
  void nestedForksEachClosedByTheirOwnJoinAreSound() throws IOException {
    assertEquals(List.of(), problems("""
        <start to="outer"/>
        <fork name="outer"><path start="inner"/><path start="c"/></fork>
        <fork name="inner"><path start="a"/><path start="b"/></fork>
        <action name="a"><fs/><ok to="inner-done"/><error to="fail"/></action>
        <action name="b"><fs/><ok to="inner-done"/><error to="fail"/></action>
        <join name="inner-done" to="d"/>
        <action name="d"><fs/><ok to="outer-done"/><error to="fail"/></action>
        <action name="c"><fs/><ok to="outer-done"/><error to="fail"/></action>
        <join name="outer-done" to="end"/>
        """));
  }

  @Test
  void aDecisionCaseToAMissingNodeIsFound() throws IOException {
    assertEquals(List.of("'gate' goes to 'publsh', which does not exist"), problems("""
        <start to="a"/>
        <action name="a"><fs/><ok to="gate"/><error to="fail"/></action>
        <decision name="gate"><switch><case to="publsh">${true}</case><default to="fail"/></switch></decision>
        <action name="publish"><fs/><ok to="end"/><error to="fail"/></action>
        """));
  }

  @Test
  void aDecisionGatingAForkIsSound() throws IOException {
    assertEquals(List.of(), problems("""
        <start to="gate"/>
        <decision name="gate"><switch><case to="f">${true}</case><default to="fail"/></switch></decision>
        <fork name="f"><path start="a"/><path start="b"/></fork>
        <action name="a"><fs/><ok to="j"/><error to="fail"/></action>
        <action name="b"><fs/><ok to="j"/><error to="fail"/></action>
        <join name="j" to="end"/>
        """));
  }

  @Test
  void aDecisionInAForkWhoseCaseEndsTheWorkflowIsFound() throws IOException {
    assertEquals(List.of("fork 'f': path 'd' can reach [end] without a join"), problems("""
        <start to="f"/>
        <fork name="f"><path start="d"/><path start="b"/></fork>
        <decision name="d"><switch><case to="a">${true}</case><default to="end"/></switch></decision>
        <action name="a"><fs/><ok to="j"/><error to="fail"/></action>
        <action name="b"><fs/><ok to="j"/><error to="fail"/></action>
        <join name="j" to="end"/>
        """));
  }

  @Test
  void aDecisionInAForkWhoseCaseKillsTheWorkflowIsSound() throws IOException {
    assertEquals(List.of(), problems("""
        <start to="f"/>
        <fork name="f"><path start="d"/><path start="b"/></fork>
        <decision name="d"><switch><case to="a">${true}</case><default to="fail"/></switch></decision>
        <action name="a"><fs/><ok to="j"/><error to="fail"/></action>
        <action name="b"><fs/><ok to="j"/><error to="fail"/></action>
        <join name="j" to="end"/>
        """));
  }

  /** The problems of a workflow made of {@code nodes} plus a kill node "fail" and an end node "end". */
  private List<String> problems(String nodes) throws IOException {
    Path file = Files.createTempFile(tmp, "workflow", ".xml");
    Files.writeString(file, "<workflow-app name='w' xmlns='uri:oozie:workflow:1.0'>" + nodes
        + "<kill name='fail'><message>failed</message></kill><end name='end'/></workflow-app>");
    return WorkflowGraph.of(OozieApps.parse(file)).problems();
  }
}
