package org.sentinela.analytics.detect;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.sentinela.analytics.baseline.SeasonalFactor;
import org.sentinela.analytics.baseline.SeasonalFactors;
import org.sentinela.analytics.significance.NormalTail;

/**
 * TEMPORAL_SPIKE: a buyer unit's month with far more contracts than the unit's own typical month,
 * beyond the usual seasonal effect (the normal December rush is not a spike). It judges activity,
 * not money: a month total is dominated by its few largest contracts, and one huge contract is
 * VALUE_OUTLIER's to judge.
 *
 * <p>Null model: a unit's count x in a month is over-dispersed Poisson with mean μ = c × m, where m
 * = exp(s) is the seasonal multiple of month counts for that month of the year in the unit's UF
 * (else macro-region, else nation; {@link UnitMonthLevel}) and c is the unit's typical month, the
 * median of x / m over its months. Anscombe's transform 2√(x + 3/8) makes a Poisson count's
 * variance about 1 whatever μ, so the residual r = 2√(x + 3/8) − 2√(μ + 3/8) is about normal with
 * variance φ; φ is the unit's own over-dispersion, the mean square of the residuals of its other
 * months ({@link #dispersionWithout}), floored at 1 (a unit is never judged steadier than Poisson):
 * a month is compared with how much the unit's months vary without it, like a deleted residual. z =
 * r / √φ; flagged when z ≥ {@code threshold} (more activity only). Score = z; p-value = P(Z ≥ z),
 * the upper normal tail. A unit with fewer than {@code minMonths} months is not tested, nor a month
 * whose total is under {@code minTotal}. Only months the lake covers count ({@link
 * #coveredMonths}): contracts signed years before the files it holds are thinly present and would
 * drag a unit's typical month down. Only months with contracts are observed, so c leans high for a
 * sparse unit: conservative. One flag per unit-month, published through its largest contract, with
 * the stable id SHA-256({@code TEMPORAL_SPIKE|unit|YYYY-MM}).
 *
 * @param threshold z at or above which a month is flagged
 * @param thresholdVersion version of the threshold row it came from
 * @param minMonths fewest months with contracts a unit needs to be tested
 * @param minTotal smallest month total tested, in R$
 * @param minCoverage share of the recent national monthly count a month needs to be covered
 * @param topContracts how many of the month's contracts the evidence lists (largest first)
 * @param seasonalFactors tonight's seasonal factors of month counts
 */
