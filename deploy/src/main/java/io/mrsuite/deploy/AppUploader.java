package io.mrsuite.deploy;

import io.mrsuite.deploy.DeployReport.Outcome;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;

/**
 * Uploads a {@link DeployPlan} under an apps directory.
 *
 * <p>The upload is arranged so that a running coordinator never reads a half-written or missing file.
 *
 * <ul>
 *   <li>A file whose destination already holds the same bytes is not written (a second deploy of the same
 *       tree changes nothing, modification times included). Same length, then byte for byte: HDFS checksums
 *       depend on block and chunk sizes and cannot be compared with a local file.
 *   <li>Every new or changed file is first copied into one staging folder beside the apps
 *       ({@code .mrsuite-deploy-<uuid>/}), then renamed over its destination with
 *       {@code FileContext.rename(..., OVERWRITE)}, on HDFS one atomic NameNode operation: readers see the
 *       old file or the new one, at no moment neither. The staging folder is not inside the app: Oozie puts
 *       every file of {@code lib/} on the action's classpath, a half-copied jar included. A failure while
 *       copying (the slow part) therefore leaves every destination as it was.
 *   <li>On an object store ({@link #OBJECT_STORE_SCHEMES}) a rename is a copy, and S3A replaces an existing file
 *       by deleting it first: a reader would find nothing in between. There each new or changed file is written
 *       straight to its destination in one upload, which the store makes visible only once complete, the old
 *       object being served until then. A failure there leaves the files before it replaced and the rest
 *       old, in the same jars-first order; a second deploy finishes it.
 *   <li>After the new files are in place, anything else inside an app's folder or {@code bundle/} is removed
 *       (an old jar left in {@code lib/} would sit on the classpath beside the new one). Entries beside the
 *       apps that the source does not have are reported and left alone: a retired app may still have a
 *       running coordinator. Staging folders an interrupted deploy left are removed.
 * </ul>
 *
 * <p>One deploy at a time per apps directory: there is no lock.
 */
final class AppUploader {
  /**
   * URI schemes of the filesystems where a file is replaced by writing it in place rather than by a staged
   * rename; comma-separated. Default: the object stores with Hadoop connectors.
   */
  static final String OBJECT_STORE_SCHEMES = "mrsuite.deploy.object-store-schemes";
  static final String DEFAULT_OBJECT_STORE_SCHEMES = "s3a,s3,gs,oss,cosn,obs";
  private static final String STAGING_PREFIX = ".mrsuite-deploy-";
  private static final int BUFFER = 64 * 1024;

  private final FileSystem fs;
  private final FileContext fc;
  private final boolean objectStore;

  AppUploader(FileSystem fs, FileContext fc, Configuration conf) {
    this.fs = fs;
    this.fc = fc;
    String scheme = fs.getUri().getScheme();
    this.objectStore = scheme != null && Arrays.stream(conf.get(OBJECT_STORE_SCHEMES, DEFAULT_OBJECT_STORE_SCHEMES)
        .split(",")).map(String::trim).anyMatch(scheme::equalsIgnoreCase);
  }

  DeployReport upload(DeployPlan plan, Path appsDir) throws IOException {
    Path apps = fs.makeQualified(appsDir);
    FileStatus appsStatus = status(apps);
    if (appsStatus != null && !appsStatus.isDirectory()) {
      throw new DeployException(apps + " is a file, not a directory");
    }
    DeployReport report = new DeployReport();
    List<DeployPlan.Entry> toWrite = new ArrayList<>();
    for (DeployPlan.Entry entry : plan.entries()) {
      Path destination = new Path(apps, entry.destination());
      FileStatus existing = status(destination);
      if (existing != null && existing.isDirectory()) {
        throw new DeployException(destination + " is a directory; the source has a file there");
      }
      Outcome outcome = existing == null ? Outcome.UPLOADED
          : sameContent(entry, destination, existing) ? Outcome.UNCHANGED : Outcome.REPLACED;
      if (outcome != Outcome.UNCHANGED) {
        toWrite.add(entry);
      }
      report.add(outcome, entry.destination());
    }
    if (objectStore) {
      writeInPlace(toWrite, apps);
    } else if (!toWrite.isEmpty()) {
      stageAndRename(toWrite, apps);
    }
    prune(plan, apps, report);
    return report;
  }

