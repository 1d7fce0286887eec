/**
 * Selects the existing date partitions a job reads from one dataset directory of the warehouse.
 *
 * <p>A dataset directory (DATA-CONTRACT.md section 1, such as {@code ROOT/raw/events} or
 * {@code ROOT/curated/events}) plus a date range and a late window turn into exactly the existing
 * {@code dt=YYYY-MM-DD} directories and, for raw events, their {@code hr=HH} subdirectories.
 *
 * <ul>
 *   <li>{@link io.mrsuite.formats.partition.DatePartitions}: the request (immutable) and its
 *       {@code select(FileSystem, Path)}.</li>
 *   <li>{@link io.mrsuite.formats.partition.PartitionSelection}: the answer: selected partitions in date
 *       order, the dates that are missing or incomplete, and every directory entry that was ignored and
 *       why.</li>
 *   <li>{@link io.mrsuite.formats.partition.MissingPartitionsException}: thrown when partitions are missing
 *       and the caller did not allow it; names every missing date.</li>
 *   <li>{@link io.mrsuite.formats.partition.VisiblePathFilter}: an input path filter that keeps
 *       {@code _SUCCESS}, {@code _manifest.json}, {@code _temporary}, {@code .crc} files out of a job's
 *       input.</li>
 *   <li>{@link io.mrsuite.formats.partition.PartitionNames}: the strict {@code dt=} / {@code hr=} name
 *       rules and the names this package relies on.</li>
 * </ul>
 *
 * <p>The package reads no Configuration keys: the job that selects its inputs passes every choice explicitly,
 * on the client, before the job is submitted. Nothing here runs in a task and there is no static mutable
 * state.
 */
package io.mrsuite.formats.partition;
