/**
 * bin/bench: runs each job and the pipeline in local mode on a generated warehouse, measures them, and runs the
 * peers a data engineer would use instead on the same input in the same run; a peer's marts must equal ours
 * before its time is reported.
 */
package io.mrsuite.bench;