  private void stageAndRename(List<DeployPlan.Entry> entries, Path apps) throws IOException {
    Path staging = new Path(apps, STAGING_PREFIX + UUID.randomUUID());
    try {
      List<Path> staged = new ArrayList<>();
      for (DeployPlan.Entry entry : entries) {
        String name = entry.destination().substring(entry.destination().lastIndexOf('/') + 1);
        Path copy = new Path(staging, staged.size() + "-" + name);
        try (InputStream in = Files.newInputStream(entry.source()); OutputStream out = fs.create(copy, false)) {
          in.transferTo(out);
        }
        if (fs.getFileStatus(copy).getLen() != entry.size()) {
          throw new DeployException(entry.source() + " changed while it was uploaded; nothing was replaced");
        }
        staged.add(copy);
      }
      for (int i = 0; i < entries.size(); i++) {
        Path destination = new Path(apps, entries.get(i).destination());
        fs.mkdirs(destination.getParent());
        fc.rename(staged.get(i), destination, Options.Rename.OVERWRITE);
      }
    } finally {
      fs.delete(staging, true);
    }
  }

  private void writeInPlace(List<DeployPlan.Entry> entries, Path apps) throws IOException {
    for (int i = 0; i < entries.size(); i++) {
      DeployPlan.Entry entry = entries.get(i);
      Path destination = new Path(apps, entry.destination());
      try {
        try (InputStream in = Files.newInputStream(entry.source());
            OutputStream out = fs.create(destination, true)) {
          in.transferTo(out);
        }
        if (fs.getFileStatus(destination).getLen() != entry.size()) {
          throw new IOException(entry.source() + " changed while it was uploaded");
        }
      } catch (IOException e) {
        throw new DeployException("could not write " + destination + " (" + e.getMessage() + "); " + i + " of "
            + entries.size() + " new or changed files were replaced before it, deploy again to finish", e);
      }
    }
  }

  private void prune(DeployPlan plan, Path apps, DeployReport report) throws IOException {
    Set<String> files = new HashSet<>();
    Set<String> directories = new HashSet<>();
    for (DeployPlan.Entry entry : plan.entries()) {
      String destination = entry.destination();
      files.add(destination);
      for (int slash = destination.lastIndexOf('/'); slash > 0; slash = destination.lastIndexOf('/', slash - 1)) {
        directories.add(destination.substring(0, slash));
      }
    }
    for (FileStatus child : fs.listStatus(apps)) {
      String name = child.getPath().getName();
      if (name.startsWith(STAGING_PREFIX)) {
        fs.delete(child.getPath(), true);
        report.add(Outcome.REMOVED, name + "/");
      } else if (plan.ownedDirectories().contains(name) && child.isDirectory()) {
        pruneBelow(child.getPath(), name, files, directories, report);
      } else if (!(files.contains(name) && child.isFile())) {
        report.add(Outcome.KEPT, name + (child.isDirectory() ? "/" : ""));
      }
    }
  }

  private void pruneBelow(Path dir, String relative, Set<String> files, Set<String> directories,
      DeployReport report) throws IOException {
    for (FileStatus child : fs.listStatus(dir)) {
      String path = relative + "/" + child.getPath().getName();
      if (child.isDirectory() && directories.contains(path)) {
        pruneBelow(child.getPath(), path, files, directories, report);
      } else if (!(child.isFile() && files.contains(path))) {
        fs.delete(child.getPath(), true);
        report.add(Outcome.REMOVED, path + (child.isDirectory() ? "/" : ""));
      }
    }
  }

  private boolean sameContent(DeployPlan.Entry entry, Path destination, FileStatus existing) throws IOException {
    if (existing.getLen() != entry.size()) {
      return false;
    }
    try (InputStream remote = fs.open(destination); InputStream local = Files.newInputStream(entry.source())) {
      byte[] a = new byte[BUFFER];
      byte[] b = new byte[BUFFER];
      while (true) {
        int n = local.readNBytes(a, 0, BUFFER);
        int m = remote.readNBytes(b, 0, BUFFER);
        if (n != m || !Arrays.equals(a, 0, n, b, 0, m)) {
          return false;
        }
        if (n < BUFFER) {
          return true;
        }
      }
    }
  }

  private FileStatus status(Path path) throws IOException {
    try {
      return fs.getFileStatus(path);
    } catch (FileNotFoundException e) {
      return null;
    }
  }
}
