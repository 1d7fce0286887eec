package io.mrsuite.oozie;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.XMLConstants;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.apache.hadoop.conf.Configuration;
import org.xml.sax.SAXException;

/**
 * The schemas an Oozie 5.2.1 server validates an application with when it is submitted: for each kind of
 * app, the XSD list of {@code oozie.service.SchemaService.<kind>.schemas} in Oozie's own
 * {@code oozie-default.xml}, built from the XSD files {@code oozie-client} ships. Oozie 5's CLI cannot
 * validate without a server, so this is the offline equivalent.
 */
public final class OozieSchemas {
  /** Root element of an app definition → the SchemaService list that validates it. */
  private static final Map<String, String> SCHEMA_LISTS = new TreeMap<>(Map.of(
      "workflow-app", "oozie.service.SchemaService.wf.schemas",
      "coordinator-app", "oozie.service.SchemaService.coord.schemas",
      "bundle-app", "oozie.service.SchemaService.bundle.schemas"));
  /** Included by every 1.0 schema through a relative location, so it must sit beside them as a file. */
  private static final String COMMON_XSD = "oozie-common-1.0.xsd";

  private final Path xsdDir;
  private final Configuration oozieDefaults = new Configuration(false);

  /** @param xsdDir an empty folder to extract the XSDs into */
  public OozieSchemas(Path xsdDir) {
    this.xsdDir = xsdDir;
    oozieDefaults.addResource("oozie-default.xml");
  }

  /** The schema for a document whose root element is {@code rootElement}. */
  public Schema forRoot(String rootElement) throws IOException, SAXException {
    String list = SCHEMA_LISTS.get(rootElement);
    if (list == null) {
      throw new IllegalArgumentException("<" + rootElement + "> is not an Oozie app definition; Oozie validates "
          + SCHEMA_LISTS.keySet());
    }
    extract(COMMON_XSD);
    List<Source> sources = new ArrayList<>();
    for (String xsd : oozieDefaults.getTrimmedStrings(list)) {
      sources.add(new StreamSource(extract(xsd).toFile()));
    }
    if (sources.isEmpty()) {
      throw new IllegalStateException(list + " not found: oozie-default.xml (oozie-core) is not on the classpath");
    }
    SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    return factory.newSchema(sources.toArray(new Source[0]));
  }

  /** Copies one XSD out of the oozie-client jar into a file, whose path is its system id. */
  private Path extract(String xsd) throws IOException {
    Path file = xsdDir.resolve(xsd);
    if (!Files.exists(file)) {
      try (InputStream in = OozieSchemas.class.getClassLoader().getResourceAsStream(xsd)) {
        if (in == null) {
          throw new IllegalStateException(xsd + " is not on the classpath (oozie-client)");
        }
        Files.copy(in, file);
      }
    }
    return file;
  }
}
