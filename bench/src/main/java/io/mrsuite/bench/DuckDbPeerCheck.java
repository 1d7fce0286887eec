package io.mrsuite.bench;

import io.mrsuite.bench.duckdb.DuckDbDay;

/** Times the DuckDB peer on one event date and reports its time only when its marts equal ours ({@link PeerCheck}). */
public final class DuckDbPeerCheck {
  private DuckDbPeerCheck() {
  }

  public static void main(String[] args) throws Exception {
    PeerCheck.main("duckdb", "DuckDB's threads", args,
        day -> new DuckDbDay(day.root(), day.date(), day.lateDays(), day.threads()).run(day.out()));
  }
}
