package io.mrsuite.jobs.cache;

import io.mrsuite.formats.partition.VisiblePathFilter;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.file.SeekableFileInput;
import org.apache.avro.file.SeekableInput;
import org.apache.avro.mapred.FsInput;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.JobContext;

/**
 * Small Avro partitions shipped to every task through the distributed cache ({@code Job.addCacheFile(uri#link)}).
 *
 * <p>A task reads the localized copy through its link in the working directory, as YARN and the local runner
 * create it; where no link exists (MRUnit creates none) it reads the original URI. Link names are unique to
 * each shipment: the local runner links into the JVM's working directory, shared by every run from it and by
 * jobs side by side in one JVM, and keeps a link that is already there, so a fixed name could hand a task the
 * file of an earlier, killed run. The task also checks the file it opens against what the driver shipped
 * ({@link ShippedFiles}) and fails, naming the link and the shipped file, when they differ.
 */
public final class CachedAvroFiles {
  private CachedAvroFiles() {
  }

  /** The visible files of a partition (its Avro part files, not _SUCCESS or the manifest). */
  public static List<FileStatus> visibleFiles(Path partition, Configuration conf) throws IOException {
    FileSystem fs = partition.getFileSystem(conf);
    return List.of(fs.listStatus(partition, new VisiblePathFilter()));
  }

  /**
   * Ships the files to every task of the job, linked as {@code linkPrefix + <shipment> + "-" + index + ".avro"}
   * with a shipment id unique to this call, and records each file's length and modification time.
   */
  public static void ship(Job job, List<FileStatus> files, String linkPrefix) {
    String shipment = UUID.randomUUID().toString();
    for (int i = 0; i < files.size(); i++) {
      FileStatus file = files.get(i);
      String link = linkPrefix + shipment + "-" + i + ".avro";
      job.addCacheFile(file.getPath().toUri().resolve("#" + link));
      ShippedFiles.add(job.getConfiguration(), ShippedFile.of(link, file));
    }
  }

  /** Passes every record of every cache file whose link name starts with {@code linkPrefix}; returns the count. */
  public static <T> long read(JobContext context, String linkPrefix, Class<T> type, Consumer<T> sink) throws IOException {
    URI[] files = context.getCacheFiles();
    long records = 0;
    if (files == null) {
      return records;
    }
    Configuration conf = context.getConfiguration();
    for (URI uri : files) {
      String link = uri.getFragment();
      if (link != null && link.startsWith(linkPrefix)) {
        ShippedFile shipped = ShippedFiles.find(conf, link).orElseThrow(() -> new IOException("cache file " + link
            + " (" + uri + ") has no record in " + ShippedFiles.SHIPPED_FILES + ": ship it with CachedAvroFiles.ship"));
        records += read(open(uri, shipped, conf), type, sink);
      }
    }
    return records;
  }

  /** The localized copy under the link, else the original; either must be the file the driver shipped. */
  private static SeekableInput open(URI uri, ShippedFile shipped, Configuration conf) throws IOException {
    Path original = new Path(uri.getScheme(), uri.getAuthority(), uri.getPath());
    File localized = new File(shipped.link());
    if (localized.exists()) {
      // The localizer makes a fresh copy, so only the length can be compared; it has already refused an
      // original whose modification time is not the one the job was submitted with.
      if (!localized.isFile() || localized.length() != shipped.length()) {
        throw new IOException("cache link " + shipped.link() + " in " + localized.getAbsoluteFile().getParent()
            + " is not the file the job shipped (" + original + ", " + shipped.describe() + "): it holds "
            + (localized.isFile() ? localized.length() + " bytes" : "no regular file")
            + "; remove it if an earlier run left it");
      }
      return new SeekableFileInput(localized);
    }
    FileStatus now = original.getFileSystem(conf).getFileStatus(original);
    if (now.getLen() != shipped.length() || now.getModificationTime() != shipped.modificationTime()) {
      throw new IOException("cache file " + original + " (link " + shipped.link() + ") changed after the job"
          + " shipped it: shipped " + shipped.describe() + ", now "
          + ShippedFile.describe(now.getLen(), now.getModificationTime()));
    }
    return new FsInput(original, conf);
  }

  private static <T> long read(SeekableInput input, Class<T> type, Consumer<T> sink) throws IOException {
    long records = 0;
    // The input in the try too: DataFileReader's constructor throws on a bad header without closing it.
    try (SeekableInput opened = input;
        DataFileReader<T> reader = new DataFileReader<>(opened, new SpecificDatumReader<>(type))) {
      for (T record : reader) {
        sink.accept(record);
        records++;
      }
    }
    return records;
  }
}
