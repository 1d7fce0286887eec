package io.mrsuite.jobs.warehouse;

/** The top-level folders of the warehouse (DATA-CONTRACT.md section 1). */
public enum Zone {
  /** Files as they landed: JSON Lines and CSV, partitioned by arrival or export date. */
  RAW("raw"),
  /** Validated Avro records. */
  CURATED("curated"),
  /** Every rejected input record of a curated dataset, with its reason. */
  QUARANTINE("quarantine"),
  /** Parquet analytics tables, partitioned by event date. */
  MARTS("marts");

  private final String dir;

  Zone(String dir) {
    this.dir = dir;
  }

  /** The folder's name under the warehouse root. */
  public String dir() {
    return dir;
  }
}
