package io.mrsuite.jobs.run;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.mapred.LocalJobRunner;
import org.apache.log4j.AppenderSkeleton;
import org.apache.log4j.Level;
import org.apache.log4j.Logger;
import org.apache.log4j.spi.LoggingEvent;
import org.apache.log4j.spi.ThrowableInformation;

/**
 * Why a job of the local runner failed: the exception it logged, kept by job id.
 *
 * <p>The local runner keeps no task diagnostics and no failure info; it only logs the exception that ended
 * the job, at WARN with the job id as the message. This appender, on that one logger, keeps the last few.
 * Hadoop's clients log through log4j 1.2 (reload4j); where another binding is found nothing is kept.
 */
final class LocalRunnerFailures extends AppenderSkeleton {
  private static final int KEPT = 16;
  private static final Map<String, Throwable> FAILURES = Collections.synchronizedMap(
      new LinkedHashMap<>(KEPT, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Throwable> eldest) {
          return size() > KEPT;
        }
      });
  private static boolean installed;

  private LocalRunnerFailures() {
    setThreshold(Level.WARN);
  }

  /** Starts keeping the local runner's job failures; called before a job is submitted. */
  static synchronized void install() {
    if (installed) {
      return;
    }
    installed = true;
    try {
      Logger logger = Logger.getLogger(LocalJobRunner.class);
      logger.addAppender(new LocalRunnerFailures());
      if (logger.getEffectiveLevel().isGreaterOrEqual(Level.ERROR)) {
        logger.setLevel(Level.WARN);
      }
    } catch (LinkageError e) {
      // No log4j 1.2 on this classpath: failures keep the framework's own reason.
    }
  }

  /** The exception that ended the local job {@code jobId}, if it was logged. */
  static Optional<Throwable> of(String jobId) {
    return Optional.ofNullable(FAILURES.get(jobId));
  }

  @Override
  protected void append(LoggingEvent event) {
    ThrowableInformation thrown = event.getThrowableInformation();
    if (thrown != null && thrown.getThrowable() != null && event.getMessage() != null) {
      FAILURES.put(event.getMessage().toString(), thrown.getThrowable());
    }
  }

  @Override
  public void close() {
  }

  @Override
  public boolean requiresLayout() {
    return false;
  }
}
