package io.mrsuite.jobs.fuzz;

import io.mrsuite.formats.avro.Order;
import io.mrsuite.formats.avro.OrderLine;
import io.mrsuite.formats.quarantine.QuarantineReason;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks an ingest-orders run: orders and their lines are joined on order_id, so what must become of a
 * record depends on the other records of its order.
 *
 * <p>An order is known when no corruption reached it or any of its lines: it must come out exactly, with
 * exactly its valid lines nested; when it is not written, its valid lines are ORPHAN_LINEs. When a
 * corruption reached one of them, a valid order must still come out with its own fields, and its valid
 * lines may be nested, orphans or duplicates of a changed line (keys are far enough apart that a corrupted
 * record never takes another order's id; see {@link Keys}).
 */
final class OrdersCheck extends RunCheck {
  /** The records of one order_id across the day's files, and whether every one of them is known. */
  private static final class OrderGroup {
    PlantedRecord order;
    final List<PlantedRecord> lines = new ArrayList<>();
    boolean known = true;

    boolean orderWritten(Map<PlantedRecord, Expectation> planted) {
      return order != null && planted.get(order) instanceof Expectation.Written;
    }
  }

  private final Map<String, OrderGroup> groups = new HashMap<>();
  private final Map<PlantedRecord, OrderGroup> groupOf = new IdentityHashMap<>();
  private final Map<PlantedRecord, Expectation> planted = new IdentityHashMap<>();
  private final Map<PlantedRecord, Integer> writtenTimes = new IdentityHashMap<>();

  OrdersCheck(String job, Path root, List<RawFile> files, Findings findings) {
    super(job, root, files, findings);
  }

  void check(PublishedRun<Order> run) {
    checkQuarantine(run.quarantine());
    for (Order order : run.curated()) {
      checkCurated(order);
    }
    for (OrderGroup group : groups.values()) {
      if (group.orderWritten(planted) && writtenTimes.getOrDefault(group.order, 0) != 1) {
        findings.problem(job, fileOfRecord(group.order), "the valid order " + group.order + " is written "
            + writtenTimes.getOrDefault(group.order, 0) + " times");
      }
    }
    checkEveryQuarantinedRecordCameOut();
    checkBooks(run, run.curated().size() + run.curated().stream().mapToLong(o -> o.getLines().size()).sum());
  }

  /** Groups the records by order_id; a record lost past a stream break is in no group. */
  @Override
  protected void afterResolving() {
    for (ResolvedFile file : resolvedFiles()) {
      for (PlantedRecord record : file.records()) {
        if (record.key() == null || !(file.fateOf(record) instanceof ResolvedFile.Planted fate)) {
          continue;
        }
        OrderGroup group = groups.computeIfAbsent(record.key(), k -> new OrderGroup());
        groupOf.put(record, group);
        planted.put(record, fate.expectation());
        if (file.file().dataset() == RawDataset.ORDERS) {
          group.order = record;
        } else {
          group.lines.add(record);
        }
        group.known &= !(fate.expectation() instanceof Expectation.Unknown);
      }
    }
  }

  @Override
  protected Expectation effective(ResolvedFile file, PlantedRecord record, Expectation plantedExpectation) {
    OrderGroup group = groupOf.get(record);
    if (group != null && group.known && file.file().dataset() == RawDataset.ORDER_LINES
        && plantedExpectation instanceof Expectation.Written && !group.orderWritten(planted)) {
      return Expectation.quarantined(QuarantineReason.ORPHAN_LINE);
    }
    return plantedExpectation;
  }

  @Override
  protected boolean mayQuarantineValid(PlantedRecord record, QuarantineReason reason) {
    OrderGroup group = groupOf.get(record);
    return group != null && !group.known && group.order != record
        && (reason == QuarantineReason.ORPHAN_LINE || reason == QuarantineReason.DUPLICATE_KEY);
  }

  private void checkCurated(Order order) {
    RawFile file = fileOf(order.getSourceFile());
    long offset = order.getSourceOffset();
    if (file == null || file.dataset() != RawDataset.ORDERS) {
      findings.problem(job, file, "curated order from " + order.getSourceFile() + ", no orders file of this run: "
          + order);
      return;
    }
    ResolvedFile resolvedFile = resolved(file);
    if (!resolvedFile.mayWrite()) {
      findings.problem(job, file, "curated order at byte " + offset + " from a file nothing valid can come from: "
          + order);
      return;
    }
    PlantedRecord record = resolvedFile.recordAt(offset);
    Expectation expectation = record == null ? null : planted.get(record);
    if (expectation instanceof Expectation.Written written) {
      writtenTimes.merge(record, 1, Integer::sum);
      OrderGroup group = groupOf.get(record);
      Order expected = (Order) written.record();
      expected.setSourceFile(order.getSourceFile());
      expected.setSourceOffset(record.offset());
      expected.setLines(group.known ? lines(group) : order.getLines());
      if (!expected.equals(order)) {
        findings.problem(job, file, "the order " + record + (group.known ? "" : " (lines not predicted)")
            + " is written as\n    " + order + "\n  expected\n    " + expected);
      } else {
        findings.validRecordChecked();
        if (group.known) {
          order.getLines().forEach(line -> findings.validRecordChecked());
        }
      }
    } else if (expectation instanceof Expectation.Unknown || resolvedFile.isInUnpredictedBytes(offset)) {
      findings.unpredictedRecordSeen();
    } else {
      findings.problem(job, file, "curated order at byte " + offset + " that no valid order accounts for ("
          + (record == null ? "no record starts there" : "the " + record) + "): " + order);
    }
  }

  /** The valid lines of a known order, in line_no order as the job nests them. */
  private List<OrderLine> lines(OrderGroup group) {
    List<OrderLine> lines = new ArrayList<>();
    for (PlantedRecord line : group.lines) {
      if (planted.get(line) instanceof Expectation.Written written) {
        lines.add((OrderLine) written.record());
      }
    }
    lines.sort(Comparator.comparing(OrderLine::getLineNo));
    return lines;
  }

  private RawFile fileOfRecord(PlantedRecord record) {
    for (ResolvedFile file : resolvedFiles()) {
      if (file.records().contains(record)) {
        return file.file();
      }
    }
    return null;
  }
}
