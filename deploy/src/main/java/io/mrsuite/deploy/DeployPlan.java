package io.mrsuite.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Lists what a deploy puts under the apps directory, derived from an {@code oozie/} directory.
 *
 * <p>Deriving it from the directory means a new app needs no code change. The plan holds:
 *
 * <ul>
 *   <li>for every folder {@code apps/<app>/}, its files (recursively) under {@code <app>/} and the job jar
 *       as {@code <app>/lib/mrsuite-jobs.jar};</li>
 *   <li>{@code bundle/}'s files under {@code bundle/};</li>
 *   <li>the {@code *.properties} files directly in {@code oozie/} (the dq thresholds), beside the apps.</li>
 * </ul>
 *
 * <p>Left out: hidden files ({@code lib/.gitkeep}), everything in a source {@code lib/} (only {@code --jar}
 * goes there, never a jar someone copied into the checkout), and {@code oozie/}'s other files (README.md,
 * job.properties.example: what is submitted, not deployed). The jar keeps one name whatever its source file
 * is called, so a new build replaces the old one in place instead of sitting beside it on the classpath.
 */
final class DeployPlan {
  private static final String JOB_JAR = "mrsuite-jobs.jar";
  static final String BUNDLE = "bundle";
  private static final String APPS = "apps";
  private static final String LIB = "lib";

  /** One file to deploy: its path relative to the apps directory ('/'-separated), its source and size. */
  record Entry(String destination, Path source, long size) {
  }

  private final List<Entry> entries;
  private final Set<String> ownedDirectories;

  private DeployPlan(List<Entry> entries, Set<String> ownedDirectories) {
    this.entries = List.copyOf(entries);
    this.ownedDirectories = Collections.unmodifiableSortedSet(new TreeSet<>(ownedDirectories));
  }

  static DeployPlan of(Path oozieDir, Path jar) throws DeployException {
    Path appsDir = oozieDir.resolve(APPS);
    Path bundleDir = oozieDir.resolve(BUNDLE);
    if (!Files.isDirectory(appsDir) || !Files.isRegularFile(bundleDir.resolve("bundle.xml"))) {
      throw new DeployException(oozieDir + " is not an oozie/ directory: it needs apps/<app>/ folders and "
          + "bundle/bundle.xml");
    }
    if (!Files.isRegularFile(jar)) {
      throw new DeployException("job jar " + jar + " does not exist");
    }
    try {
      List<Entry> entries = new ArrayList<>();
      Set<String> owned = new TreeSet<>();
      for (Path app : list(appsDir)) {
        if (!Files.isDirectory(app) || hidden(app)) {
          continue;
        }
        String name = app.getFileName().toString();
        if (name.equals(BUNDLE)) {
          throw new DeployException(app + ": an app cannot be called '" + BUNDLE + "', the bundle's folder");
        }
        owned.add(name);
        addTree(entries, app, name, app.resolve(LIB));
        entries.add(entry(name + "/" + LIB + "/" + JOB_JAR, jar));
      }
      if (owned.isEmpty()) {
        throw new DeployException(appsDir + " has no app folder");
      }
      owned.add(BUNDLE);
      addTree(entries, bundleDir, BUNDLE, null);
      for (Path file : list(oozieDir)) {
        if (Files.isRegularFile(file) && !hidden(file) && file.getFileName().toString().endsWith(".properties")) {
          entries.add(entry(file.getFileName().toString(), file));
        }
      }
      entries.sort(Comparator.comparingInt((Entry e) -> rank(e.destination())).thenComparing(Entry::destination));
      return new DeployPlan(entries, owned);
    } catch (DeployException e) {
      throw e;
    } catch (IOException e) {
      throw new DeployException("cannot read " + oozieDir + ": " + e.getMessage(), e);
    }
  }

  /**
   * The files in the order they are put in place. A running workflow reads its workflow.xml when it starts
   * and lib/ only when it launches an action, so the jars go first: a workflow that starts during the deploy
   * may run its old XML with the new jar, never new XML with the old jar. Then the shared properties and
   * each app's files, the coordinators after the workflows they start, the bundle last.
   */
  List<Entry> entries() {
    return entries;
  }

  /** Top-level folders whose content this deploy owns, sorted: one per app, and the bundle's. */
  Set<String> ownedDirectories() {
    return ownedDirectories;
  }

  private static int rank(String destination) {
    String[] parts = destination.split("/");
    if (parts.length == 1) {
      return 1;
    }
    if (parts[0].equals(BUNDLE)) {
      return 4;
    }
    if (parts[1].equals(LIB)) {
      return 0;
    }
    return destination.endsWith("/coordinator.xml") ? 3 : 2;
  }

  private static void addTree(List<Entry> entries, Path dir, String prefix, Path skipped) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path file : (Iterable<Path>) walk.sorted()::iterator) {
        if (!Files.isRegularFile(file) || (skipped != null && file.startsWith(skipped))
            || hiddenBelow(dir, file)) {
          continue;
        }
        entries.add(entry(prefix + "/" + dir.relativize(file).toString().replace('\\', '/'), file));
      }
    }
  }

  private static Entry entry(String destination, Path source) throws IOException {
    return new Entry(destination, source, Files.size(source));
  }

  private static List<Path> list(Path dir) throws IOException {
    try (Stream<Path> children = Files.list(dir)) {
      return children.sorted().toList();
    }
  }

  private static boolean hidden(Path path) {
    return path.getFileName().toString().startsWith(".");
  }

  private static boolean hiddenBelow(Path dir, Path file) {
    for (Path part : dir.relativize(file)) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }
}
