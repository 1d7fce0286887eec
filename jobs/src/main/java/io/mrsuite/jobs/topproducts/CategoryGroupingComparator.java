package io.mrsuite.jobs.topproducts;

import io.mrsuite.formats.avro.RankedProductKey;
import io.mrsuite.jobs.common.keyed.FieldGroupingComparator;

/** Groups serialized {@link RankedProductKey}s by category (null a category of its own). */
public final class CategoryGroupingComparator extends FieldGroupingComparator<RankedProductKey> {
  public CategoryGroupingComparator() {
    super(RankedProductKey.getClassSchema(), "category");
  }
}
