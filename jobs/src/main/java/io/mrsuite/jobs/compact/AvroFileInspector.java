package io.mrsuite.jobs.compact;

import io.mrsuite.jobs.run.JobFailedException;
import java.io.IOException;
import java.util.Arrays;
import org.apache.avro.file.DataFileConstants;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Reads an Avro data file's header and checks that the file ends with its sync marker.
 *
 * <p>The header gives the writer schema, the codec and where the first block starts. Every block ends with
 * the sync marker, so a complete file does too.
 */
final class AvroFileInspector {
  private AvroFileInspector() {
  }

  static DataFile inspect(FileSystem fs, FileStatus status, FSDataInputStream in) throws IOException {
    Path path = status.getPath();
    try (DataFileReader<GenericRecord> reader = new DataFileReader<>(new SeekableStream(in, status.getLen()),
        new GenericDatumReader<>())) {
      String codec = reader.getMetaString(DataFileConstants.CODEC);
      // The first sync point after offset 0 ends the header: what follows is record data.
      reader.sync(0);
      long header = reader.previousSync();
      requireSyncAtEnd(status, header, in);
      return new DataFile(path, status.getLen(), status.getModificationTime(), DataFormat.AVRO,
          reader.getSchema(), codec == null ? DataFileConstants.NULL_CODEC : codec, null,
          status.getLen() - header, -1, Locality.bytesByHost(fs, status));
    }
  }

  /**
   * A file cut short inside a block would lose that block's records without a word: Avro's DataFileStream
   * takes an end of file inside a block for the end of the data. A complete file ends with the sync marker
   * that also ends its header.
   */
  private static void requireSyncAtEnd(FileStatus status, long header, FSDataInputStream in) throws IOException {
    if (status.getLen() == header) {
      return;
    }
    byte[] sync = new byte[DataFileConstants.SYNC_SIZE];
    byte[] tail = new byte[DataFileConstants.SYNC_SIZE];
    in.readFully(header - sync.length, sync);
    in.readFully(status.getLen() - tail.length, tail);
    if (!Arrays.equals(sync, tail)) {
      throw new JobFailedException("compact refuses " + status.getPath().getParent() + ": "
          + status.getPath().getName() + " does not end with its Avro sync marker, so it is truncated or"
          + " corrupt and its last block cannot be read whole");
    }
  }
}
