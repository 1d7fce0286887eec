package io.mrsuite.bench.duckdb;

import io.mrsuite.bench.PeerDaySampleTests;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

/** The DuckDB peer on the hand-checked sample warehouse: its marts are the expected ones, as ours must be. */
class DuckDbDaySampleTest extends PeerDaySampleTests {
  @Override
  protected Map<String, Long> runPeer(Path warehouse, LocalDate day, int lateDays, Path out) throws Exception {
    return new DuckDbDay(warehouse, day, lateDays, THREADS).run(out);
  }
}
