package io.mrsuite.formats.avro;

import org.apache.avro.Conversions;
import org.apache.avro.Schema;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.io.DatumReader;
import org.apache.avro.specific.SpecificData;

/**
 * The Avro data model for our generated record classes in MapReduce. avro-mapred builds its readers and
 * writers from a model class named in the job ({@code AvroJob.setDataModelClass}, default ReflectData) and
 * instantiates it with the task's class loader; a bare SpecificData knows no logical-type conversions, so a decimal,
 * date or timestamp inside a union (an optional price, say) would be written as its Java object and fail.
 * This model registers the conversions our schemas use.
 */
public class CuratedDataModel extends SpecificData {
  public CuratedDataModel(ClassLoader classLoader) {
    super(classLoader);
    addLogicalTypeConversion(new Conversions.DecimalConversion());
    addLogicalTypeConversion(new TimeConversions.DateConversion());
    addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
    addLogicalTypeConversion(new TimeConversions.LocalTimestampMillisConversion());
  }

  /** Avro's specific reader, with the string classes looked up once per schema ({@link CuratedDatumReader}). */
  @Override
  public DatumReader createDatumReader(Schema writer, Schema reader) {
    return new CuratedDatumReader<>(writer, reader, this);
  }

  @Override
  public DatumReader createDatumReader(Schema schema) {
    return createDatumReader(schema, schema);
  }
}
