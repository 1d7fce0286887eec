package io.mrsuite.oozie.it;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.hadoop.conf.Configuration;
import org.apache.oozie.client.CoordinatorAction;
import org.apache.oozie.client.CoordinatorJob;
import org.apache.oozie.client.OozieClient;
import org.apache.oozie.client.OozieClientException;
import org.apache.oozie.client.WorkflowAction;
import org.apache.oozie.client.WorkflowJob;

/** Waiting for Oozie jobs and reading what they recorded: statuses, captured action data, configuration. */
final class OozieJobs {
  private static final List<WorkflowJob.Status> ENDED = List.of(WorkflowJob.Status.SUCCEEDED,
      WorkflowJob.Status.KILLED, WorkflowJob.Status.FAILED);
  /** Long enough for a few input checks: failsafe sets Oozie's requeue interval to seconds. */
  private static final Duration COORDINATOR_WAIT = Duration.ofMinutes(2);

  private OozieJobs() {
  }

  /** The workflow once it has ended (the class's @Timeout bounds the wait). */
  static WorkflowJob awaitEnd(OozieClient client, String id) throws OozieClientException, InterruptedException {
    WorkflowJob workflow = client.getJobInfo(id);
    while (!ENDED.contains(workflow.getStatus())) {
      TimeUnit.SECONDS.sleep(1);
      workflow = client.getJobInfo(id);
    }
    return workflow;
  }

  /** The coordinator's only action, once it has {@code status}. */
  static CoordinatorAction awaitAction(OozieClient client, String id, CoordinatorAction.Status status)
      throws OozieClientException, InterruptedException {
    long deadline = System.nanoTime() + COORDINATOR_WAIT.toNanos();
    CoordinatorJob job = client.getCoordJobInfo(id);
    while (System.nanoTime() < deadline) {
      if (!job.getActions().isEmpty() && job.getActions().get(0).getStatus() == status) {
        return job.getActions().get(0);
      }
      TimeUnit.SECONDS.sleep(1);
      job = client.getCoordJobInfo(id);
    }
    throw new AssertionError("no action " + status + " within " + COORDINATOR_WAIT + ": coordinator "
        + job.getStatus() + ", actions " + job.getActions().stream().map(action -> action.getStatus() + " missing "
        + action.getMissingDependencies() + " " + action.getErrorMessage()).toList());
  }

  /**
   * The coordinator's actions once {@code done} holds for them (Oozie lists them in nominal-time order); {@code
   * what} names the wait in the error.
   */
  static List<CoordinatorAction> awaitActions(OozieClient client, String id, Predicate<List<CoordinatorAction>> done,
      String what) throws OozieClientException, InterruptedException {
    Duration wait = COORDINATOR_WAIT.multipliedBy(2);
    long deadline = System.nanoTime() + wait.toNanos();
    List<CoordinatorAction> actions = client.getCoordJobInfo(id).getActions();
    while (!done.test(actions)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not " + what + " within " + wait + ": " + actions.stream()
            .map(action -> action.getNominalTime() + " " + action.getStatus() + " " + action.getExternalId()
                + " missing " + action.getMissingDependencies())
            .toList());
      }
      TimeUnit.SECONDS.sleep(1);
      actions = client.getCoordJobInfo(id).getActions();
    }
    return actions;
  }

  /** The workflow's configuration as submitted (by a client or a coordinator). */
  static Configuration conf(OozieClient client, String id) throws OozieClientException {
    Configuration conf = new Configuration(false);
    conf.addResource(new ByteArrayInputStream(client.getJobInfo(id).getConf().getBytes(StandardCharsets.UTF_8)));
    return conf;
  }

  static WorkflowAction action(WorkflowJob workflow, String name) {
    return workflow.getActions().stream().filter(action -> action.getName().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no action " + name + ": " + describe(workflow)));
  }

  /** Each node the workflow went through (actions, control nodes, the end or kill node) and its status. */
  static Map<String, WorkflowAction.Status> statuses(WorkflowJob workflow) {
    Map<String, WorkflowAction.Status> statuses = new TreeMap<>();
    workflow.getActions().forEach(action -> statuses.put(action.getName(), action.getStatus()));
    return statuses;
  }

  /** What an assertion on the workflow prints: each node's status, error code and message. */
  static String describe(WorkflowJob workflow) {
    StringBuilder text = new StringBuilder(workflow.getId()).append(' ').append(workflow.getStatus());
    for (WorkflowAction action : workflow.getActions()) {
      text.append('\n').append(action.getName()).append(' ').append(action.getStatus()).append(' ')
          .append(action.getErrorCode()).append(' ').append(action.getErrorMessage());
    }
    return text.toString();
  }

  /** The action's capture-output, as wf:actionData reads it. */
  static Map<String, String> captured(WorkflowAction action) throws IOException {
    Properties data = new Properties();
    data.load(new StringReader(action.getData()));
    Map<String, String> result = new TreeMap<>();
    data.stringPropertyNames().forEach(name -> result.put(name, data.getProperty(name)));
    return result;
  }
}
