package io.mrsuite.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CommandLineTest {
  @TempDir
  Path tmp;

  static Stream<Arguments> wrongCommandLines() {
    String[] ok = {"--fs", "hdfs://nn:8020", "--apps", "/apps/mrsuite", "--source", "oozie", "--jar", "j.jar"};
    return Stream.of(
        Arguments.of(List.of(), "--fs is required"),
        Arguments.of(List.of("--apps", "/apps/mrsuite", "--source", "oozie", "--jar", "j.jar"), "--fs is required"),
        Arguments.of(List.of("--fs", "hdfs://nn:8020", "--source", "oozie", "--jar", "j.jar"), "--apps is required"),
        Arguments.of(replacing(ok, "--apps", "apps/mrsuite"), "--apps must be an absolute path"),
        Arguments.of(replacing(ok, "--apps", "hdfs://nn:8020/apps"), "--apps must be an absolute path"),
        Arguments.of(replacing(ok, "--fs", "nn.example.com"), "--fs must be a filesystem URI"),
        Arguments.of(replacing(ok, "--fs", "hdfs://nn:8020/apps"), "--fs must be a filesystem URI"),
        Arguments.of(with(ok, "--oozie", "http://o:11000/oozie"), "--oozie needs --config FILE"),
        Arguments.of(with(ok, "--config", "job.properties"), "--config is only used with --oozie"),
        Arguments.of(with(ok, "--oozie", "o:11000", "--config", "job.properties"), "--oozie must be the server's"),
        Arguments.of(with(ok, "--dry-run=yes"), "--dry-run takes no value"),
        Arguments.of(with(ok, "--jar", "other.jar"), "--jar given twice"),
        Arguments.of(with(ok, "--force"), "unknown option --force"),
        Arguments.of(with(ok, "extra"), "unexpected argument 'extra'"),
        Arguments.of(with(ok, "--oozie"), "--oozie needs a value"));
  }

  @ParameterizedTest
  @MethodSource("wrongCommandLines")
  void aWrongCommandLineExits2WithTheReasonAndTheUsage(List<String> args, String reason) throws Exception {
    Run run = Run.of(args.toArray(String[]::new));

    assertEquals(DeployTool.EXIT_USAGE, run.exit());
    assertTrue(run.errLines().get(0).startsWith("Error: " + reason), run.err());
    assertTrue(run.err().contains("Usage: mrsuite-deploy"), run.err());
    assertTrue(run.err().contains("Generic options supported are"), run.err());
    assertEquals("", run.out());
  }

  @Test
  void hadoopsGenericOptionsComeFirst() throws Exception {
    Path oozie = OozieTree.write(tmp);
    String[] own = {"--fs", "file:///", "--apps", tmp.resolve("apps").toString(), "--source", oozie.toString(),
        "--jar", OozieTree.jar(tmp).toString(), "--dry-run"};

    assertEquals(0, Run.of(Stream.concat(Stream.of("-D", "dfs.replication=2"), Stream.of(own))
        .toArray(String[]::new)).exit());
    Run late = Run.of(Stream.concat(Stream.of(own), Stream.of("-D", "dfs.replication=2")).toArray(String[]::new));
    assertEquals(DeployTool.EXIT_USAGE, late.exit());
    assertTrue(late.errLines().get(0).startsWith("Error: unexpected argument '-D'"), late.err());
  }

  @Test
  void aFailureExits1WithOneLine() throws Exception {
    Path oozie = OozieTree.write(tmp);
    Path apps = tmp.resolve("apps");

    Run run = Run.of("--fs", "file:///", "--apps", apps.toString(), "--source", oozie.toString(),
        "--jar", tmp.resolve("missing.jar").toString());

    assertEquals(DeployTool.EXIT_FAILED, run.exit());
    assertEquals(List.of("Error: job jar " + tmp.resolve("missing.jar") + " does not exist"), run.errLines());
    assertFalse(Files.exists(apps));
  }

  private static List<String> replacing(String[] base, String name, String value) {
    List<String> args = new ArrayList<>(List.of(base));
    args.set(args.indexOf(name) + 1, value);
    return args;
  }

  private static List<String> with(String[] base, String... more) {
    return Stream.concat(Stream.of(base), Stream.of(more)).toList();
  }
}
