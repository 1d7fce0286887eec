package io.mrsuite.jobs.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.DefaultCodec;
import org.apache.hadoop.io.compress.SnappyCodec;
import org.apache.hadoop.mapred.JobConf;
import org.apache.hadoop.mapreduce.MRJobConfig;
import org.junit.jupiter.api.Test;

class MapOutputCompressionTest {
  @Test
  void hadoopsDefaultsGiveWayToSnappy() {
    JobConf conf = new JobConf();
    assertFalse(conf.getBoolean(MRJobConfig.MAP_OUTPUT_COMPRESS, true), "mapred-default.xml's value");
    MapOutputCompression.configure(conf);
    assertTrue(conf.getBoolean(MRJobConfig.MAP_OUTPUT_COMPRESS, false));
    assertEquals(SnappyCodec.class, conf.getClass(MRJobConfig.MAP_OUTPUT_COMPRESS_CODEC, null, CompressionCodec.class));
  }

  @Test
  void keepsTheUsersChoice() {
    JobConf conf = new JobConf();
    conf.setBoolean(MRJobConfig.MAP_OUTPUT_COMPRESS, false);
    conf.setClass(MRJobConfig.MAP_OUTPUT_COMPRESS_CODEC, DefaultCodec.class, CompressionCodec.class);
    MapOutputCompression.configure(conf);
    assertFalse(conf.getBoolean(MRJobConfig.MAP_OUTPUT_COMPRESS, true));
    assertEquals(DefaultCodec.class, conf.getClass(MRJobConfig.MAP_OUTPUT_COMPRESS_CODEC, null, CompressionCodec.class));
  }
}
