package io.mrsuite.jobs.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Dates on command lines are days of the calendar written as partition names write them. */
class DatesTest {
  @Test
  void aDayWrittenYyyyMmDdIsTaken() throws UsageException {
    assertEquals(LocalDate.of(2026, 3, 1), Dates.parseOption("date", "2026-03-01"));
    assertEquals(LocalDate.of(2028, 2, 29), Dates.parseOption("date", "2028-02-29"));
    assertEquals(LocalDate.of(9999, 12, 31), Dates.parseOption("date", "9999-12-31"));
  }

  @Test
  void anythingElseIsRefusedInOneSentence() {
    for (String text : new String[] {"2026-02-30", "2027-02-29", "2026-13-01", "2026-00-10", "2026-3-1",
        "2026-03-1", "26-03-01", "+10000-01-01", "+2026-03-01", "-0001-01-01", "2026-03-01T00:00", " 2026-03-01",
        "2026/03/01", "20260301", "garbage", "", "２０２６-03-01"}) {
      UsageException refused = assertThrows(UsageException.class, () -> Dates.parseOption("from", text), text);
      assertEquals("--from must be a date YYYY-MM-DD: " + text, refused.getMessage());
    }
  }

  @Test
  void aLateWindowMayReachTheLastNameableDateAndNoFurther() throws UsageException {
    Dates.requireLateDaysNamed("late-days", LocalDate.of(9999, 12, 30), 1);
    assertEquals("--late-days 2 reads past 9999-12-31, the last date a partition can be named for",
        assertThrows(UsageException.class, () -> Dates.requireLateDaysNamed("late-days", LocalDate.of(9999, 12, 30), 2))
            .getMessage());
    assertEquals("--late-days 2147483647 reads past 9999-12-31, the last date a partition can be named for",
        assertThrows(UsageException.class,
            () -> Dates.requireLateDaysNamed("late-days", LocalDate.of(2026, 3, 1), Integer.MAX_VALUE)).getMessage());
  }
}
