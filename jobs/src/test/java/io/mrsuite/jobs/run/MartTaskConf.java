package io.mrsuite.jobs.run;

import io.mrsuite.formats.avro.CuratedDataModel;
import io.mrsuite.jobs.shuffle.SecondarySort;
import java.io.IOException;
import java.time.LocalDate;
import org.apache.avro.Schema;
import org.apache.avro.mapreduce.AvroJob;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapreduce.Job;

/** Task configurations of the mart jobs for MRUnit and shuffle tests: what their drivers set for the tasks. */
public final class MartTaskConf {
  private MartTaskConf() {
  }

  /**
   * The data model, the map output schemas (value may be null for a key-only configuration), the secondary
   * sort on {@code groupField} as the drivers set it (null for none), and the event date.
   */
  public static Configuration of(Schema key, Schema value, String groupField, LocalDate date) throws IOException {
    Job job = Job.getInstance(new Configuration());
    AvroJob.setDataModelClass(job, CuratedDataModel.class);
    AvroJob.setMapOutputKeySchema(job, key);
    if (value != null) {
      AvroJob.setMapOutputValueSchema(job, value);
    }
    if (groupField != null) {
      SecondarySort.configure(job, key, value, groupField);
    }
    PartitionDate.set(job.getConfiguration(), date);
    return job.getConfiguration();
  }
}
