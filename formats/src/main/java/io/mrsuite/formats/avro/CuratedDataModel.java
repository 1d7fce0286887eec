package io.mrsuite.formats.avro;

import org.apache.avro.Conversions;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.specific.SpecificData;

/**
 * The Avro data model for our generated record classes in MapReduce. avro-mapred builds its readers and
 * writers from a model class named in the job ({@code AvroJob.setDataModelClass}, default ReflectData) and
 * instantiates it with the task's class loader; a bare SpecificData knows no logical-type conversions, so a decimal,
 * date or timestamp inside a union (an optional price, say) would be written as its Java object and fail.
 * This model registers the conversions our schemas use.
 */
public class CuratedDataModel extends SpecificData {
  /** Avro's own switch for its fast reader; on unless set to {@code false}. */
  public static final String FAST_READ_PROPERTY = "org.apache.avro.fastread";
  private static final boolean FAST_READ = !"false".equalsIgnoreCase(System.getProperty(FAST_READ_PROPERTY));

  public CuratedDataModel(ClassLoader classLoader) {
    super(classLoader);
    addLogicalTypeConversion(new Conversions.DecimalConversion());
    addLogicalTypeConversion(new TimeConversions.DateConversion());
    addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
    addLogicalTypeConversion(new TimeConversions.LocalTimestampMillisConversion());
  }

  /**
   * Avro's fast reader ({@code FastReaderBuilder}): a reader built once per writer and reader schema, string
   * classes and conversions included, instead of the schema walked through a {@code ResolvingDecoder} for
   * every record. Avro turns it on for GenericData and SpecificData themselves only, as a subclass might
   * override what the fast reader does not call; this one only registers conversions, which it applies.
   */
  @Override
  public boolean isFastReaderEnabled() {
    return FAST_READ;
  }
}
