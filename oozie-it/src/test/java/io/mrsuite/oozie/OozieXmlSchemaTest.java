package io.mrsuite.oozie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.transform.stream.StreamSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.xml.sax.SAXException;

/** Every XML file under oozie/ is an app definition that Oozie's own schemas accept. */
class OozieXmlSchemaTest {
  @TempDir
  static Path xsdDir;

  private static OozieSchemas schemas;

  @BeforeAll
  static void loadSchemas() {
    schemas = new OozieSchemas(xsdDir);
  }

  static List<Path> xmlFiles() throws IOException {
    return OozieApps.xmlFiles();
  }

  @Test
  void theShippedAppsAreAmongTheFilesChecked() throws IOException {
    List<String> files = xmlFiles().stream().map(file -> OozieApps.dir().relativize(file).toString()).toList();
    assertTrue(files.containsAll(List.of("apps/ingest/workflow.xml", "apps/ingest/coordinator.xml",
        "apps/marts/workflow.xml", "apps/marts/coordinator.xml", "apps/compact/workflow.xml",
        "apps/compact/coordinator.xml", "bundle/bundle.xml")), files.toString());
  }

  @ParameterizedTest
  @MethodSource("xmlFiles")
  void validatesAgainstOoziesSchemas(Path file) throws IOException, SAXException {
    validate(file);
  }

  @Test
  void aWorkflowOozieWouldRejectFails(@TempDir Path tmp) throws IOException {
    Path file = tmp.resolve("workflow.xml");
    Files.writeString(file, """
        <workflow-app name="w" xmlns="uri:oozie:workflow:1.0" xmlns:sla="uri:oozie:sla:0.2">
          <start to="a"/>
          <action name="a">
            <java><main-class>M</main-class><arg>x</arg></java>
            <ok to="end"/>
          </action>
          <end name="end"/>
          <sla:info><sla:nominal-time>t</sla:nominal-time></sla:info>
        </workflow-app>
        """);
    SAXException rejected = assertThrows(SAXException.class, () -> validate(file));
    assertTrue(rejected.getMessage().contains("error"), rejected.getMessage());
  }

  @Test
  void anSlaBlockIsCheckedAgainstTheSlaSchema(@TempDir Path tmp) throws IOException {
    Path file = tmp.resolve("workflow.xml");
    Files.writeString(file, """
        <workflow-app name="w" xmlns="uri:oozie:workflow:1.0" xmlns:sla="uri:oozie:sla:0.2">
          <start to="end"/>
          <end name="end"/>
          <sla:info><sla:nominal-time>t</sla:nominal-time></sla:info>
        </workflow-app>
        """);
    SAXException rejected = assertThrows(SAXException.class, () -> validate(file));
    assertTrue(rejected.getMessage().contains("should-end"), rejected.getMessage());
  }

  @Test
  void aCoordinatorOozieWouldRejectFails(@TempDir Path tmp) throws IOException {
    Path file = tmp.resolve("coordinator.xml");
    Files.writeString(file, """
        <coordinator-app name="c" frequency="${coord:days(1)}" start="${start}" end="${end}" timezone="UTC"
                         xmlns="uri:oozie:coordinator:0.5">
          <controls><execution>FIFO</execution><timeout>10</timeout></controls>
          <action><workflow><app-path>${apps}/w</app-path></workflow></action>
        </coordinator-app>
        """);
    SAXException rejected = assertThrows(SAXException.class, () -> validate(file));
    assertTrue(rejected.getMessage().contains("timeout"), rejected.getMessage());
  }

  @Test
  void aBundleOozieWouldRejectFails(@TempDir Path tmp) throws IOException {
    Path file = tmp.resolve("bundle.xml");
    Files.writeString(file, """
        <bundle-app name="b" xmlns="uri:oozie:bundle:0.2">
          <controls><kick-off-time>${kick_off_time}</kick-off-time></controls>
        </bundle-app>
        """);
    SAXException rejected = assertThrows(SAXException.class, () -> validate(file));
    assertTrue(rejected.getMessage().contains("coordinator"), rejected.getMessage());
  }

  @Test
  void aFileThatIsNoOozieAppFails(@TempDir Path tmp) throws IOException {
    Path file = tmp.resolve("config-default.xml");
    Files.writeString(file, "<configuration/>");
    IllegalArgumentException rejected = assertThrows(IllegalArgumentException.class,
        () -> validate(file));
    assertEquals("<configuration> is not an Oozie app definition; Oozie validates "
        + "[bundle-app, coordinator-app, workflow-app]", rejected.getMessage());
  }

  /** Validates the file itself, so that a failure names its line. */
  private static void validate(Path file) throws IOException, SAXException {
    String root = OozieApps.parse(file).getDocumentElement().getLocalName();
    schemas.forRoot(root).newValidator().validate(new StreamSource(file.toFile()));
  }
}
