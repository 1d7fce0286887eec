package io.mrsuite.jobs.run;

import java.io.IOException;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.TaskCompletionEvent;

/** Says why a finished MapReduce job failed, in one line. */
public final class JobFailures {
  private static final int MAX_EVENTS_SEARCHED = 1000;

  private JobFailures() {
  }

  /**
   * The first failed task's first diagnostic line when the framework keeps them (YARN does; the local runner
   * logs them instead), else the job's failure info: a task's exception names the bad input, the job's status
   * only counts failed tasks.
   */
  public static String reason(Job job) throws IOException, InterruptedException {
    for (TaskCompletionEvent event : job.getTaskCompletionEvents(0, MAX_EVENTS_SEARCHED)) {
      if (event.getStatus() == TaskCompletionEvent.Status.FAILED) {
        String[] diagnostics = job.getTaskDiagnostics(event.getTaskAttemptId());
        if (diagnostics != null && diagnostics.length > 0) {
          return event.getTaskAttemptId() + ": " + diagnostics[0].lines().findFirst().orElse("");
        }
      }
    }
    return job.getStatus().getFailureInfo();
  }
}
