package io.mrsuite.jobs.sessionize;

import io.mrsuite.formats.avro.CuratedDataModel;
import io.mrsuite.formats.avro.EnrichedEvent;
import io.mrsuite.formats.avro.Event;
import io.mrsuite.formats.avro.EventType;
import io.mrsuite.jobs.shuffle.SecondarySort;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.mapreduce.AvroJob;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapreduce.Job;

/** Events and task configurations for the sessionize tests. */
final class SessionFixtures {
  private SessionFixtures() {
  }

  /** What SessionizeJob sets for its tasks: data model, map output schemas, sort, partitioner and grouping. */
  static Configuration taskConf(Schema key, Schema value) throws IOException {
    Job job = Job.getInstance(new Configuration());
    AvroJob.setDataModelClass(job, CuratedDataModel.class);
    AvroJob.setMapOutputKeySchema(job, key);
    if (value != null) {
      AvroJob.setMapOutputValueSchema(job, value);
    }
    if (key.equals(SessionKey.getClassSchema())) {
      SecondarySort.configure(job, key, value, "visitor");
    }
    return job.getConfiguration();
  }

  static Event.Builder event(String id, EventType type, String time, String anonymousId) {
    return Event.newBuilder().setEventId(id).setEventType(type).setEventTime(Instant.parse(time))
        .setAnonymousId(anonymousId).setUserId(null).setProductId(null).setQuantity(1).setPrice(null)
        .setCurrency(null).setOrderId(null).setCountry(null).setPageUrl(null).setReferrer(null).setUserAgent(null)
        .setIp(null).setSearchQuery(null).setAttributes(Map.of()).setArrivalDate(LocalDate.parse(time.substring(0, 10)))
        .setSourceFile("/raw/events/a.jsonl").setSourceOffset(0).setSourceLine(1);
  }

  static EnrichedEvent enriched(Event event, String usdPerUnit) {
    return EnrichedEvent.newBuilder().setEvent(event).setInCatalog(false).setCategory(null).setBrand(null)
        .setUsdPerUnit(usdPerUnit == null ? null : new BigDecimal(usdPerUnit)).build();
  }
}
