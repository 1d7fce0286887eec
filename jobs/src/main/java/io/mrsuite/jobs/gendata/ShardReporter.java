package io.mrsuite.jobs.gendata;

/** Where a shard's generator reports to its task: counts, and that it is still alive during a long shard. */
interface ShardReporter {
  void count(Enum<?> counter, long amount);

  void progress();
}
