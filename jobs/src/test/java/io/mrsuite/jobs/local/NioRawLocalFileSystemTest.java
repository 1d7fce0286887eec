package io.mrsuite.jobs.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The java.nio local filesystem reports and sets what Hadoop's own (which runs ls and chmod) does. */
class NioRawLocalFileSystemTest {
  @TempDir
  java.nio.file.Path tmp;

  private final RawLocalFileSystem hadoops = new RawLocalFileSystem();
  private final NioRawLocalFileSystem nio = new NioRawLocalFileSystem();
  private Path dir;

  @BeforeEach
  void start() throws Exception {
    Configuration conf = new Configuration();
    hadoops.initialize(URI.create("file:///"), conf);
    nio.initialize(URI.create("file:///"), conf);
    dir = new Path(tmp.toUri());
  }

  @Test
  void statusesHoldHadoopsPermissionOwnerAndGroup() throws Exception {
    Path file = new Path(dir, "a.avro");
    Path sub = new Path(dir, "sub");
    Path sticky = new Path(dir, "sticky");
    nio.create(file).close();
    nio.mkdirs(sub);
    nio.mkdirs(sticky);
    hadoops.setPermission(file, new FsPermission((short) 0640));
    hadoops.setPermission(sub, new FsPermission((short) 0750));
    hadoops.setPermission(sticky, new FsPermission((short) 01777));

    for (Path path : List.of(file, sub, sticky)) {
      assertSame(hadoops.getFileStatus(path), nio.getFileStatus(path));
    }
    FileStatus[] expected = sorted(hadoops.listStatus(dir));
    FileStatus[] actual = sorted(nio.listStatus(dir));
    assertEquals(expected.length, actual.length);
    for (int i = 0; i < expected.length; i++) {
      assertSame(expected[i], actual[i]);
    }
    assertEquals(new FsPermission((short) 01777), nio.getFileStatus(sticky).getPermission());
  }

  @Test
  void setsPermissionsAsChmodDoes() throws Exception {
    Path file = new Path(dir, "part-m-00000.avro");
    nio.create(file).close();
    for (short mode : new short[] {0644, 0600, 0755, 0444, 0000, 0777}) {
      nio.setPermission(file, new FsPermission(mode));
      assertEquals(new FsPermission(mode), hadoops.getFileStatus(file).getPermission());
    }
    Path sticky = new Path(dir, "tmp");
    nio.mkdirs(sticky);
    nio.setPermission(sticky, new FsPermission((short) 01770));
    assertEquals(new FsPermission((short) 01770), hadoops.getFileStatus(sticky).getPermission());
  }

  @Test
  void createsWithTheRequestedPermission() throws Exception {
    Path file = new Path(dir, "staged.avro");
    nio.create(file, new FsPermission((short) 0604), false, 4096, (short) 1, 1 << 20, null).close();
    assertEquals("rw----r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(tmp.resolve("staged.avro"))));
  }

  private static void assertSame(FileStatus expected, FileStatus actual) {
    assertEquals(expected.getPath(), actual.getPath());
    assertEquals(expected.getLen(), actual.getLen());
    assertEquals(expected.isDirectory(), actual.isDirectory());
    assertEquals(expected.getModificationTime(), actual.getModificationTime());
    assertEquals(expected.getBlockSize(), actual.getBlockSize());
    assertEquals(expected.getPermission(), actual.getPermission(), expected.getPath().toString());
    assertEquals(expected.getOwner(), actual.getOwner());
    assertEquals(expected.getGroup(), actual.getGroup());
  }

  private static FileStatus[] sorted(FileStatus[] statuses) {
    FileStatus[] copy = Arrays.copyOf(statuses, statuses.length);
    Arrays.sort(copy, Comparator.comparing(FileStatus::getPath));
    return copy;
  }
}
