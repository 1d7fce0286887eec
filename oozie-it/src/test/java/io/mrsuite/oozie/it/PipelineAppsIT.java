package io.mrsuite.oozie.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mrsuite.jobs.MrSuiteDriver;
import io.mrsuite.jobs.pipeline.PipelineJob;
import io.mrsuite.jobs.run.ActionData;
import io.mrsuite.oozie.OozieApps;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.MRConfig;
import org.apache.hadoop.mapreduce.MRJobConfig;
import org.apache.hadoop.util.ToolRunner;
import org.apache.oozie.client.CoordinatorAction;
import org.apache.oozie.client.OozieClient;
import org.apache.oozie.client.OozieClientException;
import org.apache.oozie.client.WorkflowAction;
import org.apache.oozie.client.WorkflowJob;
import org.apache.oozie.client.rest.RestConstants;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped {@code oozie/apps} (ingest, marts, compact), deployed as on a cluster (lib/ holding
 * the job jar the build made) and run by one real Oozie over HDFS + YARN on the hand-checked sample
 * warehouse. The ingest of both arrival days runs once, before the tests, and feeds the marts: over the
 * production dq thresholds the marts of 2026-11-20 end in the dq gate's kill node with nothing published;
 * Oozie's rerun of that workflow with the sample's thresholds, skipping the curation it already did,
 * publishes the four marts with exactly the rows computed independently from the raw files, and the same rows
 * as bin/mrsuite pipeline builds running the same workflow files locally. A day missing
 * its raw events ends in the ingest's kill node; each coordinator waits for its inputs' done flags, then
 * starts its workflow with the dates of its nominal time; a backfill is the marts coordinator's own past days
 * and reruns, one at a time. One Oozie for all: each start of one costs about 20 s, each action a YARN launcher.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class PipelineAppsIT {
  private static final String EVENT_DATE = "2026-11-20";
  /**
   * The day after: the late events of EVENT_DATE arrive and its last orders are exported on it. The sample's
   * raw events of this day have no _SUCCESS; its other raw partitions have theirs.
   */
  private static final String NEXT_DAY = "2026-11-21";
  /** The arrival days the sample has raw events for, both needed by the marts of EVENT_DATE. */
  private static final List<String> ARRIVAL_DAYS = List.of(EVENT_DATE, NEXT_DAY);
  /** Dataset of each ingest job, and the file of its expectations in test-data/expected. */
  private static final Map<String, String> DATASETS = Map.of(
      "ingest-events", "events", "ingest-orders", "orders", "ingest-products", "products", "ingest-fx", "fx_rates");
  /** Mart of each mart action. */
  private static final Map<String, String> MARTS = Map.of("product-daily", "product_daily",
      "top-products", "top_products", "funnel-daily", "funnel_daily", "revenue-daily", "revenue_daily");
  /** The marts workflow's curation chain, which the rerun after a dq FAIL need not repeat. */
  private static final List<String> CURATION = List.of("dedup-events", "enrich-events", "sessionize");
  /** What the production thresholds (oozie/dq-thresholds.properties) fail the sample's 2026-11-20 on. */
  private static final String FAILED_CHECKS = "quarantine_rate:curated/events,quarantine_rate:curated/fx_rates,"
      + "quarantine_rate:curated/orders,quarantine_rate:curated/products";
  /**
   * The uber application masters live seconds and do little work: the client compiler alone and the serial
   * collector start them with less CPU, which on two cores is what every action waits for.
   */
  private static final String AM_JVM_OPTIONS = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC";
  /** Between the URIs of a coordinator action's missing dependencies (Oozie's CoordELFunctions). */
  private static final String MISSING_DEPENDENCY_SEPARATOR = "#";

  private static EmbeddedOozie oozie;
  private static FileSystem fs;
  private static Path root;
  private static Path apps;
  private static Path productionThresholds;
  private static Path sampleThresholds;
  /** The ingest workflows of {@link #ARRIVAL_DAYS}, as they ended. */
  private static final Map<String, WorkflowJob> INGESTED = new LinkedHashMap<>();
  /** The marts of EVENT_DATE over the production thresholds, as they ended (see {@link #killedMarts()}). */
  private static WorkflowJob killedMarts;

  @BeforeAll
  static void startOozieDeployAndIngest() throws Exception {
    oozie = new EmbeddedOozie("pipeline");
    oozie.start();
    // Tiny jobs run their tasks inside their application master (uber mode), one container instead of
    // several per job; set as the embedded Oozie's default for java actions, so it reaches the jobs only
    // through the action configuration they load (oozie.action.conf.xml). The it module runs the same
    // jobs with a container per task. Up to 64 maps, not Hadoop's 9: dq-report's profile job reads a split
    // per curated file of the day (18 here), and its 18 containers cost two minutes a run.
    oozie.setActionDefaults("java", Map.of(MRJobConfig.JOB_UBERTASK_ENABLE, "true",
        MRJobConfig.JOB_UBERTASK_MAXMAPS, "64", MRJobConfig.MR_AM_ADMIN_COMMAND_OPTS, AM_JVM_OPTIONS));
    fs = oozie.fs();
    root = new Path(oozie.dir(), "warehouse");
    copyRaw(root);
    apps = new Path(oozie.dir(), "apps");
    for (String app : List.of("ingest", "marts", "compact")) {
      for (String file : List.of("workflow.xml", "coordinator.xml")) {
        fs.copyFromLocalFile(new Path(OozieApps.dir().resolve("apps/" + app + "/" + file).toUri()),
            new Path(apps, app + "/" + file));
      }
      fs.copyFromLocalFile(new Path(TestData.jobJar().toUri()), new Path(apps, app + "/lib/mrsuite-jobs.jar"));
    }
    productionThresholds = new Path(apps, "dq-thresholds.properties");
    fs.copyFromLocalFile(new Path(OozieApps.dir().resolve("dq-thresholds.properties").toUri()), productionThresholds);
    fs.copyFromLocalFile(new Path(OozieApps.dir().resolve("retention-policy.properties").toUri()),
        new Path(apps, "retention-policy.properties"));
    sampleThresholds = new Path(oozie.dir(), "sample-dq-thresholds.properties");
    fs.copyFromLocalFile(new Path(TestData.dqThresholds().toUri()), sampleThresholds);

    // Both days at once: they write disjoint partitions. The embedded YARN runs their jobs one at a time
    // (oozie/README.md, Tests), but the second day's launchers start while the first day's jobs run.
    OozieClient client = oozie.workflows();
    Map<String, String> ids = new LinkedHashMap<>();
    for (String day : ARRIVAL_DAYS) {
      ids.put(day, client.run(ingestConf(day, root)));
    }
    for (Map.Entry<String, String> id : ids.entrySet()) {
      INGESTED.put(id.getKey(), OozieJobs.awaitEnd(client, id.getValue()));
    }
  }

  @AfterAll
  static void stopOozie() throws Exception {
    if (oozie != null) {
      oozie.stop();
    }
  }

  @Test
  void theIngestOfEachArrivalDayEndsSucceededWithTheExpectedBooksInEveryPartition() throws Exception {
    for (String day : ARRIVAL_DAYS) {
      WorkflowJob workflow = INGESTED.get(day);
      assertEquals(WorkflowJob.Status.SUCCEEDED, workflow.getStatus(), OozieJobs.describe(workflow));
      for (Map.Entry<String, String> job : DATASETS.entrySet()) {
        String dataset = job.getValue();
        ExpectedBooks expected = ExpectedBooks.expected(TestData.expected(job.getKey() + ".json"), day);
        Path curated = partition(root, "curated", dataset, day);
        Path quarantine = partition(root, "quarantine", dataset, day);
        assertEquals(expected, ExpectedBooks.manifest(fs, curated), dataset + " " + day);
        assertTrue(fs.exists(new Path(curated, "_SUCCESS")), curated + "/_SUCCESS");
        assertTrue(fs.exists(new Path(quarantine, "_SUCCESS")), quarantine + "/_SUCCESS");
        assertEquals(ingestData(job.getKey(), day, expected, curated, quarantine),
            OozieJobs.captured(OozieJobs.action(workflow, job.getKey())),
            "wf:actionData('" + job.getKey() + "') of " + day);
      }
    }
  }

  @Test
  void theIngestOfADayWithoutItsRawEventsEndsKilledSayingWhichActionFailedAndWhy() throws Exception {
    // A warehouse of its own: the marts need the shared one's events of this day.
    Path warehouse = new Path(oozie.dir(), "no-events-warehouse");
    copyRaw(warehouse);
    fs.delete(partition(warehouse, "raw", "events", NEXT_DAY), true);

    OozieClient client = oozie.workflows();
    WorkflowJob workflow = OozieJobs.awaitEnd(client, client.run(ingestConf(NEXT_DAY, warehouse)));

    assertEquals(WorkflowJob.Status.KILLED, workflow.getStatus(), OozieJobs.describe(workflow));
    WorkflowAction failed = OozieJobs.action(workflow, "ingest-events");
    assertEquals(WorkflowAction.Status.ERROR, failed.getStatus());
    assertEquals("1", failed.getErrorCode(), "the job's exit code");
    // The launcher reports the exit code of its own main, JavaMain, which runs the driver; the job's one
    // line saying why is in the launcher's log. An exception instead of exit 1 would read better here
    // but become error code JA018, which Oozie retries: a missing partition would be retried in vain.
    assertEquals("ingest of " + NEXT_DAY + " failed at [ingest-events]: Main Class ["
        + "org.apache.oozie.action.hadoop.JavaMain], exit code [1]",
        OozieJobs.action(workflow, "fail").getErrorMessage());
    assertFalse(fs.exists(partition(warehouse, "curated", "events", NEXT_DAY)),
        "no curated events for the day");
  }

  @Test
  void theIngestCoordinatorWaitsForEveryRawPartitionsDoneFlagThenRunsTheWorkflowForTheDayBefore()
      throws Exception {
    // A warehouse of its own: the workflow this starts is killed half-way.
    Path warehouse = new Path(oozie.dir(), "ingest-coordinator-warehouse");
    copyRaw(warehouse);
    OozieClient client = oozie.coordinators();
    Properties conf = coordinatorConf(client, "ingest", warehouse);
    conf.setProperty("start", "2026-11-22T00:00Z");
    conf.setProperty("end", "2026-11-22T00:01Z");
    String id = client.run(conf);
    try {
      CoordinatorAction waiting = OozieJobs.awaitAction(client, id, CoordinatorAction.Status.WAITING);
      List<String> doneFlags = List.of("events", "orders", "order_lines", "products", "fx_rates").stream()
          .map(dataset -> doneFlag(warehouse, "raw", dataset, NEXT_DAY).toString())
          .toList();
      // Oozie checks the inputs in order and stops at the first missing one: all five are still listed.
      assertEquals(doneFlags, List.of(waiting.getMissingDependencies().split(MISSING_DEPENDENCY_SEPARATOR)));

      fs.create(new Path(doneFlags.get(0))).close();
      CoordinatorAction started = OozieJobs.awaitAction(client, id, CoordinatorAction.Status.RUNNING);

      Configuration workflowConf = OozieJobs.conf(oozie.workflows(), started.getExternalId());
      assertEquals(NEXT_DAY, workflowConf.get("date"));
      assertEquals("2026-11-22T00:00Z", workflowConf.get("nominal_time"));
      assertEquals(warehouse.toString(), workflowConf.get("root"));
      assertEquals("1", workflowConf.get("late_days"));
      assertEquals("default1", workflowConf.get("launcherQueue"));
    } finally {
      client.kill(id);
    }
  }

  @Test
  @Order(1)
  void theMartsOverTheProductionThresholdsEndKilledAtTheDqGateWithNoMartBuilt() throws Exception {
    WorkflowJob workflow = killedMarts();

    assertEquals(WorkflowJob.Status.KILLED, workflow.getStatus(), OozieJobs.describe(workflow));
    Map<String, WorkflowAction.Status> expectedNodes = new TreeMap<>();
    // No mart action, not even started: the gate went to its kill node before the fork.
    for (String node : List.of(":start:", "dedup-events", "enrich-events", "sessionize", "dq-report", "dq-gate",
        "dq-failed")) {
      expectedNodes.put(node, WorkflowAction.Status.OK);
    }
    assertEquals(expectedNodes, OozieJobs.statuses(workflow), OozieJobs.describe(workflow));
    Path report = new Path(root, "reports/dq/dt=" + EVENT_DATE + "/dq.json");
    assertEquals(dqReportData("FAIL", FAILED_CHECKS, report),
        OozieJobs.captured(OozieJobs.action(workflow, "dq-report")), "wf:actionData('dq-report')");
    assertEquals("marts of " + EVENT_DATE + " not published: dq-report FAIL [" + FAILED_CHECKS + "], report "
        + report, OozieJobs.action(workflow, "dq-failed").getErrorMessage());
    assertTrue(fs.exists(new Path(report.getParent(), "_SUCCESS")), "the report is published: " + report);
    for (String mart : MARTS.values()) {
      assertFalse(fs.exists(partition(root, "marts", mart, EVENT_DATE)), mart + " dt=" + EVENT_DATE);
    }
  }

  /**
   * What oozie/README.md tells an operator to do with a day the gate stopped: fix the thresholds and
   * {@code oozie job -rerun} it, here skipping the curation chain, whose partitions the FAIL did not touch.
   */
  @Test
  @Order(2)
  void theKilledMartsRerunWithPassingThresholdsSkipTheCurationAndPublishTheExpectedMarts() throws Exception {
    WorkflowJob killed = killedMarts();
    OozieClient client = oozie.workflows();
    Properties conf = martsConf(client, sampleThresholds);
    conf.setProperty(OozieClient.RERUN_SKIP_NODES, String.join(",", CURATION));
    client.reRun(killed.getId(), conf);
    WorkflowJob workflow = OozieJobs.awaitEnd(client, killed.getId());

    assertEquals(WorkflowJob.Status.SUCCEEDED, workflow.getStatus(), OozieJobs.describe(workflow));
    assertEquals(1, workflow.getRun(), "the workflow's first rerun");
    assertEquals(sampleThresholds.toString(), OozieJobs.conf(client, workflow.getId()).get("dq_thresholds"));
    Map<String, WorkflowAction.Status> expectedNodes = new TreeMap<>();
    for (String node : List.of(":start:", "dedup-events", "enrich-events", "sessionize", "dq-report", "dq-gate",
        "publish-marts", "product-daily", "top-products", "funnel-daily", "revenue-daily", "marts-published",
        "end")) {
      expectedNodes.put(node, WorkflowAction.Status.OK);
    }
    assertEquals(expectedNodes, OozieJobs.statuses(workflow), OozieJobs.describe(workflow));
    // Skipped: the first run's actions, their launchers and start times kept as they were.
    for (String node : CURATION) {
      WorkflowAction before = OozieJobs.action(killed, node);
      WorkflowAction after = OozieJobs.action(workflow, node);
      assertEquals(before.getExternalId(), after.getExternalId(), node + " launcher");
      assertEquals(before.getStartTime(), after.getStartTime(), node + " start time");
    }
    // Run again: a launcher of its own, and this time's verdict.
    WorkflowAction dqReport = OozieJobs.action(workflow, "dq-report");
    assertNotEquals(OozieJobs.action(killed, "dq-report").getExternalId(), dqReport.getExternalId(),
        "dq-report launcher");
    assertTrue(dqReport.getStartTime().after(killed.getEndTime()), "dq-report started after the first run ended");
    assertEquals(dqReportData("PASS", "", new Path(root, "reports/dq/dt=" + EVENT_DATE + "/dq.json")),
        OozieJobs.captured(dqReport), "wf:actionData('dq-report')");

    for (Map.Entry<String, String> mart : MARTS.entrySet()) {
      Path partition = partition(root, "marts", mart.getValue(), EVENT_DATE);
      List<String> expectedRows = MartPartitionRows.expected(mart.getValue());
      assertTrue(fs.exists(new Path(partition, "_SUCCESS")), partition + "/_SUCCESS");
      assertEquals(expectedRows, MartPartitionRows.of(fs, partition), mart.getValue());
      assertEquals(martData(mart.getKey(), expectedRows.size(), partition),
          OozieJobs.captured(OozieJobs.action(workflow, mart.getKey())), "wf:actionData('" + mart.getKey() + "')");
    }
  }

  /**
   * bin/mrsuite pipeline executes the same workflow files (the checkout's, through --apps) in one JVM in
   * local mode: on its own copy of the sample's raw zone it builds exactly the marts this Oozie published.
   */
  @Test
  @Order(3)
  void thePipelineRunningTheSameWorkflowFilesLocallyBuildsTheSameMarts(@TempDir java.nio.file.Path local)
      throws Exception {
    FileSystem localFs = FileSystem.getLocal(new Configuration());
    Path localRoot = new Path(local.toUri());
    localFs.copyFromLocalFile(false, true, new Path(TestData.warehouse().resolve("raw").toUri()),
        new Path(localRoot, "raw"));
    Configuration conf = new Configuration();
    conf.set("fs.defaultFS", "file:///");
    conf.set(MRConfig.FRAMEWORK_NAME, MRConfig.LOCAL_FRAMEWORK_NAME);

    PipelineJob pipeline = new MrSuiteDriver.Pipeline();
    assertEquals(0, ToolRunner.run(conf, pipeline, new String[] {"--root", localRoot.toString(), "--date",
        EVENT_DATE, "--dq-thresholds", TestData.dqThresholds().toString(), "--apps",
        OozieApps.dir().resolve("apps").toString()}));

    for (String table : MARTS.values()) {
      assertTrue(fs.exists(partition(root, "marts", table, EVENT_DATE)), table + ": needs the marts the rerun "
          + "test published (order 2)");
      assertEquals(MartPartitionRows.of(fs, partition(root, "marts", table, EVENT_DATE)),
          MartPartitionRows.of(localFs, partition(localRoot, "marts", table, EVENT_DATE)), table);
    }
  }

  @Test
  void theMartsCoordinatorWaitsForTheCuratedPartitionsOfTheDayAfterThenRunsTheWorkflowForItsNominalDay()
      throws Exception {
    // A warehouse of its own, holding what the ingest of both days curated, but one flag: the workflow this
    // starts is killed half-way.
    Path warehouse = new Path(oozie.dir(), "marts-coordinator-warehouse");
    for (String dataset : DATASETS.values()) {
      for (String day : ARRIVAL_DAYS) {
        FileUtil.copy(fs, partition(root, "curated", dataset, day), fs, partition(warehouse, "curated", dataset, day),
            false, fs.getConf());
      }
    }
    Path lateEventsFlag = doneFlag(warehouse, "curated", "events", NEXT_DAY);
    fs.delete(lateEventsFlag, false);
    OozieClient client = oozie.coordinators();
    Properties conf = coordinatorConf(client, "marts", warehouse);
    conf.setProperty("marts_start", EVENT_DATE + "T00:00Z");
    conf.setProperty("end", EVENT_DATE + "T00:01Z");
    conf.setProperty("dq_thresholds", sampleThresholds.toString());
    String id = client.run(conf);
    try {
      CoordinatorAction waiting = OozieJobs.awaitAction(client, id, CoordinatorAction.Status.WAITING);
      // Oozie lists a range's instances newest first, checks them in order and stops at the first missing
      // one, X + 1's events: all six are still listed.
      List<Path> doneFlags = List.of(lateEventsFlag, doneFlag(warehouse, "curated", "events", EVENT_DATE),
          doneFlag(warehouse, "curated", "orders", NEXT_DAY), doneFlag(warehouse, "curated", "orders", EVENT_DATE),
          doneFlag(warehouse, "curated", "products", EVENT_DATE),
          doneFlag(warehouse, "curated", "fx_rates", EVENT_DATE));
      assertEquals(doneFlags.stream().map(Path::toString).toList(),
          List.of(waiting.getMissingDependencies().split(MISSING_DEPENDENCY_SEPARATOR)));

      fs.create(lateEventsFlag).close();
      CoordinatorAction started = OozieJobs.awaitAction(client, id, CoordinatorAction.Status.RUNNING);

      Configuration workflowConf = OozieJobs.conf(oozie.workflows(), started.getExternalId());
      assertEquals(EVENT_DATE, workflowConf.get("date"));
      assertEquals(EVENT_DATE + "T00:00Z", workflowConf.get("nominal_time"));
      assertEquals("1", workflowConf.get("late_days"));
      assertEquals(warehouse.toString(), workflowConf.get("root"));
      assertEquals(sampleThresholds.toString(), workflowConf.get("dq_thresholds"));
      assertEquals("default1", workflowConf.get("launcherQueue"));
    } finally {
      client.kill(id);
    }
  }

  /**
   * With the marts committed to Iceberg tables, the compact coordinator waits for each mart's commit marker of
   * N - 3 (Oozie has no Iceberg dataset type), besides the window's curated partitions and dq report, and then
   * starts the compact workflow for its window.
   */
  @Test
  void theCompactCoordinatorWaitsForTheTablesCommitMarkersOfItsLastDayThenCompactsItsWindow() throws Exception {
    Path warehouse = new Path(oozie.dir(), "compact-coordinator-warehouse");
    LocalDate last = LocalDate.parse("2026-11-26");
    for (LocalDate day = last.minusDays(6); !day.isAfter(last); day = day.plusDays(1)) {
      fs.create(doneFlag(warehouse, "curated", "events", day.toString())).close();
    }
    fs.create(doneFlag(warehouse, "reports", "dq", last.toString())).close();
    List<String> marts = List.of("product_daily", "funnel_daily", "top_products", "revenue_daily");
    for (String mart : marts.subList(0, 3)) {
      fs.create(doneFlag(warehouse, "tables/_commits", mart, last.toString())).close();
    }
    OozieClient client = oozie.coordinators();
    Properties conf = coordinatorConf(client, "compact", warehouse);
    conf.setProperty("compact_start", "2026-11-29T12:00Z");
    conf.setProperty("end", "2026-11-29T12:01Z");
    conf.setProperty("mart_flags", new Path(warehouse, "tables/_commits").toString());
    conf.setProperty("retention_policy", new Path(apps, "retention-policy.properties").toString());
    String id = client.run(conf);
    try {
      Path lastMarker = doneFlag(warehouse, "tables/_commits", marts.get(3), last.toString());
      CoordinatorAction waiting = OozieJobs.awaitAction(client, id, CoordinatorAction.Status.WAITING);
      assertEquals(List.of(lastMarker.toString()),
          List.of(waiting.getMissingDependencies().split(MISSING_DEPENDENCY_SEPARATOR)));

      fs.create(lastMarker).close();
      CoordinatorAction started = OozieJobs.awaitAction(client, id, CoordinatorAction.Status.RUNNING);

      Configuration workflowConf = OozieJobs.conf(oozie.workflows(), started.getExternalId());
      assertEquals("curated/events", workflowConf.get("table"));
      assertEquals("2026-11-20", workflowConf.get("from"));
      assertEquals(last.toString(), workflowConf.get("to"));
      assertEquals("2026-11-29", workflowConf.get("as_of"));
      assertEquals("false", workflowConf.get("retention_apply"));
      assertEquals(warehouse.toString(), workflowConf.get("root"));
    } finally {
      client.kill(id);
    }
  }

  /**
   * A backfill on a cluster is the marts coordinator's own work (docs/pipeline.md). Started in the past, it
   * materializes the past days at once and runs them one at a time, oldest first; {@code oozie job -rerun -date
   * A::B} runs days again the same way, while the daily action of a later day waits for its data and runs after
   * them. The coordinator is the shipped one; its workflow is a recorder (marts-recorder/workflow.xml) passing
   * one token file, so two runs at once would fail: what is shown is the coordinator's scheduling, the marts
   * workflow itself being what the other tests run.
   */
  @Test
  void aBackfillRunsTheMartsCoordinatorsDaysOneAtATimeOldestFirstAndItsRerunBeforeTheWaitingDailyDay()
      throws Exception {
    Path warehouse = new Path(oozie.dir(), "backfill-warehouse");
    Path recorderApps = new Path(oozie.dir(), "recorder-apps");
    fs.copyFromLocalFile(new Path(PipelineAppsIT.class.getResource("/marts-recorder/workflow.xml").toURI()),
        new Path(recorderApps, "marts/workflow.xml"));
    fs.create(new Path(warehouse, "backfill/token")).close();
    List<String> days = List.of("2026-11-01", "2026-11-02", "2026-11-03", "2026-11-04");
    // Everything the four days wait for but the arrivals of the day after the last: that one is "today".
    for (String dataset : List.of("events", "orders", "products", "fx_rates")) {
      for (String day : days) {
        fs.create(doneFlag(warehouse, "curated", dataset, day)).close();
      }
    }
    OozieClient client = oozie.coordinators();
    Properties conf = coordinatorConf(client, "marts", warehouse);
    conf.setProperty("apps", recorderApps.toString());
    conf.setProperty("marts_start", days.get(0) + "T00:00Z");
    conf.setProperty("end", "2026-11-05T00:00Z");
    conf.setProperty("dq_thresholds", sampleThresholds.toString());
    String id = client.run(conf);
    try {
      List<CoordinatorAction> firstRuns = OozieJobs.awaitActions(client, id, actions -> actions.size() == days.size()
          && actions.subList(0, 3).stream().allMatch(a -> a.getStatus() == CoordinatorAction.Status.SUCCEEDED)
          && actions.get(3).getStatus() == CoordinatorAction.Status.WAITING, "three days run, the last waiting");
      List<String> workflows = new ArrayList<>(firstRuns.subList(0, 3).stream()
          .map(CoordinatorAction::getExternalId).toList());

      List<CoordinatorAction> rerun = client.reRunCoord(id, RestConstants.JOB_COORD_SCOPE_DATE,
          days.get(0) + "T00:00Z::" + days.get(1) + "T00:00Z", false, true);
      assertEquals(2, rerun.size());
      List<CoordinatorAction> reran = OozieJobs.awaitActions(client, id, actions -> actions.subList(0, 2).stream()
          .allMatch(a -> a.getStatus() == CoordinatorAction.Status.SUCCEEDED && !workflows.contains(a.getExternalId())),
          "the first two days run again");
      assertEquals(CoordinatorAction.Status.WAITING, reran.get(3).getStatus());
      reran.subList(0, 2).forEach(action -> workflows.add(action.getExternalId()));

      for (String dataset : List.of("events", "orders")) {
        fs.create(doneFlag(warehouse, "curated", dataset, "2026-11-05")).close();
      }
      List<CoordinatorAction> all = OozieJobs.awaitActions(client, id, actions -> actions.stream()
          .allMatch(a -> a.getStatus() == CoordinatorAction.Status.SUCCEEDED), "every day run");
      workflows.add(all.get(3).getExternalId());

      List<WorkflowJob> runs = new ArrayList<>();
      for (String workflow : workflows) {
        runs.add(oozie.workflows().getJobInfo(workflow));
      }
      runs.sort(Comparator.comparing(WorkflowJob::getStartTime));
      List<String> order = new ArrayList<>();
      for (WorkflowJob run : runs) {
        assertEquals(WorkflowJob.Status.SUCCEEDED, run.getStatus(), OozieJobs.describe(run));
        order.add(OozieJobs.conf(oozie.workflows(), run.getId()).get("date"));
      }
      assertEquals(List.of("2026-11-01", "2026-11-02", "2026-11-03", "2026-11-01", "2026-11-02", "2026-11-04"),
          order);
      for (int i = 1; i < runs.size(); i++) {
        assertFalse(runs.get(i).getStartTime().before(runs.get(i - 1).getEndTime()),
            "run " + i + " started before run " + (i - 1) + " ended: " + runs);
      }
      assertEquals(6, fs.listStatus(new Path(warehouse, "backfill/runs")).length);
      assertTrue(fs.exists(new Path(warehouse, "backfill/token")));
    } finally {
      client.kill(id);
    }
  }

  /**
   * The marts of EVENT_DATE over the production thresholds, run once by whichever of the two marts tests
   * comes first (the rerun test kills and reruns the same workflow, so it can also run alone).
   */
  private static WorkflowJob killedMarts() throws OozieClientException, InterruptedException {
    if (killedMarts == null) {
      OozieClient client = oozie.workflows();
      killedMarts = OozieJobs.awaitEnd(client, client.run(martsConf(client, productionThresholds)));
    }
    return killedMarts;
  }

  /** The ingest workflow of {@code date} over {@code warehouse}, as its coordinator would submit it. */
  private static Properties ingestConf(String date, Path warehouse) {
    OozieClient client = oozie.workflows();
    Properties conf = workflowConf(client, "ingest", warehouse);
    conf.setProperty("date", date);
    // As the coordinator passes it: midnight after the day.
    conf.setProperty("nominal_time", LocalDate.parse(date).plusDays(1) + "T00:00Z");
    return conf;
  }

  /** The marts workflow of EVENT_DATE over the shared warehouse, as its coordinator would submit it. */
  private static Properties martsConf(OozieClient client, Path thresholds) {
    Properties conf = workflowConf(client, "marts", root);
    conf.setProperty("date", EVENT_DATE);
    conf.setProperty("nominal_time", EVENT_DATE + "T00:00Z");
    conf.setProperty("late_days", "1");
    conf.setProperty("dq_thresholds", thresholds.toString());
    return conf;
  }

  private static Properties workflowConf(OozieClient client, String app, Path warehouse) {
    Properties conf = client.createConfiguration();
    conf.setProperty(OozieClient.APP_PATH, new Path(apps, app).toString());
    conf.setProperty(OozieClient.USER_NAME, oozie.user());
    environment(conf, warehouse);
    return conf;
  }

  private static Properties coordinatorConf(OozieClient client, String app, Path warehouse) {
    Properties conf = client.createConfiguration();
    conf.setProperty(OozieClient.COORDINATOR_APP_PATH, new Path(apps, app).toString());
    conf.setProperty(OozieClient.USER_NAME, oozie.user());
    environment(conf, warehouse);
    conf.setProperty("apps", apps.toString());
    conf.setProperty("raw_since", "2026-11-01T00:00Z");
    return conf;
  }

  /** What job.properties gives on a cluster: where HDFS, YARN, the queues and the warehouse are. */
  private static void environment(Properties conf, Path warehouse) {
    conf.setProperty("nameNode", oozie.nameNode());
    conf.setProperty("resourceManager", oozie.resourceManager());
    conf.setProperty("queueName", "default");
    // The embedded YARN's second queue: launchers never hold the AM share the jobs need (workflow.xml).
    conf.setProperty("launcherQueue", "default1");
    conf.setProperty("root", warehouse.toString());
  }

  private static void copyRaw(Path warehouse) throws IOException {
    fs.copyFromLocalFile(false, true, new Path(TestData.warehouse().resolve("raw").toUri()), new Path(warehouse, "raw"));
  }

  private static Path partition(Path warehouse, String zone, String dataset, String date) {
    return new Path(warehouse, zone + "/" + dataset + "/dt=" + date);
  }

  private static Path doneFlag(Path warehouse, String zone, String dataset, String date) {
    return new Path(partition(warehouse, zone, dataset, date), "_SUCCESS");
  }

  /** What an ingest action's capture-output must hand to wf:actionData: its books and partitions. */
  private static Map<String, String> ingestData(String job, String date, ExpectedBooks books, Path curated,
      Path quarantine) {
    Map<String, String> data = new TreeMap<>();
    data.put(ActionData.JOB, job);
    data.put(ActionData.DATE, date);
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

  /** What dq-report hands the gate: its verdict, the failed checks and where the report is. */
  private static Map<String, String> dqReportData(String verdict, String failedChecks, Path report) {
    return Map.of("dq_verdict", verdict, "dq_failed_checks", failedChecks, "dq_report", report.toString());
  }

  /**
   * What a mart action's capture-output must hand to wf:actionData: the expected rows and the partition,
   * and the books its run manifest holds.
   */
  private static Map<String, String> martData(String job, long rows, Path mart) throws IOException {
    JsonNode records;
    try (InputStream in = fs.open(new Path(mart, "_manifest.json"))) {
      records = new ObjectMapper().readTree(in).get("records");
    }
    Map<String, String> data = new TreeMap<>();
    data.put(ActionData.JOB, job);
    data.put(ActionData.DATE, EVENT_DATE);
    for (String books : List.of(ActionData.READ, ActionData.WRITTEN, ActionData.SKIPPED,
        ActionData.DUPLICATES_REMOVED)) {
      data.put(books, records.get(books).asText());
    }
    data.put(ActionData.ROWS, String.valueOf(rows));
    data.put(ActionData.MART, mart.toString());
    return data;
  }
}
