package org.sentinela.analytics.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sentinela.analytics.baseline.SeasonalCell;
import org.sentinela.analytics.baseline.SeasonalFactors;
import org.sentinela.analytics.fixtures.TestContract;
import org.sentinela.analytics.significance.NormalTail;

public class TemporalSpikeDetectorTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The detector as migration V13 seeds it (version 2; V10's parameters). */
  public static final TemporalSpikeDetector SEEDED =
      new TemporalSpikeDetector(
          new BigDecimal("3.5"), 2, 12, new BigDecimal("10000"), 0.5, 10, SeasonalFactors.NONE);

  /** Every unit's Decembers in RJ hold three times its typical month's contracts. */
  private static final TemporalSpikeDetector SEASONAL =
      SEEDED.withSeasonalFactors(decembersTriple());

  /**
   * Two years of a unit in RJ: 6 to 15 contracts a month of R$ 10,000 each (10 typically),
   * Decembers three times as many.
   */
  private static List<UnitMonth> twoOrdinaryYears() {
    int[] wobble = {6, 8, 10, 13, 15, 10};
    List<UnitMonth> months = new ArrayList<>();
    for (int year = 2021; year <= 2022; year++) {
      for (int month = 1; month <= 12; month++) {
        int contracts = wobble[(month + year) % wobble.length] * (month == 12 ? 3 : 1);
        months.add(month(year, month, contracts, 10_000.0 * contracts));
      }
    }
    return months;
  }

  private static UnitMonth month(int year, int month, long contracts, double total) {
    return new UnitMonth("153000", "RJ", year, month, contracts, BigDecimal.valueOf(total));
  }

  private static List<UnitMonth> replace(List<UnitMonth> months, UnitMonth changed) {
    List<UnitMonth> copy = new ArrayList<>(months);
    copy.replaceAll(m -> m.year() == changed.year() && m.month() == changed.month() ? changed : m);
    return copy;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
  }

  /** Every unit's Decembers in RJ hold three times its typical month's contracts, two years. */
  private static SeasonalFactors decembersTriple() {
    List<SeasonalCell> cells = new ArrayList<>();
    for (int m = 1; m <= 12; m++) {
      double median = m == 12 ? Math.log(3) : 0.0;
      cells.add(new SeasonalCell("UNIT_MONTH_NATIONAL", "national", null, null, m, 400, 2, median));
      cells.add(
          new SeasonalCell(
              "UNIT_MONTH_MACRO",
              "macro=SE",
              "UNIT_MONTH_NATIONAL",
              "national",
              m,
              200,
              2,
              median));
      cells.add(
          new SeasonalCell(
              "UNIT_MONTH_UF", "uf=RJ", "UNIT_MONTH_MACRO", "macro=SE", m, 100, 2, median));
    }
    return SeasonalFactors.estimate(
        cells,
        Map.of(
            "UNIT_MONTH_NATIONAL|national", 0.0,
            "UNIT_MONTH_MACRO|macro=SE", 0.0,
            "UNIT_MONTH_UF|uf=RJ", 0.0));
  }

  @Test
  void aMonthWithFiveTimesTheUnitsUsualContractsIsASpike() {
    List<UnitMonth> months = replace(twoOrdinaryYears(), month(2022, 6, 50, 500_000));

    List<UnitMonthScore> scores = SEASONAL.score(months);

    assertThat(scores).hasSize(24);
    List<UnitMonthScore> spikes = scores.stream().filter(SEASONAL::flags).toList();
    assertThat(spikes)
        .singleElement()
        .satisfies(s -> assertThat(s.key()).isEqualTo("153000|2022-06"));
    UnitMonthScore june = spikes.get(0);
    double decembers = SEASONAL.seasonOf("RJ", 12).orElseThrow().multiple();
    double typical =
        median(
            months.stream()
                .mapToDouble(m -> m.contracts() / (m.month() == 12 ? decembers : 1.0))
                .toArray());
    assertThat(typical).isEqualTo(10.0);
    assertThat(june.typicalContracts()).isEqualTo(typical);
    assertThat(june.expectedContracts()).isEqualTo(typical);
    double[] residuals =
        months.stream()
            .mapToDouble(
                m ->
                    TemporalSpikeDetector.anscombe(m.contracts())
                        - TemporalSpikeDetector.anscombe(
                            typical * (m.month() == 12 ? decembers : 1.0)))
            .toArray();
    double juneResidual = residuals[17];
    double othersMeanSquare =
        (Arrays.stream(residuals).map(r -> r * r).sum() - juneResidual * juneResidual) / 22;
    double dispersion = Math.max(1, othersMeanSquare);
    assertThat(june.dispersion()).isCloseTo(dispersion, within(1e-12)).isLessThan(1.5);
    assertThat(june.z())
        .isCloseTo(
            (2 * Math.sqrt(50.375) - 2 * Math.sqrt(typical + 0.375)) / Math.sqrt(dispersion),
            within(1e-12))
        .isGreaterThan(6);
    assertThat(june.pValue()).isEqualTo(NormalTail.upper(june.z()));
    assertThat(june.monthsObserved()).isEqualTo(24);
  }

  @Test
  void aUnitThatWorksInBurstsHasNoSpikeButALoneBurstIsOne() {
    int[] bursty = {1, 1, 26, 1, 1, 1, 35, 1, 1, 38, 1, 1, 49, 1};
    List<UnitMonth> bursts = new ArrayList<>();
    List<UnitMonth> loneBurst = new ArrayList<>();
    for (int i = 0; i < bursty.length; i++) {
      int year = 2021 + i / 12;
      int month = i % 12 + 1;
      bursts.add(month(year, month, bursty[i], 20_000.0 * bursty[i]));
      int lone = i == 12 ? 49 : 1;
      loneBurst.add(month(year, month, lone, 20_000.0 * lone));
    }

    List<UnitMonthScore> scored = SEEDED.score(bursts);
    UnitMonthScore largest =
        scored.stream().filter(s -> s.month().contracts() == 49).findFirst().orElseThrow();
    double[] residuals =
        Arrays.stream(bursty)
            .mapToDouble(x -> TemporalSpikeDetector.anscombe(x) - TemporalSpikeDetector.anscombe(1))
            .toArray();
    double othersMeanSquare =
        (Arrays.stream(residuals).map(r -> r * r).sum() - residuals[12] * residuals[12]) / 12;
    assertThat(largest.dispersion()).isCloseTo(othersMeanSquare, within(1e-9)).isGreaterThan(20);
    assertThat(scored).noneMatch(SEEDED::flags);
    assertThat(SEEDED.score(loneBurst))
        .filteredOn(SEEDED::flags)
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.key()).isEqualTo("153000|2022-01");
              assertThat(s.dispersion()).isEqualTo(1.0);
            });
  }

  @Test
  void oneHugeContractInAMonthOfUsualCountIsNotASpike() {
    List<UnitMonth> months = replace(twoOrdinaryYears(), month(2022, 6, 11, 50_000_000));

    assertThat(SEASONAL.score(months)).hasSize(24).noneMatch(SEASONAL::flags);
  }

  @Test
  void dispersionIsNeverBelowPoissons() {
    List<UnitMonth> steady = new ArrayList<>();
    for (int m = 1; m <= 12; m++) {
      steady.add(month(2022, m, m == 6 ? 25 : 10, 100_000));
    }

    UnitMonthScore june =
        SEEDED.score(steady).stream().filter(s -> s.month().month() == 6).findFirst().orElseThrow();

    assertThat(june.dispersion()).isEqualTo(1.0);
    assertThat(june.z())
        .isCloseTo(2 * Math.sqrt(25.375) - 2 * Math.sqrt(10.375), within(1e-12))
        .isGreaterThan(3.5);
  }

  @Test
  void theUsualDecemberIsNotASpikeOnceTheSeasonIsRemovedButAFiveFoldDecemberIs() {
    List<UnitMonth> fiveFold = replace(twoOrdinaryYears(), month(2022, 12, 150, 1_500_000));

    assertThat(SEEDED.score(twoOrdinaryYears()))
        .filteredOn(SEEDED::flags)
        .extracting(UnitMonthScore::key)
        .containsExactly("153000|2021-12");
    assertThat(SEASONAL.score(twoOrdinaryYears())).noneMatch(SEASONAL::flags);
    List<UnitMonthScore> spikes =
        SEASONAL.score(fiveFold).stream().filter(SEASONAL::flags).toList();
    assertThat(spikes)
        .singleElement()
        .satisfies(s -> assertThat(s.key()).isEqualTo("153000|2022-12"));
    UnitMonthScore december = spikes.get(0);
    assertThat(december.season().anchorLevel()).isEqualTo("UNIT_MONTH_UF");
    assertThat(december.seasonalFactor()).isCloseTo(Math.log(3), within(0.1));
    assertThat(december.expectedContracts())
        .isCloseTo(december.typicalContracts() * Math.exp(december.seasonalFactor()), within(1e-9))
        .isBetween(27.0, 33.0);
  }

  @Test
  void onlyMonthsHoldingHalfTheRecentNationalCountAreCovered() {
    Map<Integer, Long> national = new java.util.HashMap<>();
    int january2021 = 2021 * 12;
    for (int m = 0; m < 24; m++) {
      national.put(january2021 + m, m % 12 == 11 ? 1_200L : 700L); // Decembers busier
    }
    national.put(january2021 - 1, 380L); // December 2020: signed before the files, half there
    national.put(january2021 - 2, 120L);
    national.put(january2021 - 40, 3L);

    java.util.Set<Integer> covered = SEEDED.coveredMonths(national);

    assertThat(covered).hasSize(25).contains(january2021 - 1, january2021 + 23);
    assertThat(covered).doesNotContain(january2021 - 2, january2021 - 40);
    assertThat(SEEDED.coveredMonths(Map.of())).isEmpty();
  }

  @Test
  void unitsWithShortHistoriesAndSmallMonthsAreNotTested() {
    List<UnitMonth> elevenMonths = twoOrdinaryYears().subList(0, 11);
    assertThat(SEEDED.score(elevenMonths)).isEmpty();

    List<UnitMonth> smallJune = replace(twoOrdinaryYears(), month(2022, 6, 40, 9_999.99));
    assertThat(SEEDED.score(smallJune))
        .hasSize(23)
        .noneMatch(s -> s.key().equals("153000|2022-06"));
  }

  @Test
  void theFindingListsTheMonthsLargestContractsAndIsPublishedThroughTheLargest() throws Exception {
    List<UnitMonth> months = replace(twoOrdinaryYears(), month(2022, 6, 50, 1_500_000));
    UnitMonthScore june =
        SEASONAL.score(months).stream().filter(SEASONAL::flags).findFirst().orElseThrow();
    List<ContractFacts> contracts = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      String value = i == 7 ? "900000.00" : "50000.00";
      contracts.add(
          TestContract.pregao("RJ", "26000")
              .number(String.format("%05d/2022", 100 + i))
              .finalValue(value)
              .signed(LocalDate.of(2022, 6, 1 + i))
              .facts());
    }

    Finding finding = SEASONAL.finding(june, contracts);

    assertThat(finding.anomalyId()).isEqualTo(AnomalyIds.of("TEMPORAL_SPIKE", "153000|2022-06"));
    assertThat(finding.detector()).isEqualTo("TEMPORAL_SPIKE");
    assertThat(finding.score()).isEqualTo(june.z());
    assertThat(finding.pValue()).isEqualTo(june.pValue());
    JsonNode evidence = JSON.readTree(finding.evidenceJson());
    assertThat(evidence.get("unit_code").asText()).isEqualTo("153000");
    assertThat(evidence.get("year_month").asText()).isEqualTo("2022-06");
    assertThat(evidence.get("month_total").decimalValue()).isEqualByComparingTo("1500000");
    assertThat(evidence.get("month_contracts").asInt()).isEqualTo(50);
    assertThat(evidence.get("expected_contracts").asDouble()).isEqualTo(june.expectedContracts());
    assertThat(evidence.get("dispersion").asDouble()).isEqualTo(june.dispersion());
    assertThat(evidence.get("z").asDouble()).isEqualTo(june.z());
    assertThat(evidence.get("months_observed").asInt()).isEqualTo(24);
    assertThat(evidence.get("threshold_version").asInt()).isEqualTo(2);
    assertThat(evidence.get("seasonal_factor").asDouble()).isZero();
    assertThat(evidence.get("published_contract").asText()).isEqualTo("00107/2022");
    JsonNode top = evidence.get("top_contracts");
    assertThat(top).hasSize(10);
    assertThat(top.get(0).get("contract_number").asText()).isEqualTo("00107/2022");
    assertThat(top.get(0).get("value").decimalValue()).isEqualByComparingTo("900000");
    assertThat(top.get(1).get("contract_number").asText()).isEqualTo("00100/2022");
    assertThat(finding.explanation())
        .startsWith(
            "Unit 153000 signed 50 contracts in June 2022 (R$ 1,500,000.00) against 10.0 expected: ")
        .contains(" deviations above its typical month (10.0 contracts over 24 months, ")
        .endsWith("). Largest: contract 00107/2022, R$ 900,000.00.");
  }

  @Test
  void readsItsSettingsFromTheThresholdRowAndRefusesBadOnes() {
    DetectorThreshold row =
        new DetectorThreshold(
            "TEMPORAL_SPIKE",
            2,
            new BigDecimal("3.5"),
            Map.of(
                "min_months",
                "12",
                "min_total",
                "10000",
                "min_coverage",
                "0.5",
                "top_contracts",
                "10"));

    assertThat(TemporalSpikeDetector.fromThreshold(row)).isEqualTo(SEEDED);
    assertThatThrownBy(
            () ->
                new TemporalSpikeDetector(
                    BigDecimal.ONE, 1, 2, BigDecimal.TEN, 0.5, 10, SeasonalFactors.NONE))
        .hasMessage("TEMPORAL_SPIKE min_months must be >= 3, got 2");
    assertThatThrownBy(
            () ->
                new TemporalSpikeDetector(
                    BigDecimal.ONE, 1, 12, new BigDecimal("-1"), 0.5, 10, SeasonalFactors.NONE))
        .hasMessage("TEMPORAL_SPIKE min_total must be >= 0, got -1");
    assertThatThrownBy(
            () ->
                new TemporalSpikeDetector(
                    BigDecimal.ONE, 1, 12, BigDecimal.TEN, 0.0, 10, SeasonalFactors.NONE))
        .hasMessage("TEMPORAL_SPIKE min_coverage must be in (0, 1], got 0.0");
  }
}
