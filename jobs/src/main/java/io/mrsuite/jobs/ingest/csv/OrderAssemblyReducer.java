package io.mrsuite.jobs.ingest.csv;

import io.mrsuite.formats.avro.Order;
import io.mrsuite.formats.avro.OrderLine;
import io.mrsuite.formats.quarantine.QuarantineReason;
import io.mrsuite.jobs.run.RecordCounters;
import io.mrsuite.jobs.shuffle.JoinKey;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.mapred.AvroKey;
import org.apache.avro.mapred.AvroValue;
import org.apache.hadoop.io.NullWritable;

/**
 * The reduce side of orders ⋈ order_lines on order_id. The secondary sort delivers an order_id's valid
 * orders first, by (file, offset), then its valid lines by (line_no, file, offset):
 * <ul>
 *   <li>the first order is kept, later ones are DUPLICATE_KEY;</li>
 *   <li>a line_no seen before for the order_id is DUPLICATE_KEY;</li>
 *   <li>other lines with no kept order are ORPHAN_LINE (the order is missing from the export or was
 *       invalid); the rest are nested in the order.</li>
 * </ul>
 * The kept order and its lines are deep-copied: the reduce iterator reuses the objects it hands out.
 */
public class OrderAssemblyReducer extends KeyedIngestReducer<Order> {
  private final AvroKey<Order> out = new AvroKey<>();

  @Override
  protected void reduce(AvroKey<JoinKey> key, Iterable<AvroValue<SourcedRecord>> values, Context context)
      throws IOException, InterruptedException {
    String orderId = key.datum().getKey();
    Order kept = null;
    String keptFrom = null;
    List<OrderLine> lines = new ArrayList<>();
    int lastLineNo = 0;
    String lastLineFrom = null;
    for (AvroValue<SourcedRecord> value : values) {
      SourcedRecord record = value.datum();
      if (record.getPayload() instanceof Order order) {
        if (kept == null) {
          kept = Order.newBuilder(order).build();
          keptFrom = SourcedRecords.position(record);
        } else {
          reject(context, record, QuarantineReason.DUPLICATE_KEY, "order " + orderId + " already kept from " + keptFrom);
        }
        continue;
      }
      OrderLine line = ((OrderLineEntry) record.getPayload()).getLine();
      if (line.getLineNo() == lastLineNo) {
        reject(context, record, QuarantineReason.DUPLICATE_KEY,
            "line " + lastLineNo + " of order " + orderId + " already seen at " + lastLineFrom);
        continue;
      }
      lastLineNo = line.getLineNo();
      lastLineFrom = SourcedRecords.position(record);
      if (kept == null) {
        reject(context, record, QuarantineReason.ORPHAN_LINE, "no valid order " + orderId + " in this export");
      } else {
        lines.add(OrderLine.newBuilder(line).build());
      }
    }
    if (kept != null) {
      kept.setLines(lines);
      out.datum(kept);
      context.write(out, NullWritable.get());
      context.getCounter(RecordCounters.WRITTEN).increment(1L + lines.size());
      context.getCounter(OrdersCounters.ORDERS_WRITTEN).increment(1);
      context.getCounter(OrdersCounters.LINES_WRITTEN).increment(lines.size());
    }
  }
}
