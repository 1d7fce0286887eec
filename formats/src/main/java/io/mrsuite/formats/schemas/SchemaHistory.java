package io.mrsuite.formats.schemas;

import io.mrsuite.formats.avro.EnrichedEvent;
import io.mrsuite.formats.avro.Event;
import io.mrsuite.formats.avro.FunnelDaily;
import io.mrsuite.formats.avro.FxRate;
import io.mrsuite.formats.avro.Order;
import io.mrsuite.formats.avro.Product;
import io.mrsuite.formats.avro.ProductDaily;
import io.mrsuite.formats.avro.QuarantineRecord;
import io.mrsuite.formats.avro.RevenueDaily;
import io.mrsuite.formats.avro.Session;
import io.mrsuite.formats.avro.TopProduct;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;

/**
 * The released versions of one record schema the warehouse stores, oldest first.
 *
 * <p>Each version is kept as {@code schema-history/<Name>/v<N>.avsc} (in {@code formats/src/main/resources}),
 * a self-contained copy of the schema as it was released. Files written years ago carry one of them, so a
 * reader can tell which version a file holds and which of two is newer; the build refuses a change that
 * would leave old files unreadable ({@link SchemaCompatibilityCheck}).
 */
public final class SchemaHistory {
  /** The resource folder of the histories. */
  public static final String RESOURCE_DIR = "schema-history";

  /** The current schemas of every record type written to the warehouse, each of which has a history. */
  public static final List<Schema> STORED = List.of(Event.getClassSchema(), EnrichedEvent.getClassSchema(),
      Session.getClassSchema(), Order.getClassSchema(), Product.getClassSchema(), FxRate.getClassSchema(),
      QuarantineRecord.getClassSchema(), ProductDaily.getClassSchema(), FunnelDaily.getClassSchema(),
      TopProduct.getClassSchema(), RevenueDaily.getClassSchema());

  private final String name;
  private final List<Schema> versions;

  SchemaHistory(String name, List<Schema> versions) {
    this.name = name;
    this.versions = List.copyOf(versions);
  }

  /** The history of a stored record type, by its full name; empty for a type the warehouse does not store. */
  public static Optional<SchemaHistory> forRecord(String fullName) {
    return STORED.stream().filter(schema -> schema.getFullName().equals(fullName)).findFirst()
        .map(schema -> load(schema.getName()));
  }

  /**
   * The schema this build reads a file of {@code writer}'s record type with: the current schema when the type is
   * a stored one (an older version's files resolve to it), else {@code writer} itself.
   */
  public static Schema readerFor(Schema writer) {
    return STORED.stream().filter(schema -> schema.getFullName().equals(writer.getFullName())).findFirst()
        .orElse(writer);
  }

  /** The released versions of {@code name} (a record's simple name) as the resources on the class path hold them. */
  static SchemaHistory load(String name) {
    List<Schema> versions = new ArrayList<>();
    for (int version = 1; ; version++) {
      String resource = resource(name, version);
      try (InputStream in = SchemaHistory.class.getClassLoader().getResourceAsStream(resource)) {
        if (in == null) {
          return new SchemaHistory(name, versions);
        }
        versions.add(new Schema.Parser().parse(in));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + resource, e);
      }
    }
  }

  /** Where version {@code version} of {@code name} is kept, relative to the resource root. */
  static String resource(String name, int version) {
    return RESOURCE_DIR + "/" + name + "/v" + version + ".avsc";
  }

  /** The record's simple name, e.g. {@code Event}. */
  public String name() {
    return name;
  }

  /** Released versions, v1 first. */
  public List<Schema> versions() {
    return versions;
  }

  /**
   * The version (1-based) whose parsing canonical form {@code writer} has; the newest of them when versions
   * differ only in defaults or docs, which that form leaves out. Empty for a schema never released.
   */
  public OptionalInt versionOf(Schema writer) {
    long fingerprint = SchemaNormalization.parsingFingerprint64(writer);
    for (int i = versions.size() - 1; i >= 0; i--) {
      if (SchemaNormalization.parsingFingerprint64(versions.get(i)) == fingerprint) {
        return OptionalInt.of(i + 1);
      }
    }
    return OptionalInt.empty();
  }
}
