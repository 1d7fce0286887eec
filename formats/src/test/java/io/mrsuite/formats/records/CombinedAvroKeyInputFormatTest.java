package io.mrsuite.formats.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.mapred.AvroKey;
import org.apache.avro.mapreduce.AvroJob;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapreduce.Counter;
import org.apache.hadoop.mapreduce.Counters;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.StatusReporter;
import org.apache.hadoop.mapreduce.TaskAttemptID;
import org.apache.hadoop.mapreduce.lib.input.CombineFileSplit;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormatCounter;
import org.apache.hadoop.mapreduce.task.TaskAttemptContextImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Avro files read as few combined splits give every record of every file once, chunks of big files included. */
class CombinedAvroKeyInputFormatTest {
  private static final Schema SCHEMA = SchemaBuilder.record("Row").fields().requiredLong("id").requiredString("note")
      .endRecord();

  @TempDir
  Path tmp;

  @Test
  void smallFilesShareOneSplit() throws Exception {
    List<Long> written = new ArrayList<>();
    for (int f = 0; f < 12; f++) {
      written.addAll(write("part-m-" + f + ".avro", f * 100L, 100));
    }
    Job job = job();
    List<InputSplit> splits = new CombinedAvroKeyInputFormat<GenericRecord>().getSplits(job);
    assertEquals(1, splits.size(), "12 small files, one split");
    assertEquals(12, ((CombineFileSplit) splits.get(0)).getNumPaths());
    assertEquals(written, sorted(read(job, splits)));
  }

  @Test
  void aBigFileIsReadInChunksWithEveryRecordOnce() throws Exception {
    List<Long> written = new ArrayList<>(write("part-r-00000.avro", 0, 60_000));
    written.addAll(write("part-r-00001.avro", 60_000, 10));
    Job job = job();
    // Splits of at most 64 KiB: the big file is cut into chunks of that size, whatever its block size.
    FileInputFormat.setMaxInputSplitSize(job, 64 << 10);
    List<InputSplit> splits = new CombinedAvroKeyInputFormat<GenericRecord>().getSplits(job);
    assertTrue(splits.size() > 4, "splits: " + splits.size());
    for (InputSplit split : splits) {
      // Hadoop closes a split once its chunks reach the size, so the last chunk may take it past.
      assertTrue(split.getLength() < 2 * (64 << 10), "split of " + split.getLength() + " bytes");
    }
    assertEquals(written, sorted(read(job, splits)));
  }

  @Test
  void countsTheBytesOfEveryChunkAsFileInputBytesRead() throws Exception {
    write("part-m-0.avro", 0, 30_000);
    write("part-m-1.avro", 30_000, 10);
    Job job = job();
    FileInputFormat.setMaxInputSplitSize(job, 64 << 10);
    Counters counters = new Counters();
    TaskAttemptContextImpl context = new TaskAttemptContextImpl(job.getConfiguration(), new TaskAttemptID(),
        new CountingReporter(counters));
    long splitBytes = 0;
    for (InputSplit split : new CombinedAvroKeyInputFormat<GenericRecord>().getSplits(job)) {
      splitBytes += split.getLength();
      try (RecordReader<AvroKey<GenericRecord>, NullWritable> reader =
          new CombinedAvroKeyInputFormat<GenericRecord>().createRecordReader(split, context)) {
        reader.initialize(split, context);
        while (reader.nextKeyValue()) {
          reader.getCurrentKey();
        }
      }
    }
    long fileBytes = Files.size(tmp.resolve("part-m-0.avro"))
        + Files.size(tmp.resolve("part-m-1.avro"));
    assertEquals(fileBytes, splitBytes);
    assertEquals(fileBytes, counters.findCounter(FileInputFormatCounter.BYTES_READ).getValue());
  }

  /** A task's reporter that keeps its counters. */
  private static final class CountingReporter extends StatusReporter {
    private final Counters counters;

    CountingReporter(Counters counters) {
      this.counters = counters;
    }

    @Override
    public Counter getCounter(Enum<?> name) {
      return counters.findCounter(name);
    }

    @Override
    public Counter getCounter(String group, String name) {
      return counters.findCounter(group, name);
    }

    @Override
    public void progress() {
    }

    @Override
    public float getProgress() {
      return 0;
    }

    @Override
    public void setStatus(String status) {
    }
  }

  private Job job() throws IOException {
    Job job = Job.getInstance(new Configuration());
    AvroJob.setInputKeySchema(job, SCHEMA);
    FileInputFormat.setInputPaths(job, new org.apache.hadoop.fs.Path(tmp.toUri()));
    return job;
  }

  private static List<Long> read(Job job, List<InputSplit> splits) throws Exception {
    List<Long> ids = new ArrayList<>();
    TaskAttemptContextImpl context = new TaskAttemptContextImpl(job.getConfiguration(), new TaskAttemptID());
    for (InputSplit split : splits) {
      try (RecordReader<AvroKey<GenericRecord>, NullWritable> reader =
          new CombinedAvroKeyInputFormat<GenericRecord>().createRecordReader(split, context)) {
        reader.initialize(split, context);
        while (reader.nextKeyValue()) {
          ids.add((Long) reader.getCurrentKey().datum().get("id"));
        }
      }
    }
    return ids;
  }

  private static List<Long> sorted(List<Long> ids) {
    List<Long> copy = new ArrayList<>(ids);
    copy.sort(null);
    return copy;
  }

  private List<Long> write(String name, long firstId, int rows) throws IOException {
    List<Long> ids = new ArrayList<>();
    try (DataFileWriter<GenericRecord> writer = new DataFileWriter<>(new GenericDatumWriter<>(SCHEMA))) {
      writer.setCodec(CodecFactory.snappyCodec());
      // Small blocks, so a chunk boundary falls inside the file many times.
      writer.setSyncInterval(4096);
      writer.create(SCHEMA, new File(tmp.toFile(), name));
      for (long id = firstId; id < firstId + rows; id++) {
        GenericRecord row = new GenericData.Record(SCHEMA);
        row.put("id", id);
        row.put("note", "row " + id + " of " + name);
        writer.append(row);
        ids.add(id);
      }
    }
    return ids;
  }
}
