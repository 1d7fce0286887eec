package io.mrsuite.jobs.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The workflow EL the local runner evaluates: what mrsuite's files use, with Oozie's coercions, and nothing else. */
class ElTemplateTest {
  private static final Set<String> PARAMETERS = Set.of("date", "minutes");

  /** A workflow state where dq-report captured a FAIL and enrich-events failed. */
  private static final ElExpression.Context STATE = new ElExpression.Context() {
    @Override
    public String variable(String name) {
      return Map.of("date", "2026-11-20", "minutes", "240").get(name);
    }

    @Override
    public Map<String, String> actionData(String node) {
      return node.equals("dq-report") ? Map.of("dq_verdict", "FAIL", "dq_failed_checks", "a,b") : Map.of();
    }

    @Override
    public String lastErrorNode() {
      return "enrich-events";
    }

    @Override
    public String errorMessage(String node) {
      return node.equals("enrich-events") ? "exit code [1]" : null;
    }
  };

  @Test
  void textAndExpressionsRenderInOrder() throws Exception {
    assertEquals("marts of 2026-11-20 failed at [enrich-events]: exit code [1]", render(
        "marts of ${date} failed at [${wf:lastErrorNode()}]: ${wf:errorMessage(wf:lastErrorNode())}"));
    assertEquals("FAIL [a,b]", render("${wf:actionData('dq-report')['dq_verdict']} "
        + "[${wf:actionData(\"dq-report\")['dq_failed_checks']}]"));
    assertEquals("no variables", render("no variables"));
  }

  @Test
  void aMissingKeyIsNullRenderedEmptyAndUnequalToAnyString() throws Exception {
    assertEquals("[]", render("[${wf:actionData('sessionize')['dq_verdict']}]"));
    assertFalse(test("${wf:actionData('sessionize')['dq_verdict'] eq 'PASS'}"));
    assertTrue(test("${wf:actionData('sessionize')['dq_verdict'] ne 'PASS'}"));
    assertFalse(test("${wf:actionData('dq-report')['dq_verdict'] eq 'PASS'}"));
    assertTrue(test("${wf:actionData('dq-report')['dq_verdict'] eq 'FAIL'}"));
    assertEquals("", render("${wf:errorMessage('dedup-events')}"));
  }

  @Test
  void slaMinutesMultiplyAsNumbers() throws Exception {
    assertEquals("240", render("${minutes * MINUTES}"));
    assertEquals("480", render("${2 * minutes}"));
  }

  @Test
  void anythingOutsideTheSubsetIsRefusedWhenParsedNamingIt() {
    assertRefused("${wf:id()}", "function wf:id is not supported");
    assertRefused("${coord:current(0)}", "function coord:current is not supported");
    assertRefused("${nominal_time}", "'nominal_time' is not a parameter of this workflow");
    assertRefused("${date + 1}", "unexpected '+ 1'");
    assertRefused("${date", "${ without its }");
    assertRefused("${wf:lastErrorNode('x')}", "wf:lastErrorNode takes 0 argument(s)");
    assertRefused("${'open}", "${ without its }");
  }

  @Test
  void aDecisionCaseMustBeTrueOrFalse() throws Exception {
    UnsupportedWorkflowException e = assertThrows(UnsupportedWorkflowException.class, () -> test("${date}"));
    assertEquals("decision case '${date}' is '2026-11-20', not true or false", e.getMessage());
  }

  private static String render(String text) throws UnsupportedWorkflowException {
    return ElTemplate.parse(text, PARAMETERS).render(STATE);
  }

  private static boolean test(String text) throws UnsupportedWorkflowException {
    return ElTemplate.parse(text, PARAMETERS).test(STATE);
  }

  private static void assertRefused(String text, String why) {
    UnsupportedWorkflowException e = assertThrows(UnsupportedWorkflowException.class,
        () -> ElTemplate.parse(text, PARAMETERS));
    assertTrue(e.getMessage().contains(why), e.getMessage());
  }
}
