package io.mrsuite.jobs.run;

import io.mrsuite.formats.partition.VisiblePathFilter;
import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;
import org.apache.avro.file.DataFileConstants;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.mapred.FsInput;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.util.HadoopInputFile;

/**
 * Counts the records in the files a job wrote, from their metadata: what the books are checked against.
 *
 * <p>An Avro file's blocks each start with their record count and byte size, so the count is read by
 * seeking from block header to block header; each block must end with the file's sync marker. A Parquet
 * file's footer gives each row group's row count. No record is decoded.
 */
public final class StagedRecords {
  private StagedRecords() {
  }

  /** Records in the visible Avro files directly in {@code dir} (not in its subdirectories). */
  public static long avro(FileSystem fs, Path dir, Configuration conf) throws IOException {
    long records = 0;
    for (FileStatus file : dataFiles(fs, dir)) {
      records += avroFile(file, conf);
    }
    return records;
  }

  /** Rows in the visible Parquet files directly in {@code dir}. */
  public static long parquet(FileSystem fs, Path dir, Configuration conf) throws IOException {
    long rows = 0;
    for (FileStatus file : dataFiles(fs, dir)) {
      try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromStatus(file, conf))) {
        rows += reader.getFooter().getBlocks().stream().mapToLong(BlockMetaData::getRowCount).sum();
      }
    }
    return rows;
  }

  private static FileStatus[] dataFiles(FileSystem fs, Path dir) throws IOException {
    if (!fs.exists(dir)) {
      return new FileStatus[0];
    }
    return Arrays.stream(fs.listStatus(dir, new VisiblePathFilter())).filter(FileStatus::isFile)
        .toArray(FileStatus[]::new);
  }

  private static long avroFile(FileStatus file, Configuration conf) throws IOException {
    Path path = file.getPath();
    long start;
    byte[] sync = new byte[DataFileConstants.SYNC_SIZE];
    try (DataFileReader<GenericRecord> header = new DataFileReader<>(new FsInput(path, conf),
        new GenericDatumReader<>())) {
      // The first sync point after offset 0 ends the header.
      header.sync(0);
      start = header.previousSync();
    }
    long records = 0;
    try (FSDataInputStream in = path.getFileSystem(conf).open(path)) {
      in.readFully(start - sync.length, sync);
      in.seek(start);
      BinaryDecoder decoder = DecoderFactory.get().directBinaryDecoder(in, null);
      byte[] blockSync = new byte[sync.length];
      while (in.getPos() < file.getLen()) {
        long count = decoder.readLong();
        long size = decoder.readLong();
        in.seek(in.getPos() + size);
        in.readFully(blockSync);
        if (count < 0 || size < 0 || !Arrays.equals(sync, blockSync)) {
          throw new IOException(path + ": the Avro block at byte " + start + " does not end with the file's"
              + " sync marker");
        }
        records += count;
        start = in.getPos();
      }
    } catch (EOFException e) {
      throw new IOException(path + ": the Avro file is cut short in the block at byte " + start, e);
    }
    return records;
  }
}
