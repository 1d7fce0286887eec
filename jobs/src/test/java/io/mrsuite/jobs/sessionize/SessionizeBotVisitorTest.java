package io.mrsuite.jobs.sessionize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mrsuite.formats.avro.EnrichedEvent;
import io.mrsuite.formats.avro.Event;
import io.mrsuite.formats.avro.EventType;
import io.mrsuite.formats.avro.Session;
import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapreduce.MRJobConfig;
import org.apache.hadoop.util.ToolRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bot visitor with 3 million events in one day, sessionized in local mode by a JVM whose whole heap is
 * 256 MB (the surefire execution bot-visitor-256m): the reducer must stream the visitor's events. Its
 * events come every 25 ms, with a gap of 30:00.001 after the first million (a split) and of exactly
 * 30:00.000 after the second (no split); every 1,000th event is a purchase of 1.00 at rate 1.
 */
class SessionizeBotVisitorTest {
  private static final int EVENTS = 3_000_000;
  private static final long STEP_MILLIS = 25;
  private static final long START = Instant.parse("2026-11-20T00:00:00Z").toEpochMilli();

  @TempDir
  Path dir;

  @Test
  void sessionizesThreeMillionEventsOfOneVisitorInASmallHeap() throws Exception {
    assertTrue(Runtime.getRuntime().maxMemory() <= 256L << 20, "runs with -Xmx256m: " + Runtime.getRuntime().maxMemory());
    writeBotEvents(dir.resolve("in/events.avro").toFile());
    Configuration conf = new Configuration();
    conf.set("fs.defaultFS", "file:///");
    conf.set("mapreduce.framework.name", "local");
    conf.setInt(MRJobConfig.NUM_REDUCES, 1);
    // In local mode the map task shares this heap; on a cluster it has its own JVM.
    conf.setInt(MRJobConfig.IO_SORT_MB, 64);

    Path output = dir.resolve("sessions/dt=2026-11-20");
    assertEquals(0, ToolRunner.run(conf, new SessionizeJob(), new String[] {"--input", dir.resolve("in").toString(),
        "--output", output.toString(), "--date", "2026-11-20"}));

    List<Session> sessions = read(output);
    long secondStart = time(1_000_000);
    assertEquals(List.of(
        "bot-1@2026-11-20T00:00:00.000Z " + START + ".." + time(999_999) + " 1000000 purchases 1000 revenue 1000.00",
        "bot-1@" + Instant.ofEpochMilli(secondStart) + " " + secondStart + ".." + time(EVENTS - 1)
            + " 2000000 purchases 2000 revenue 2000.00"),
        sessions.stream().map(s -> s.getSessionId() + " " + s.getSessionStart().toEpochMilli() + ".."
            + s.getSessionEnd().toEpochMilli() + " " + s.getEventCount() + " purchases " + s.getPurchases()
            + " revenue " + s.getRevenueUsd()).toList());
  }

  /** The time of the i-th event: 25 ms apart, plus 30:00.001 after the first million and 30:00.000 after the second. */
  private static long time(int i) {
    long time = START + i * STEP_MILLIS;
    if (i >= 1_000_000) {
      time += OpenSession.MAX_GAP_MILLIS + 1 - STEP_MILLIS;
    }
    if (i >= 2_000_000) {
      time += OpenSession.MAX_GAP_MILLIS - STEP_MILLIS;
    }
    return time;
  }

  private static void writeBotEvents(File file) throws IOException {
    file.getParentFile().mkdirs();
    Event event = SessionFixtures.event("bot-0", EventType.page_view, "2026-11-20T00:00:00Z", "bot-1")
        .setPageUrl("/").build();
    EnrichedEvent enriched = SessionFixtures.enriched(event, null);
    try (DataFileWriter<EnrichedEvent> writer = new DataFileWriter<>(new SpecificDatumWriter<>(EnrichedEvent.class))) {
      writer.setCodec(CodecFactory.snappyCodec());
      writer.create(EnrichedEvent.getClassSchema(), file);
      // Written in descending time order, so the sort, not the input, puts the events in order.
      for (int i = EVENTS - 1; i >= 0; i--) {
        boolean purchase = i % 1000 == 999;
        event.setEventId(String.format("bot-%07d", i));
        event.setEventTime(Instant.ofEpochMilli(time(i)));
        event.setEventType(purchase ? EventType.purchase : EventType.page_view);
        event.setPrice(purchase ? BigDecimal.ONE.setScale(2) : null);
        event.setCurrency(purchase ? "USD" : null);
        event.setProductId(purchase ? "p-1" : null);
        event.setOrderId(purchase ? "o-" + i : null);
        enriched.setUsdPerUnit(purchase ? BigDecimal.ONE.setScale(8) : null);
        writer.append(enriched);
      }
    }
  }

  private static List<Session> read(Path partition) throws IOException {
    List<Session> sessions = new ArrayList<>();
    try (Stream<Path> files = Files.list(partition)) {
      for (Path part : files.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList()) {
        try (DataFileReader<Session> reader = new DataFileReader<>(part.toFile(), new SpecificDatumReader<>(Session.class))) {
          reader.forEach(sessions::add);
        }
      }
    }
    return sessions;
  }
}
