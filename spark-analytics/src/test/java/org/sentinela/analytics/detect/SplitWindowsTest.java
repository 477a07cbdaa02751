package org.sentinela.analytics.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SplitWindowsTest {

  private static List<LocalDate> dates(String... isoDates) {
    return Stream.of(isoDates).map(LocalDate::parse).toList();
  }

  private static List<BigDecimal> values(int... reais) {
    return java.util.Arrays.stream(reais).mapToObj(BigDecimal::valueOf).toList();
  }

  private static String describe(SplitWindows.Window w) {
    return w.first() + ".." + w.last() + "=" + w.sum();
  }

  @Test
  void aWindowSpansAtMostWindowDaysBothEdgesIncluded() {
    List<SplitWindows.Window> exactly90 =
        SplitWindows.largestContaining(dates("2022-01-01", "2022-04-01"), values(10, 20), 90);
    List<SplitWindows.Window> over90 =
        SplitWindows.largestContaining(dates("2022-01-01", "2022-04-02"), values(10, 20), 90);

    assertThat(exactly90)
        .extracting(SplitWindowsTest::describe)
        .containsExactly("0..1=30", "0..1=30");
    assertThat(over90).extracting(SplitWindowsTest::describe).containsExactly("0..0=10", "1..1=20");
  }

  @Test
  void eachContractGetsTheLargestWindowThatContainsIt() {
    // Jan 1 (5), Mar 1 (50), Apr 15 (40), Jul 1 (1): Mar+Apr is the heaviest run around Mar 1
    List<SplitWindows.Window> windows =
        SplitWindows.largestContaining(
            dates("2022-01-01", "2022-03-01", "2022-04-15", "2022-07-01"),
            values(5, 50, 40, 1),
            90);

    assertThat(windows)
        .extracting(SplitWindowsTest::describe)
        .containsExactly("0..1=55", "1..2=90", "1..2=90", "2..3=41");
  }

  @Test
  void contractsOnTheSameDayShareTheirWindow() {
    List<SplitWindows.Window> windows =
        SplitWindows.largestContaining(
            dates("2022-05-05", "2022-05-05", "2022-05-05"), values(1, 2, 3), 0);

    assertThat(windows).extracting(SplitWindowsTest::describe).containsOnly("0..2=6");
  }
}
