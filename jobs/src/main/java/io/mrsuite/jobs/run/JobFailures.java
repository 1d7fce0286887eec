package io.mrsuite.jobs.run;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.TaskCompletionEvent;

/** Says why a finished MapReduce job failed, in one line. */
public final class JobFailures {
  private static final int MAX_EVENTS_SEARCHED = 1000;

  private JobFailures() {
  }

  /**
   * Runs the job to its end, its reducers sized from its input ({@link ReduceTasks}); if it fails, throws one
   * line: {@code <what>: job <id> ended <state>: <reason>}.
   *
   * @param what the run and partition, e.g. {@code ingest-events dt=2026-03-01}
   */
  public static void await(Job job, String what) throws IOException, InterruptedException, ClassNotFoundException {
    LocalRunnerFailures.install();
    CrashPoints crashPoints = CrashPoints.of(job.getConfiguration());
    ReduceTasks.sizeFromInput(job);
    job.submit();
    crashPoints.reach("submitted");
    boolean succeeded = job.monitorAndPrintJob();
    crashPoints.reach("job-done");
    if (!succeeded) {
      throw new JobFailedException(what + ": job " + job.getJobID() + " ended " + job.getJobState() + ": "
          + reason(job));
    }
  }

  /**
   * The first failed task's first diagnostic line when the framework keeps them (YARN does), the exception the
   * local runner logged for the job, else the job's failure info: a task's exception names the bad input or
   * the directory it could not write, the job's status only counts failed tasks.
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
    Optional<Throwable> logged = LocalRunnerFailures.of(job.getJobID().toString());
    return logged.map(JobFailures::describe).orElse(job.getStatus().getFailureInfo());
  }

  /**
   * One line for an exception and its causes: each message once, innermost last, with the exception's type
   * where the message alone does not say what went wrong (an AccessDeniedException's message is only a path).
   */
  public static String describe(Throwable thrown) {
    List<String> parts = new ArrayList<>();
    for (Throwable t = thrown; t != null && parts.size() < 8; t = t.getCause()) {
      String message = t.getMessage() == null ? "" : t.getMessage().lines().findFirst().orElse("");
      if (message.isEmpty() || message.equals(t.getCause() == null ? null : t.getCause().toString())) {
        continue;
      }
      String part = plainType(t) ? message : t.getClass().getSimpleName() + ": " + message;
      if (parts.stream().noneMatch(earlier -> earlier.contains(message))) {
        parts.add(part);
      }
    }
    return parts.isEmpty() ? thrown.toString() : String.join(": ", parts);
  }

  private static boolean plainType(Throwable t) {
    return t.getClass() == IOException.class || t.getClass() == Exception.class
        || t.getClass() == RuntimeException.class || t instanceof JobFailedException;
  }
}
