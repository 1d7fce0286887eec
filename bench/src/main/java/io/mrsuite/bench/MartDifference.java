package io.mrsuite.bench;

import java.util.List;
import java.util.Map;

/**
 * How one mart partition of a peer differs from ours: its files' columns, or its rows compared as bags.
 *
 * @param table the mart's directory name, e.g. {@code product_daily}
 * @param problem why the rows could not be compared (no files, other columns), or null when they were
 * @param oursOnly how many of our rows the peer lacks (EXCEPT ALL: a row we have twice and it once counts once)
 * @param peerOnly how many of the peer's rows we lack
 * @param oursOnlyRows the first of those rows, column name to value, at most {@link MartComparison#ROWS_SHOWN}
 * @param peerOnlyRows likewise for the peer's
 */
public record MartDifference(String table, String problem, long oursOnly, long peerOnly,
    List<Map<String, Object>> oursOnlyRows, List<Map<String, Object>> peerOnlyRows) {

  static MartDifference problem(String table, String problem) {
    return new MartDifference(table, problem, 0, 0, List.of(), List.of());
  }

  /** One paragraph: the problem, or the counts and the rows shown. */
  public String describe() {
    if (problem != null) {
      return table + ": " + problem;
    }
    StringBuilder text = new StringBuilder(table + ": " + oursOnly + " of our rows not in the peer's, " + peerOnly
        + " of the peer's not in ours");
    oursOnlyRows.forEach(row -> text.append("\n  ours only: ").append(row));
    peerOnlyRows.forEach(row -> text.append("\n  peer only: ").append(row));
    return text.toString();
  }
}
