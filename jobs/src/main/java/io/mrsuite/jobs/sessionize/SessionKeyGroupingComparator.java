package io.mrsuite.jobs.sessionize;

import io.mrsuite.formats.avro.SessionKey;
import io.mrsuite.jobs.common.keyed.FieldGroupingComparator;

/** Groups serialized {@link SessionKey}s by visitor, so one reduce call streams all of a visitor's events. */
public final class SessionKeyGroupingComparator extends FieldGroupingComparator<SessionKey> {
  public SessionKeyGroupingComparator() {
    super(SessionKey.getClassSchema(), "visitor");
  }
}
