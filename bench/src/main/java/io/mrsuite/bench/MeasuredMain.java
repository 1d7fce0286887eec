package io.mrsuite.bench;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Runs another main class in this JVM and, when the JVM exits, writes what it cost: its CPU seconds, peak
 * heap and GC time, measured from inside because a child's CPU time is gone once it has exited.
 *
 * <p>Usage: {@code MeasuredMain METRICS_FILE MAIN_CLASS [ARGS...]}. The program usually ends with
 * {@code System.exit}, so the figures are written by a shutdown hook, as one line of JSON.
 */
public final class MeasuredMain {
  private MeasuredMain() {
  }

  public static void main(String[] args) throws Throwable {
    if (args.length < 2) {
      System.err.println("usage: MeasuredMain METRICS_FILE MAIN_CLASS [ARGS...]");
      System.exit(2);
    }
    Path metrics = Path.of(args[0]);
    long started = System.nanoTime();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> write(metrics, started), "measured-main-metrics"));
    Class.forName(args[1]).getMethod("main", String[].class)
        .invoke(null, (Object) Arrays.copyOfRange(args, 2, args.length));
  }

  private static void write(Path metrics, long started) {
    double wall = (System.nanoTime() - started) / 1e9;
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    double cpu = os.getProcessCpuTime() / 1e9;
    long peakHeap = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(pool -> pool.getType() == MemoryType.HEAP).mapToLong(MeasuredMain::peakUsed).sum();
    long gcMillis = ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(GarbageCollectorMXBean::getCollectionTime).filter(t -> t > 0).sum();
    String json = String.format(Locale.ROOT,
        "{\"wall_s\":%.3f,\"cpu_s\":%.3f,\"peak_heap_bytes\":%d,\"gc_s\":%.3f}%n", wall, cpu, peakHeap,
        gcMillis / 1e3);
    try {
      Files.writeString(metrics, json, StandardCharsets.UTF_8);
    } catch (IOException e) {
      System.err.println("Error: could not write " + metrics + ": " + e.getMessage());
    }
  }

  private static long peakUsed(MemoryPoolMXBean pool) {
    return pool.getPeakUsage() == null ? 0 : pool.getPeakUsage().getUsed();
  }
}
