package io.mrsuite.oozie;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;

/** The project's oozie/ folder (failsafe and surefire system property, see oozie-it/pom.xml). */
public final class OozieApps {
  public static final String DIR_PROPERTY = "mrsuite.oozie-apps";

  private OozieApps() {
  }

  public static Path dir() {
    String value = System.getProperty(DIR_PROPERTY);
    if (value == null) {
      throw new IllegalStateException("system property " + DIR_PROPERTY + " is not set: run through Maven");
    }
    return Paths.get(value).toAbsolutePath().normalize();
  }

  /** Every XML file under oozie/, sorted, so that a new app is checked without touching the tests. */
  public static List<Path> xmlFiles() throws IOException {
    try (Stream<Path> files = Files.walk(dir())) {
      return files.filter(file -> file.getFileName().toString().endsWith(".xml")).sorted().toList();
    }
  }

  /** Every workflow definition under oozie/ (root element {@code workflow-app}). */
  public static List<Path> workflows() throws IOException {
    return xmlFiles().stream().filter(file -> "workflow-app".equals(parse(file).getDocumentElement().getLocalName()))
        .toList();
  }

  /** A namespace-aware DOM of {@code file}, as Oozie reads it. */
  public static Document parse(Path file) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return factory.newDocumentBuilder().parse(file.toFile());
    } catch (ParserConfigurationException | SAXException | IOException e) {
      throw new IllegalStateException("cannot parse " + file + ": " + e.getMessage(), e);
    }
  }
}
