package io.mrsuite.jobs.local;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.UserPrincipal;
import java.util.Map;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * A local file's status whose permission, owner and group are read with one {@code lstat} the first time one
 * of them is asked for, as Hadoop's own local status reads them lazily with {@code ls -ld}.
 */
final class NioFileStatus extends FileStatus {
  private static final long serialVersionUID = 1L;
  /** The mode's permission bits and the sticky bit, as {@code ls -ld} shows them. */
  private static final int PERMISSION_BITS = 01777;

  private final transient File file;
  private boolean loaded;

  private NioFileStatus(FileStatus status, File file) {
    super(status.getLen(), status.isDirectory(), status.getReplication(), status.getBlockSize(),
        status.getModificationTime(), status.getAccessTime(), null, null, null, status.getPath());
    this.file = file;
  }

  /** The status Hadoop read for {@code file}, with its permissions to be read through java.nio. */
  static FileStatus of(FileStatus status, File file) {
    return new NioFileStatus(status, file);
  }

  @Override
  public FsPermission getPermission() {
    load();
    return super.getPermission();
  }

  @Override
  public String getOwner() {
    load();
    return super.getOwner();
  }

  @Override
  public String getGroup() {
    load();
    return super.getGroup();
  }

  private synchronized void load() {
    if (loaded) {
      return;
    }
    try {
      Map<String, Object> attributes = Files.readAttributes(file.toPath(), "unix:mode,owner,group",
          LinkOption.NOFOLLOW_LINKS);
      setPermission(new FsPermission((short) ((Integer) attributes.get("mode") & PERMISSION_BITS)));
      setOwner(((UserPrincipal) attributes.get("owner")).getName());
      setGroup(((GroupPrincipal) attributes.get("group")).getName());
      loaded = true;
    } catch (IOException e) {
      // Hadoop's own lazy status fails the same way: its getters cannot throw IOException.
      throw new UncheckedIOException("could not read the permissions of " + file, e);
    }
  }
}
