package io.mrsuite.jobs.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsAction;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * Hadoop's local filesystem with its permissions read and set through {@code java.nio} instead of a child
 * process.
 *
 * <p>Without Hadoop's native library (hadoop-client ships none), {@link RawLocalFileSystem} runs {@code chmod}
 * for every file and directory it creates with a permission, and {@code ls -ld} for every file whose
 * permission, owner or group is asked for: a job's input listing asks for each input file's, and each task
 * creates several files and directories. On a day of 1,632 raw event files that was thousands of processes a
 * job, about a core's worth of CPU while it listed and committed. The JDK does both with a system call. The
 * data paths (reading, writing, renaming) are Hadoop's own.
 */
public class NioRawLocalFileSystem extends RawLocalFileSystem {
  @Override
  public void setPermission(Path p, FsPermission permission) throws IOException {
    if (permission.getStickyBit()) {
      // java.nio cannot set the sticky bit; Hadoop's way can.
      super.setPermission(p, permission);
      return;
    }
    Files.setPosixFilePermissions(pathToFile(p).toPath(), posix(permission));
  }

  @Override
  public FileStatus getFileStatus(Path f) throws IOException {
    return NioFileStatus.of(super.getFileStatus(f), pathToFile(f));
  }

  @Override
  public FileStatus[] listStatus(Path f) throws IOException {
    FileStatus[] statuses = super.listStatus(f);
    FileStatus[] read = new FileStatus[statuses.length];
    for (int i = 0; i < statuses.length; i++) {
      read[i] = NioFileStatus.of(statuses[i], pathToFile(statuses[i].getPath()));
    }
    return read;
  }

  static Set<PosixFilePermission> posix(FsPermission permission) {
    Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
    add(set, permission.getUserAction(), PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
        PosixFilePermission.OWNER_EXECUTE);
    add(set, permission.getGroupAction(), PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
        PosixFilePermission.GROUP_EXECUTE);
    add(set, permission.getOtherAction(), PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE,
        PosixFilePermission.OTHERS_EXECUTE);
    return set;
  }

  private static void add(Set<PosixFilePermission> set, FsAction action, PosixFilePermission read,
      PosixFilePermission write, PosixFilePermission execute) {
    if (action.implies(FsAction.READ)) {
      set.add(read);
    }
    if (action.implies(FsAction.WRITE)) {
      set.add(write);
    }
    if (action.implies(FsAction.EXECUTE)) {
      set.add(execute);
    }
  }
}
