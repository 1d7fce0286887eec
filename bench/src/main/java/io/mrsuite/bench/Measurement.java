package io.mrsuite.bench;

/**
 * What one measured run cost and did.
 *
 * @param name what ran, e.g. {@code ingest-events 2026-11-20} or {@code duckdb}
 * @param exitCode the child JVM's exit code
 * @param wallSeconds from the child's start to its end, as seen by the bench
 * @param cpuSeconds the child JVM's own CPU time (user + system, all its threads, native ones included)
 * @param peakHeapBytes the sum of the heap pools' peak use: an upper bound of the heap the run needed
 * @param gcSeconds time the JVM's collectors report
 * @param counters the Hadoop counters its log showed; none for a peer
 */
public record Measurement(String name, int exitCode, double wallSeconds, double cpuSeconds, long peakHeapBytes,
    double gcSeconds, LoggedCounters counters) {

  /** MB/s over {@code bytes}, or 0 when nothing was measured. */
  public double megabytesPerSecond(long bytes) {
    return wallSeconds <= 0 ? 0 : bytes / 1e6 / wallSeconds;
  }
}
