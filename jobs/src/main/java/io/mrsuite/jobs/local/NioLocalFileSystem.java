package io.mrsuite.jobs.local;

import org.apache.hadoop.fs.LocalFileSystem;

/**
 * Hadoop's checksummed local filesystem over {@link NioRawLocalFileSystem}: what {@code file://} paths use in
 * mrsuite's runs, set as {@code fs.file.impl} unless the user set another.
 */
public class NioLocalFileSystem extends LocalFileSystem {
  public NioLocalFileSystem() {
    super(new NioRawLocalFileSystem());
  }
}
