package io.mrsuite.oozie.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mrsuite.jobs.common.ActionData;
import io.mrsuite.oozie.OozieApps;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.MRJobConfig;
import org.apache.oozie.client.CoordinatorAction;
import org.apache.oozie.client.CoordinatorJob;
import org.apache.oozie.client.OozieClient;
import org.apache.oozie.client.OozieClientException;
import org.apache.oozie.client.WorkflowAction;
import org.apache.oozie.client.WorkflowJob;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The shipped {@code oozie/apps/ingest}, deployed as on a cluster (lib/ holding the job jar the build
 * made) and run by a real Oozie over HDFS + YARN on the hand-checked sample warehouse: a day whose raw
 * partitions are all there succeeds with exactly the expected books in every curated partition and in
 * the actions' captured output; a day missing its events ends in the kill node, which names the action
 * and its error; the coordinator waits for the raw partitions' done flags, then starts the workflow for
 * the day before its nominal time.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class IngestAppIT {
  private static final String DAY = "2026-11-20";
  private static final String DAY_WITHOUT_EVENTS = "2026-11-21";
  /** Dataset of each ingest job, and the file of its expectations in test-data/expected. */
  private static final Map<String, String> DATASETS = Map.of(
      "ingest-events", "events", "ingest-orders", "orders", "ingest-products", "products", "ingest-fx", "fx_rates");
  /** Between the URIs of a coordinator action's missing dependencies (Oozie's CoordELFunctions). */
  private static final String MISSING_DEPENDENCY_SEPARATOR = "#";
  /** Long enough for a few input checks: failsafe sets Oozie's requeue interval to seconds. */
  private static final Duration COORDINATOR_WAIT = Duration.ofMinutes(2);
  private static final List<WorkflowJob.Status> ENDED = List.of(WorkflowJob.Status.SUCCEEDED,
      WorkflowJob.Status.KILLED, WorkflowJob.Status.FAILED);

  private static EmbeddedOozie oozie;
  private static FileSystem fs;
  private static Path root;
  private static Path app;

  @BeforeAll
  static void startOozieAndDeploy() throws Exception {
    oozie = new EmbeddedOozie("ingest");
    oozie.start();
    // Tiny jobs run their tasks inside their application master (uber mode), one container instead of
    // several per job; set as the embedded Oozie's default for java actions, so it reaches the jobs only
    // through the action configuration they load (oozie.action.conf.xml). The it module runs the same
    // jobs with a container per task.
    oozie.setActionDefaults("java", Map.of(MRJobConfig.JOB_UBERTASK_ENABLE, "true"));
    fs = oozie.fs();
    root = new Path(oozie.dir(), "warehouse");
    fs.copyFromLocalFile(false, true, new Path(TestData.warehouse().resolve("raw").toUri()), new Path(root, "raw"));
    app = new Path(oozie.dir(), "apps/ingest");
    fs.copyFromLocalFile(new Path(OozieApps.dir().resolve("apps/ingest/workflow.xml").toUri()),
        new Path(app, "workflow.xml"));
    fs.copyFromLocalFile(new Path(OozieApps.dir().resolve("apps/ingest/coordinator.xml").toUri()),
        new Path(app, "coordinator.xml"));
    fs.copyFromLocalFile(new Path(TestData.jobJar().toUri()), new Path(app, "lib/mrsuite-jobs.jar"));
  }

  @AfterAll
  static void stopOozie() throws Exception {
    if (oozie != null) {
      oozie.stop();
    }
  }

  @Test
  void aCompleteDayEndsSucceededWithTheExpectedBooksInEveryPartition() throws Exception {
    WorkflowJob workflow = run(DAY);

    assertEquals(WorkflowJob.Status.SUCCEEDED, workflow.getStatus(), actions(workflow));
    for (Map.Entry<String, String> job : DATASETS.entrySet()) {
      String dataset = job.getValue();
      ExpectedBooks expected = ExpectedBooks.expected(TestData.expected(job.getKey() + ".json"), DAY);
      Path curated = partition("curated", dataset, DAY);
      Path quarantine = partition("quarantine", dataset, DAY);
      assertEquals(expected, ExpectedBooks.manifest(fs, curated), dataset);
      assertTrue(fs.exists(new Path(curated, "_SUCCESS")), curated + "/_SUCCESS");
      assertTrue(fs.exists(new Path(quarantine, "_SUCCESS")), quarantine + "/_SUCCESS");
      assertEquals(actionData(job.getKey(), expected, curated, quarantine),
          captured(action(workflow, job.getKey())), "wf:actionData('" + job.getKey() + "')");
    }
  }

  @Test
  void aDayWithoutItsRawEventsEndsKilledSayingWhichActionFailedAndWhy() throws Exception {
    fs.delete(new Path(root, "raw/events/dt=" + DAY_WITHOUT_EVENTS), true);

    WorkflowJob workflow = run(DAY_WITHOUT_EVENTS);

    assertEquals(WorkflowJob.Status.KILLED, workflow.getStatus(), actions(workflow));
    WorkflowAction failed = action(workflow, "ingest-events");
    assertEquals(WorkflowAction.Status.ERROR, failed.getStatus());
    assertEquals("1", failed.getErrorCode(), "the job's exit code");
    // The launcher reports the exit code of its own main, JavaMain, which runs the driver; the job's one
    // line saying why is in the launcher's log. An exception instead of exit 1 would read better here
    // but become error code JA018, which Oozie retries: a missing partition would be retried in vain.
    assertEquals("ingest of " + DAY_WITHOUT_EVENTS + " failed at [ingest-events]: Main Class ["
        + "org.apache.oozie.action.hadoop.JavaMain], exit code [1]", action(workflow, "fail").getErrorMessage());
    assertFalse(fs.exists(partition("curated", "events", DAY_WITHOUT_EVENTS)), "no curated events for the day");
  }

  @Test
  void theCoordinatorWaitsForEveryRawPartitionsDoneFlagThenRunsTheWorkflowForTheDayBefore() throws Exception {
    // A warehouse of its own: the workflow this starts is killed half-way.
    Path coordRoot = new Path(oozie.dir(), "coordinator-warehouse");
    fs.copyFromLocalFile(false, true, new Path(TestData.warehouse().resolve("raw").toUri()),
        new Path(coordRoot, "raw"));
    OozieClient client = oozie.coordinators();
    Properties conf = client.createConfiguration();
    conf.setProperty(OozieClient.COORDINATOR_APP_PATH, app.toString());
    conf.setProperty(OozieClient.USER_NAME, oozie.user());
    environment(conf);
    conf.setProperty("root", coordRoot.toString());
    conf.setProperty("apps", app.getParent().toString());
    conf.setProperty("start", "2026-11-22T00:00Z");
    conf.setProperty("end", "2026-11-22T00:01Z");
    conf.setProperty("raw_since", "2026-11-01T00:00Z");
    String id = client.run(conf);
    try {
      // The sample's raw events of 2026-11-21 have no _SUCCESS; its other raw partitions have theirs.
      CoordinatorAction waiting = waitForAction(client, id, CoordinatorAction.Status.WAITING);
      List<String> doneFlags = List.of("events", "orders", "order_lines", "products", "fx_rates").stream()
          .map(dataset -> new Path(partition(coordRoot, "raw", dataset, DAY_WITHOUT_EVENTS), "_SUCCESS").toString())
          .toList();
      // Oozie checks the inputs in order and stops at the first missing one: all five are still listed.
      assertEquals(doneFlags, List.of(waiting.getMissingDependencies().split(MISSING_DEPENDENCY_SEPARATOR)));

      fs.create(new Path(doneFlags.get(0))).close();
      CoordinatorAction started = waitForAction(client, id, CoordinatorAction.Status.RUNNING);

      Configuration workflowConf = new Configuration(false);
      workflowConf.addResource(new ByteArrayInputStream(
          oozie.workflows().getJobInfo(started.getExternalId()).getConf().getBytes(StandardCharsets.UTF_8)));
      assertEquals(DAY_WITHOUT_EVENTS, workflowConf.get("date"));
      assertEquals("2026-11-22T00:00Z", workflowConf.get("nominal_time"));
      assertEquals(coordRoot.toString(), workflowConf.get("root"));
      assertEquals("1", workflowConf.get("late_days"));
      assertEquals("default1", workflowConf.get("launcherQueue"));
    } finally {
      client.kill(id);
    }
  }

  /** Submits the deployed ingest workflow for {@code date} and waits until it has ended. */
  private static WorkflowJob run(String date) throws OozieClientException, InterruptedException {
    OozieClient client = oozie.workflows();
    Properties conf = client.createConfiguration();
    conf.setProperty(OozieClient.APP_PATH, app.toString());
    conf.setProperty(OozieClient.USER_NAME, oozie.user());
    environment(conf);
    conf.setProperty("date", date);
    // As the coordinator passes it: midnight after the day.
    conf.setProperty("nominal_time", LocalDate.parse(date).plusDays(1) + "T00:00Z");
    String id = client.run(conf);
    WorkflowJob workflow = client.getJobInfo(id);
    while (!ENDED.contains(workflow.getStatus())) {
      TimeUnit.SECONDS.sleep(1);
      workflow = client.getJobInfo(id);
    }
    return workflow;
  }

  /** What job.properties gives on a cluster: where HDFS, YARN, the queues and the warehouse are. */
  private static void environment(Properties conf) {
    conf.setProperty("nameNode", oozie.nameNode());
    conf.setProperty("resourceManager", oozie.resourceManager());
    conf.setProperty("queueName", "default");
    // The embedded YARN's second queue: launchers never hold the AM share the jobs need (workflow.xml).
    conf.setProperty("launcherQueue", "default1");
    conf.setProperty("root", root.toString());
  }

  /** The coordinator's only action, once it has {@code status}. */
  private static CoordinatorAction waitForAction(OozieClient client, String id, CoordinatorAction.Status status)
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

  private static Path partition(String zone, String dataset, String date) {
    return partition(root, zone, dataset, date);
  }

  private static Path partition(Path warehouse, String zone, String dataset, String date) {
    return new Path(warehouse, zone + "/" + dataset + "/dt=" + date);
  }

  private static WorkflowAction action(WorkflowJob workflow, String name) {
    return workflow.getActions().stream().filter(action -> action.getName().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no action " + name + ": " + actions(workflow)));
  }

  private static String actions(WorkflowJob workflow) {
    StringBuilder text = new StringBuilder();
    for (WorkflowAction action : workflow.getActions()) {
      text.append('\n').append(action.getName()).append(' ').append(action.getStatus()).append(' ')
          .append(action.getErrorCode()).append(' ').append(action.getErrorMessage());
    }
    return text.toString();
  }

  /** What capture-output must hand to wf:actionData: the run's books and the partitions written. */
  private static Map<String, String> actionData(String job, ExpectedBooks books, Path curated, Path quarantine) {
    Map<String, String> data = new TreeMap<>();
    data.put(ActionData.JOB, job);
    data.put(ActionData.DATE, DAY);
    data.put(ActionData.READ, String.valueOf(books.read()));
    data.put(ActionData.WRITTEN, String.valueOf(books.written()));
    data.put(ActionData.QUARANTINED, String.valueOf(books.quarantined()));
    data.put(ActionData.SKIPPED, String.valueOf(books.skipped()));
    data.put(ActionData.DUPLICATES_REMOVED, "0");
    books.byReason().forEach((reason, count) -> data.put(ActionData.QUARANTINED_REASON_PREFIX + reason,
        String.valueOf(count)));
    data.put(ActionData.CURATED, curated.toString());
    data.put(ActionData.QUARANTINE, quarantine.toString());
    return data;
  }

  private static Map<String, String> captured(WorkflowAction action) throws IOException {
    Properties data = new Properties();
    data.load(new StringReader(action.getData()));
    Map<String, String> result = new TreeMap<>();
    data.stringPropertyNames().forEach(name -> result.put(name, data.getProperty(name)));
    return result;
  }
}
