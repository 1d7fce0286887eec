package io.mrsuite.jobs.ingest.csv;

import io.mrsuite.formats.avro.CuratedDataModel;
import io.mrsuite.formats.avro.QuarantineRecord;
import io.mrsuite.formats.csv.CsvRecord;
import io.mrsuite.formats.quarantine.QuarantineReason;
import io.mrsuite.jobs.run.CuratedRun;
import io.mrsuite.jobs.run.PartitionDate;
import io.mrsuite.jobs.shuffle.JoinKey;
import io.mrsuite.jobs.shuffle.SecondarySort;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.mapred.AvroKey;
import org.apache.avro.mapred.AvroValue;
import org.apache.avro.mapreduce.AvroJob;
import org.apache.avro.mapreduce.AvroKeyOutputFormat;
import org.apache.avro.mapreduce.AvroMultipleOutputs;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.Mapper;
import org.apache.hadoop.mrunit.mapreduce.MapDriver;

/** The task-side configuration of the keyed CSV ingest jobs for MRUnit and shuffle tests, and reading their quarantine back. */
public final class KeyedIngestTests {
  private KeyedIngestTests() {
  }

  /**
   * What KeyedCsvIngestJob and CuratedRun set for the tasks: the data model, JoinKey/SourcedRecord map
   * output, the sort comparator Avro sets and our grouping comparator after it, the export date, the main
   * output schema, the quarantine named output with its counters, and the output directory.
   */
  public static Configuration taskConf(LocalDate exportDate, Schema outputSchema, Path outputDir) throws IOException {
    Job job = Job.getInstance(new Configuration());
    AvroJob.setDataModelClass(job, CuratedDataModel.class);
    SecondarySort.configure(job, JoinKey.getClassSchema(), SourcedRecord.getClassSchema(), "key");
    AvroJob.setOutputKeySchema(job, outputSchema);
    AvroMultipleOutputs.addNamedOutput(job, CuratedRun.QUARANTINE_OUTPUT, AvroKeyOutputFormat.class,
        QuarantineRecord.getClassSchema());
    AvroMultipleOutputs.setCountersEnabled(job, true);
    Configuration conf = job.getConfiguration();
    PartitionDate.set(conf, exportDate);
    conf.set("mapreduce.output.fileoutputformat.outputdir", outputDir.toUri().toString());
    return conf;
  }

  /**
   * How MRUnit copies a reducer's output pairs: through the map-output key serialization, so the key
   * schema there must be the output's (the reducer's input keys are JoinKeys, copied with the task conf).
   */
  public static Configuration outputCopyConf(Schema outputSchema) throws IOException {
    Job job = Job.getInstance(new Configuration());
    AvroJob.setDataModelClass(job, CuratedDataModel.class);
    AvroJob.setMapOutputKeySchema(job, outputSchema);
    return job.getConfiguration();
  }

  /** A MapDriver fed with the records of a CSV file, keyed by offset as CsvInputFormat keys them. */
  public static MapDriver<LongWritable, CsvRecord, AvroKey<JoinKey>, AvroValue<SourcedRecord>> mapDriver(
      Mapper<LongWritable, CsvRecord, AvroKey<JoinKey>, AvroValue<SourcedRecord>> mapper, Configuration conf,
      List<CsvRecord> records) {
    MapDriver<LongWritable, CsvRecord, AvroKey<JoinKey>, AvroValue<SourcedRecord>> driver =
        MapDriver.newMapDriver(mapper).withConfiguration(conf);
    for (CsvRecord record : records) {
      driver.withInput(new LongWritable(record.offset()), record);
    }
    return driver;
  }

  /** Quarantine records in the order written, from the files AvroMultipleOutputs left under the output dir. */
  public static List<QuarantineRecord> quarantined(Path outputDir) throws IOException {
    List<File> files;
    try (Stream<Path> paths = Files.walk(outputDir)) {
      files = paths.filter(p -> p.toString().endsWith(".avro") && p.toString().contains("/quarantine/"))
          .map(Path::toFile).sorted().toList();
    }
    List<QuarantineRecord> records = new ArrayList<>();
    for (File f : files) {
      try (DataFileReader<QuarantineRecord> reader =
          new DataFileReader<>(f, new SpecificDatumReader<>(QuarantineRecord.class))) {
        reader.forEach(records::add);
      }
    }
    return records;
  }

  public static QuarantineRecord quarantine(String dataset, String file, long line, long offset, String rawText,
      long rawLength, QuarantineReason reason, String detail) {
    return QuarantineRecord.newBuilder().setDataset(dataset).setSourceFile(file).setLineNumber(line)
        .setByteOffset(offset).setRawText(rawText).setRawLength(rawLength).setReason(reason.name())
        .setDetail(detail).build();
  }

  /** The quarantine record of row {@code row} of {@code csv}, read from {@code file}. */
  public static QuarantineRecord quarantine(String dataset, CsvFile csv, String file, int row, QuarantineReason reason,
      String detail) {
    return quarantine(dataset, file, csv.line(row), csv.offset(row), csv.text(row), csv.length(row), reason, detail);
  }
}
