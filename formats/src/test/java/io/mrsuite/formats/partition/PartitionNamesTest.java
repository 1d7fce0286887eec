package io.mrsuite.formats.partition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PartitionNamesTest {

  @Test
  void validDateNamesParse() {
    assertEquals(Optional.of(LocalDate.of(2026, 11, 20)), PartitionNames.parseDate("dt=2026-11-20"));
    assertEquals(Optional.of(LocalDate.of(2028, 2, 29)), PartitionNames.parseDate("dt=2028-02-29"));
    assertEquals("dt=2026-01-05", PartitionNames.dateName(LocalDate.of(2026, 1, 5)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"dt=2026-13-40", "dt=2026-1-5", "dt=2026-02-30", "dt=2027-02-29", "dt=2026-11-20 ",
      "dt= 2026-11-20", "dt=2026-11-20.tmp", "dt=", "dt=+2026-11-20", "dt=20261120", "dt=2026/11/20",
      "DT=2026-11-20", "date=2026-11-20", "_staging.dt=2026-11-20", "dt=２０２６-11-20", "2026-11-20"})
  void invalidDateNamesDoNotParse(String name) {
    assertEquals(Optional.empty(), PartitionNames.parseDate(name));
  }

  @Test
  void validHourNamesParse() {
    for (int hour = 0; hour < 24; hour++) {
      String name = PartitionNames.hourName(hour);
      assertEquals(String.format("hr=%02d", hour), name);
      assertEquals(OptionalInt.of(hour), PartitionNames.parseHour(name));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"hr=24", "hr=99", "hr=5", "hr=005", "hr=-1", "hr=ab", "hr=", "hr=0a", "HR=05", "hr=٠٥"})
  void invalidHourNamesDoNotParse(String name) {
    assertEquals(OptionalInt.empty(), PartitionNames.parseHour(name));
  }

  @Test
  void namesOutOfRangeAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> PartitionNames.hourName(24));
    assertThrows(IllegalArgumentException.class, () -> PartitionNames.hourName(-1));
    assertThrows(IllegalArgumentException.class, () -> PartitionNames.dateName(LocalDate.of(10000, 1, 1)));
  }

  @Test
  void hiddenNamesStartWithUnderscoreOrDot() {
    assertTrue(PartitionNames.isHidden("_SUCCESS"));
    assertTrue(PartitionNames.isHidden("_temporary"));
    assertTrue(PartitionNames.isHidden("_staging.dt=2026-11-20.run"));
    assertTrue(PartitionNames.isHidden(".part-m-00000.avro.crc"));
    assertFalse(PartitionNames.isHidden("part-m-00000.avro"));
    assertFalse(PartitionNames.isHidden("dt=2026-11-20"));
  }
}
