package org.sentinela.analytics.detect;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Windows of contracts signed close together: for each contract of a date-sorted list, the window
 * of at most {@code windowDays} days (last date − first date ≤ windowDays) that contains it and has
 * the largest sum. With positive values, that window always runs from some contract to the last one
 * within {@code windowDays} of it, so only those n windows are compared.
 */
public final class SplitWindows {

  private SplitWindows() {}

  /**
   * A window: contracts {@code first} to {@code last} (indices, inclusive) and their sum.
   *
   * @param first index of its first contract
   * @param last index of its last contract
   * @param sum sum of their values
   */
  public record Window(int first, int last, BigDecimal sum) {

    public int size() {
      return last - first + 1;
    }
  }

  /**
   * For each contract, its largest-sum window (ties: the earliest).
   *
   * @param dates signature dates, ascending
   * @param values the contracts' positive values, same order
   */
  public static List<Window> largestContaining(
      List<LocalDate> dates, List<BigDecimal> values, int windowDays) {
    int n = dates.size();
    if (values.size() != n) {
      throw new IllegalArgumentException(n + " dates but " + values.size() + " values");
    }
    BigDecimal[] prefix = new BigDecimal[n + 1];
    prefix[0] = BigDecimal.ZERO;
    for (int i = 0; i < n; i++) {
      if (i > 0 && dates.get(i).isBefore(dates.get(i - 1))) {
        throw new IllegalArgumentException("dates must be ascending: " + dates);
      }
      prefix[i + 1] = prefix[i].add(values.get(i));
    }
    List<Window> fromEach = new ArrayList<>(n);
    int last = 0;
    for (int first = 0; first < n; first++) {
      last = Math.max(last, first);
      while (last + 1 < n
          && ChronoUnit.DAYS.between(dates.get(first), dates.get(last + 1)) <= windowDays) {
        last++;
      }
      fromEach.add(new Window(first, last, prefix[last + 1].subtract(prefix[first])));
    }
    List<Window> best = new ArrayList<>(n);
    int reaching = 0; // windows' ends never decrease: those reaching k start at `reaching` or later
    for (int k = 0; k < n; k++) {
      while (fromEach.get(reaching).last() < k) {
        reaching++;
      }
      Window chosen = fromEach.get(reaching);
      for (int first = reaching + 1; first <= k; first++) {
        Window w = fromEach.get(first);
        if (w.sum().compareTo(chosen.sum()) > 0) {
          chosen = w;
        }
      }
      best.add(chosen);
    }
    return best;
  }
}