public record TemporalSpikeDetector(
    BigDecimal threshold,
    int thresholdVersion,
    int minMonths,
    BigDecimal minTotal,
    double minCoverage,
    int topContracts,
    SeasonalFactors seasonalFactors)
    implements Serializable {

  /** The detector's name in {@code detector_thresholds} and {@code anomalies}. */
  public static final String NAME = "TEMPORAL_SPIKE";

  public static final String MIN_MONTHS = "min_months";
  public static final String MIN_TOTAL = "min_total";
  public static final String MIN_COVERAGE = "min_coverage";
  public static final String TOP_CONTRACTS = "top_contracts";

  /** How many of the latest months with contracts set the reference national monthly count. */
  public static final int COVERAGE_MONTHS = 12;

  public TemporalSpikeDetector {
    EvidenceJson.requireValid(NAME, threshold, thresholdVersion);
    if (minMonths < 3) {
      throw new IllegalArgumentException(
          NAME + " " + MIN_MONTHS + " must be >= 3, got " + minMonths);
    }
    Objects.requireNonNull(minTotal, MIN_TOTAL);
    if (minTotal.signum() < 0) {
      throw new IllegalArgumentException(NAME + " " + MIN_TOTAL + " must be >= 0, got " + minTotal);
    }
    if (!(minCoverage > 0 && minCoverage <= 1)) {
      throw new IllegalArgumentException(
          NAME + " " + MIN_COVERAGE + " must be in (0, 1], got " + minCoverage);
    }
    if (topContracts < 1) {
      throw new IllegalArgumentException(
          NAME + " " + TOP_CONTRACTS + " must be >= 1, got " + topContracts);
    }
    Objects.requireNonNull(seasonalFactors, "seasonalFactors");
  }

  /** The detector configured by its current threshold row, without seasonal factors yet. */
  public static TemporalSpikeDetector fromThreshold(DetectorThreshold row) {
    row.requireDetector(NAME);
    return new TemporalSpikeDetector(
        row.threshold(),
        row.version(),
        row.intParameter(MIN_MONTHS),
        row.decimalParameter(MIN_TOTAL),
        row.doubleParameter(MIN_COVERAGE),
        row.intParameter(TOP_CONTRACTS),
        SeasonalFactors.NONE);
  }

  /** This detector adjusting for tonight's seasonal factors of month counts. */
  public TemporalSpikeDetector withSeasonalFactors(SeasonalFactors tonight) {
    return new TemporalSpikeDetector(
        threshold, thresholdVersion, minMonths, minTotal, minCoverage, topContracts, tonight);
  }

  /**
   * The calendar months the lake covers, as year × 12 + month − 1: those whose national count of
   * scored contracts is at least {@code minCoverage} × the median count of the {@link
   * #COVERAGE_MONTHS} latest months with contracts.
   *
   * @param nationalCounts scored contracts per calendar month (year × 12 + month − 1)
   */
  public Set<Integer> coveredMonths(Map<Integer, Long> nationalCounts) {
    List<Integer> latestFirst =
        nationalCounts.keySet().stream().sorted(Comparator.reverseOrder()).toList();
    double[] recent =
        latestFirst.stream()
            .limit(COVERAGE_MONTHS)
            .mapToDouble(m -> nationalCounts.get(m).doubleValue())
            .toArray();
    if (recent.length == 0) {
      return Set.of();
    }
    double floor = minCoverage * median(recent);
    return latestFirst.stream()
        .filter(m -> nationalCounts.get(m) >= floor)
        .collect(Collectors.toUnmodifiableSet());
  }

  /** Anscombe's variance-stabilised count, 2√(x + 3/8). */
  public static double anscombe(double count) {
    return 2 * Math.sqrt(count + 0.375);
  }

  /**
   * The tested months of one unit, scored against the unit's typical month: none when the unit has
   * fewer than {@code minMonths} months; months under {@code minTotal} are left out (they still
   * shape the typical month).
   *
   * @param months the unit's covered months with contracts, any order, one per calendar month
   */
  public List<UnitMonthScore> score(List<UnitMonth> months) {
    if (months.size() < minMonths) {
      return List.of();
    }
    List<UnitMonth> ordered =
        months.stream()
            .sorted(Comparator.comparingInt(UnitMonth::year).thenComparingInt(UnitMonth::month))
            .toList();
    int n = ordered.size();
    List<SeasonalFactor> seasons = new ArrayList<>(n);
    double[] multiples = new double[n];
    double[] adjusted = new double[n];
    for (int i = 0; i < n; i++) {
      UnitMonth month = ordered.get(i);
      SeasonalFactor season = seasonOf(month.buyerUf(), month.month()).orElse(null);
      seasons.add(season);
      multiples[i] = season == null ? 1.0 : season.multiple();
      adjusted[i] = month.contracts() / multiples[i];
    }
    double typical = median(adjusted);
    double[] residuals = new double[n];
    for (int i = 0; i < n; i++) {
      residuals[i] = anscombe(ordered.get(i).contracts()) - anscombe(typical * multiples[i]);
    }
    double sumOfSquares = 0;
    for (double r : residuals) {
      sumOfSquares += r * r;
    }
    List<UnitMonthScore> scores = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      UnitMonth month = ordered.get(i);
      if (month.total().compareTo(minTotal) < 0) {
        continue;
      }
      double dispersion = dispersionWithout(residuals[i], sumOfSquares, n);
      double z = residuals[i] / Math.sqrt(dispersion);
      scores.add(
          new UnitMonthScore(
              month,
              seasons.get(i),
              typical,
              typical * multiples[i],
              dispersion,
              n,
              z,
              NormalTail.upper(z)));
    }
    return scores;
  }

  /**
   * φ of a tested month: the mean square of the unit's other months' residuals, n − 2 degrees of
   * freedom (the typical month is estimated), floored at 1. Leaving the tested month out keeps a
   * lone spike from hiding itself; counting every other month keeps a unit that works in bursts
   * (quiet months, then dozens of contracts at once, again and again) from having each burst judged
   * against its quiet months only.
   */
  static double dispersionWithout(double residual, double sumOfSquares, int months) {
    return Math.max(1.0, (sumOfSquares - residual * residual) / (months - 2));
  }

  /** True when a tested month is a spike. */
  public boolean flags(UnitMonthScore score) {
    return score.z() >= threshold.doubleValue();
  }

  /**
   * The finding of a spike, published through the largest of the month's contracts.
   *
   * @param spike a flagged unit-month
   * @param monthContracts the unit's scored contracts signed that month, any order
   */
  public Finding finding(UnitMonthScore spike, List<ContractFacts> monthContracts) {
    TemporalSpikeReport report =
        new TemporalSpikeReport(this, spike, TemporalSpikeReport.largestFirst(monthContracts));
    return new Finding(
        AnomalyIds.of(NAME, spike.key()),
        NAME,
        spike.z(),
        spike.pValue(),
        threshold,
        thresholdVersion,
        report.evidenceJson(),
        report.explanation());
  }

  /** The seasonal factor of month counts for a unit in {@code uf}: its UF's, else coarser. */
  public Optional<SeasonalFactor> seasonOf(String uf, int month) {
    for (UnitMonthLevel level = UnitMonthLevel.UNIT_MONTH_UF;
        level != null;
        level = level.parent()) {
      Optional<SeasonalFactor> factor = seasonalFactors.of(level.name(), level.key(uf), month);
      if (factor.isPresent()) {
        return factor;
      }
    }
    return Optional.empty();
  }

  /** The median: the middle value, or the mean of the two middle ones. */
  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int half = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[half] : (sorted[half - 1] + sorted[half]) / 2;
  }
}
