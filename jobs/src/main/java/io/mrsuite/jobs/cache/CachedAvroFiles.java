package io.mrsuite.jobs.cache;

import io.mrsuite.formats.partition.VisiblePathFilter;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.util.List;
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
 * A task reads the localized copy through its link in the working directory, as YARN and the local runner
 * create it; where no link exists (MRUnit creates none) it reads the original URI.
 */
public final class CachedAvroFiles {
  private CachedAvroFiles() {
  }

  /** The visible files of a partition (its Avro part files, not _SUCCESS or the manifest). */
  public static List<FileStatus> visibleFiles(Path partition, Configuration conf) throws IOException {
    FileSystem fs = partition.getFileSystem(conf);
    return List.of(fs.listStatus(partition, new VisiblePathFilter()));
  }

  /** Ships the files to every task of the job, linked as {@code linkPrefix + index + ".avro"}. */
  public static void ship(Job job, List<FileStatus> files, String linkPrefix) {
    for (int i = 0; i < files.size(); i++) {
      job.addCacheFile(files.get(i).getPath().toUri().resolve("#" + linkPrefix + i + ".avro"));
    }
  }

  /** Passes every record of every cache file whose link name starts with {@code linkPrefix}; returns the count. */
  public static <T> long read(JobContext context, String linkPrefix, Class<T> type, Consumer<T> sink) throws IOException {
    URI[] files = context.getCacheFiles();
    long records = 0;
    if (files == null) {
      return records;
    }
    for (URI uri : files) {
      String link = uri.getFragment();
      if (link != null && link.startsWith(linkPrefix)) {
        records += read(open(uri, link, context.getConfiguration()), type, sink);
      }
    }
    return records;
  }

  private static SeekableInput open(URI uri, String link, Configuration conf) throws IOException {
    File localized = new File(link);
    if (localized.exists()) {
      return new SeekableFileInput(localized);
    }
    return new FsInput(new Path(uri.getScheme(), uri.getAuthority(), uri.getPath()), conf);
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
