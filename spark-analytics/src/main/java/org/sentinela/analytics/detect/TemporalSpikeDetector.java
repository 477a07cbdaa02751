package org.sentinela.analytics.detect;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.sentinela.analytics.baseline.SeasonalFactor;
import org.sentinela.analytics.baseline.SeasonalFactors;
import org.sentinela.analytics.significance.NormalTail;

/**
 * TEMPORAL_SPIKE: a buyer unit's month whose total is far above the unit's own typical month,
 * beyond the usual seasonal effect (the normal December rush is not a spike).
 *
 * <p>For each month the unit signed contracts in: a = ln(month total) − s, with s the seasonal
 * factor of month totals for the month of the year in the unit's UF (else macro-region, else
 * nation; {@link UnitMonthLevel}). The unit's typical month is the median of a over all its months,
 * its spread the MAD (floored at {@code minMad}). A unit with fewer than {@code minMonths} months
 * is not tested; a month whose total is under {@code minTotal} is not tested. z = (a − median) /
 * (1.4826 × max(MAD, minMad)); flagged when z ≥ {@code threshold} (spikes only, not slumps). Score
 * = z; p-value = P(Z ≥ z), the upper normal tail. One flag per unit-month, published through its
 * largest contract, with the stable id SHA-256({@code TEMPORAL_SPIKE|unit|YYYY-MM}).
 *
 * @param threshold z at or above which a month is flagged
 * @param thresholdVersion version of the threshold row it came from
 * @param minMonths fewest months with contracts a unit needs to be tested
 * @param minTotal smallest month total tested, in R$
 * @param minMad floor of the MAD of a unit's adjusted ln(month total)
 * @param topContracts how many of the month's contracts the evidence lists (largest first)
 * @param seasonalFactors tonight's seasonal factors of month totals
 */
public record TemporalSpikeDetector(
    BigDecimal threshold,
    int thresholdVersion,
    int minMonths,
    BigDecimal minTotal,
    double minMad,
    int topContracts,
    SeasonalFactors seasonalFactors)
    implements Serializable {

  /** The detector's name in {@code detector_thresholds} and {@code anomalies}. */
  public static final String NAME = "TEMPORAL_SPIKE";

  public static final String MIN_MONTHS = "min_months";
  public static final String MIN_TOTAL = "min_total";
  public static final String MIN_MAD = "min_mad";
  public static final String TOP_CONTRACTS = "top_contracts";

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
    if (!(minMad > 0 && Double.isFinite(minMad))) {
      throw new IllegalArgumentException(NAME + " " + MIN_MAD + " must be > 0, got " + minMad);
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
        row.doubleParameter(MIN_MAD),
        row.intParameter(TOP_CONTRACTS),
        SeasonalFactors.NONE);
  }

  /** This detector adjusting for tonight's seasonal factors of month totals. */
  public TemporalSpikeDetector withSeasonalFactors(SeasonalFactors tonight) {
    return new TemporalSpikeDetector(
        threshold, thresholdVersion, minMonths, minTotal, minMad, topContracts, tonight);
  }

  /**
   * The tested months of one unit, scored against the unit's typical month: none when the unit has
   * fewer than {@code minMonths} months; months under {@code minTotal} are left out.
   *
   * @param months the unit's months with contracts, any order, one per calendar month
   */
  public List<UnitMonthScore> score(List<UnitMonth> months) {
    if (months.size() < minMonths) {
      return List.of();
    }
    List<UnitMonth> ordered =
        months.stream()
            .sorted(Comparator.comparingInt(UnitMonth::year).thenComparingInt(UnitMonth::month))
            .toList();
    List<SeasonalFactor> seasons = new ArrayList<>(ordered.size());
    double[] adjusted = new double[ordered.size()];
    for (int i = 0; i < ordered.size(); i++) {
      UnitMonth month = ordered.get(i);
      SeasonalFactor season = seasonOf(month.buyerUf(), month.month()).orElse(null);
      seasons.add(season);
      adjusted[i] = month.logTotal() - (season == null ? 0.0 : season.factor());
    }
    double median = lowerMedian(adjusted);
    double[] deviations = Arrays.stream(adjusted).map(a -> Math.abs(a - median)).toArray();
    double mad = lowerMedian(deviations);
    double scale = RobustZ.scale(mad, minMad);
    List<UnitMonthScore> scores = new ArrayList<>();
    for (int i = 0; i < ordered.size(); i++) {
      UnitMonth month = ordered.get(i);
      if (month.total().compareTo(minTotal) < 0) {
        continue;
      }
      double z = (adjusted[i] - median) / scale;
      scores.add(
          new UnitMonthScore(
              month,
              seasons.get(i),
              adjusted[i],
              median,
              mad,
              ordered.size(),
              z,
              NormalTail.upper(z)));
    }
    return scores;
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

  /** The seasonal factor of month totals for a unit in {@code uf}: its UF's, else coarser. */
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

  /** The lower middle value, as {@code percentile_approx} gives for the baselines. */
  static double lowerMedian(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[(sorted.length - 1) / 2];
  }
}
