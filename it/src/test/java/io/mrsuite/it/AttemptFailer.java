package io.mrsuite.it;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapreduce.Cluster;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.JobID;
import org.apache.hadoop.mapreduce.JobStatus;
import org.apache.hadoop.mapreduce.TaskAttemptID;
import org.apache.hadoop.mapreduce.TaskCompletionEvent;
import org.apache.hadoop.mapreduce.TaskReport;
import org.apache.hadoop.mapreduce.TaskType;

/**
 * Fails chosen first attempts of the tasks of every job running on the cluster, through the client API
 * ({@link Job#failTask}), as a lost node or a crashed task JVM would: the framework must retry them.
 *
 * <p>Of each job's tasks of the given type, the first attempts of tasks 0 and 1 are failed as soon as they
 * are seen running: a map at its start or part-way through its input, a reducer while it shuffles or writes.
 * (Tasks on the sample take milliseconds once their JVM is up, too few to aim at a point in the input.)
 */
final class AttemptFailer implements AutoCloseable {
  private static final long POLL_MILLIS = 50;

  private final Cluster cluster;
  private final TaskType type;
  private final Set<TaskAttemptID> failed = new HashSet<>();
  private final Set<JobID> seen = new HashSet<>();
  private final List<String> log = new ArrayList<>();
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final Thread thread;
  private volatile IOException error;

  private AttemptFailer(Configuration conf, TaskType type) throws IOException {
    this.cluster = new Cluster(conf);
    this.type = type;
    this.thread = new Thread(this::poll, "attempt-failer");
    this.thread.setDaemon(true);
  }

  static AttemptFailer start(Configuration conf, TaskType type) throws IOException {
    AttemptFailer failer = new AttemptFailer(conf, type);
    failer.thread.start();
    return failer;
  }

  /** The attempts failed. */
  synchronized List<String> failures() {
    return List.copyOf(log);
  }

  private void poll() {
    try {
      while (running.get()) {
        for (JobStatus status : cluster.getAllJobStatuses()) {
          if (status.getState() == JobStatus.State.RUNNING) {
            synchronized (this) {
              seen.add(status.getJobID());
            }
            failChosenAttempts(cluster.getJob(status.getJobID()));
          }
        }
        Thread.sleep(POLL_MILLIS);
      }
    } catch (IOException e) {
      error = e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void failChosenAttempts(Job job) throws IOException, InterruptedException {
    if (job == null) {
      return;
    }
    for (TaskReport report : job.getTaskReports(type)) {
      if (report.getTaskID().getId() > 1) {
        continue;
      }
      for (TaskAttemptID attempt : report.getRunningTaskAttemptIds()) {
        if (attempt.getId() == 0 && remember(attempt, report.getProgress())) {
          job.failTask(attempt);
        }
      }
    }
  }

  private synchronized boolean remember(TaskAttemptID attempt, float progress) {
    if (!failed.add(attempt)) {
      return false;
    }
    log.add(attempt + " at progress " + progress);
    return true;
  }

  /** Every failed attempt of the jobs seen running, whoever failed it: this poller or the task itself. */
  synchronized List<String> failedAttempts() throws IOException, InterruptedException {
    List<String> attempts = new ArrayList<>();
    for (JobID id : seen) {
      for (TaskCompletionEvent event : cluster.getJob(id).getTaskCompletionEvents(0, 1000)) {
        if (event.getStatus() == TaskCompletionEvent.Status.FAILED) {
          attempts.add(event.getTaskAttemptId().toString());
        }
      }
    }
    attempts.sort(null);
    return attempts;
  }

  @Override
  public void close() throws IOException {
    running.set(false);
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    cluster.close();
    if (error != null) {
      throw error;
    }
  }
}
