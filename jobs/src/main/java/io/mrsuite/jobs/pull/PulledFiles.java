package io.mrsuite.jobs.pull;

import io.mrsuite.formats.kafka.KafkaSplit;

/**
 * Where a map task's files go in its output (the run's staging directory) and then in the warehouse. A file is
 * named by its split, {@code kafka-<topic>-<partition>-<from>-<until>}, so a rerun of the same range writes the same
 * names and the commit can be finished after a crash without writing anything twice.
 */
final class PulledFiles {
  /** The staging subfolder of raw lines, as {@code raw/events} holds them: {@code dt=D/hr=HH/<file>.jsonl}. */
  static final String RAW = "raw";
  /** The staging subfolder of quarantined records: {@code dt=D/<file>.avro}. */
  static final String QUARANTINE = "quarantine";
  /** The staging subfolder of each task's partition and latest record timestamp, a file per split; never moved. */
  static final String POSITIONS = "_positions";

  private PulledFiles() {
  }

  static String name(KafkaSplit split) {
    return "kafka-" + split.topic() + "-" + split.partition() + "-" + split.from() + "-" + split.until();
  }

  static String raw(ArrivalHour hour, KafkaSplit split) {
    return RAW + "/" + hour.partition() + "/" + name(split) + ".jsonl";
  }

  static String position(KafkaSplit split) {
    return POSITIONS + "/" + name(split);
  }

  static String quarantine(ArrivalHour hour, KafkaSplit split) {
    return QUARANTINE + "/" + hour.partition().substring(0, hour.partition().indexOf('/')) + "/" + name(split)
        + ".avro";
  }
}
