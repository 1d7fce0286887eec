package io.mrsuite.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A changed file is renamed over the old one where a rename is atomic, and written in place on an object store
 * (here the local filesystem, declared one): the inode tells which happened.
 */
class ReplaceModeTest {
  @TempDir
  Path tmp;

  @Test
  void aStagedFileIsRenamedOverTheOldOne() throws Exception {
    assertNotEquals(jarInodeBeforeAndAfterAReplace(), 0);
  }

  @Test
  void onAnObjectStoreTheFileIsWrittenInPlace() throws Exception {
    assertEquals(0, jarInodeBeforeAndAfterAReplace("-D", AppUploader.OBJECT_STORE_SCHEMES + "=s3a,file"));
  }

  /** Deploys, changes the jar, deploys again; returns the change of the deployed jar's inode number. */
  private long jarInodeBeforeAndAfterAReplace(String... generic) throws Exception {
    Path oozie = OozieTree.write(tmp);
    Path jar = OozieTree.jar(tmp);
    Path apps = tmp.resolve("apps");
    String[] args = Stream.concat(Arrays.stream(generic), Stream.of(
        "--fs", "file:///", "--apps", apps.toString(), "--source", oozie.toString(), "--jar", jar.toString()))
        .toArray(String[]::new);
    Path deployed = apps.resolve("a/lib/mrsuite-jobs.jar");

    assertEquals(0, Run.of(args).exit());
    long before = (Long) Files.getAttribute(deployed, "unix:ino");
    OozieTree.write(jar, "PK a newer fake jar");
    Run replace = Run.of(args);
    long after = (Long) Files.getAttribute(deployed, "unix:ino");

    assertEquals(0, replace.exit(), replace.err());
    assertTrue(replace.err().contains(": 0 uploaded, 2 replaced, 7 unchanged, 0 removed"), replace.err());
    assertEquals("PK a newer fake jar", Files.readString(deployed));
    try (Stream<Path> left = Files.list(apps)) {
      assertEquals(0, left.filter(path -> path.getFileName().toString().startsWith(".mrsuite-deploy-")).count(), "staging left");
    }
    return after - before;
  }
}
