package io.mrsuite.jobs.common.keyed;

import io.mrsuite.formats.avro.JoinKey;

/** Groups serialized {@link JoinKey}s by their business {@code key} alone, whatever their kind and source. */
public final class JoinKeyGroupingComparator extends FieldGroupingComparator<JoinKey> {
  public JoinKeyGroupingComparator() {
    super(JoinKey.getClassSchema(), "key");
  }
}
