/**
 * Input formats over the warehouse's record files, Avro and Parquet, read as Avro records.
 *
 * <ul>
 *   <li>{@link io.mrsuite.formats.records.ParquetAvroKeyInputFormat}: Parquet files as
 *       {@code AvroKey<GenericRecord>}, the key type of Avro's own input format, so one mapper reads either.</li>
 *   <li>{@link io.mrsuite.formats.records.DatasetFileInputFormat}: the Avro and Parquet files of whole
 *       partitions, each record keyed by its dataset label ({@code curated/events}).</li>
 * </ul>
 */
package io.mrsuite.formats.records;
