package io.mrsuite.jobs.dq;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;

/**
 * One profiled column of a record schema.
 *
 * <p>A column is a top-level field, or a field of a nested record under its dotted name
 * ({@code event.event_id}). Arrays and maps are columns themselves, not flattened: a column holds at most one
 * value per record, so its null count and rows add up to the dataset's records.
 *
 * @param name dotted name
 * @param positions field positions from the top record down to this field
 * @param schema the field's schema, nullable unions included
 */
record Column(String name, int[] positions, Schema schema) {
  /** The columns of a record schema, in field order, nested records flattened. */
  static List<Column> of(Schema record) {
    List<Column> columns = new ArrayList<>();
    collect(record, "", new int[0], columns);
    return columns;
  }

  private static void collect(Schema record, String prefix, int[] parent, List<Column> columns) {
    for (Schema.Field field : record.getFields()) {
      int[] positions = Arrays.copyOf(parent, parent.length + 1);
      positions[parent.length] = field.pos();
      Schema nested = ColumnTypes.withoutNull(field.schema());
      if (nested.getType() == Schema.Type.RECORD) {
        collect(nested, prefix + field.name() + ".", positions, columns);
      } else {
        columns.add(new Column(prefix + field.name(), positions, field.schema()));
      }
    }
  }

  /** This column's value in {@code record}; null when it or a record above it is null. */
  Object valueIn(IndexedRecord record) {
    Object value = record;
    for (int position : positions) {
      if (value == null) {
        return null;
      }
      value = ((IndexedRecord) value).get(position);
    }
    return value;
  }
}
