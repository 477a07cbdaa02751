package org.sentinela.analytics.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sentinela.analytics.baseline.SeasonalCell;
import org.sentinela.analytics.baseline.SeasonalFactors;
import org.sentinela.analytics.fixtures.TestContract;
import org.sentinela.analytics.significance.NormalTail;

public class TemporalSpikeDetectorTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The detector as migration V8 seeds it. */
  public static final TemporalSpikeDetector SEEDED =
      new TemporalSpikeDetector(
          new BigDecimal("3.5"), 1, 12, new BigDecimal("10000"), 0.25, 10, SeasonalFactors.NONE);

  /** Two years of a unit in RJ: months of R$ 80k to R$ 125k, Decembers twice that. */
  private static List<UnitMonth> twoOrdinaryYears() {
    double[] wobble = {0.8, 0.9, 1.0, 1.1, 1.25, 0.95};
    List<UnitMonth> months = new ArrayList<>();
    for (int year = 2021; year <= 2022; year++) {
      for (int month = 1; month <= 12; month++) {
        double total = 100_000 * wobble[(month + year) % wobble.length] * (month == 12 ? 2 : 1);
        months.add(month(year, month, 10, total));
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

  /** Every unit's Decembers in RJ run twice its typical month, over two years. */
  private static SeasonalFactors decembersDouble() {
    List<SeasonalCell> cells = new ArrayList<>();
    for (int m = 1; m <= 12; m++) {
      double median = m == 12 ? Math.log(2) : 0.0;
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
  void aMonthFarAboveTheUnitsTypicalMonthIsASpike() {
    List<UnitMonth> months = replace(twoOrdinaryYears(), month(2022, 6, 40, 1_500_000));

    List<UnitMonthScore> scores = SEEDED.score(months);

    assertThat(scores).hasSize(24);
    List<UnitMonthScore> spikes = scores.stream().filter(SEEDED::flags).toList();
    assertThat(spikes)
        .singleElement()
        .satisfies(s -> assertThat(s.key()).isEqualTo("153000|2022-06"));
    UnitMonthScore june = spikes.get(0);
    double[] logs = months.stream().mapToDouble(UnitMonth::logTotal).toArray();
    double median = TemporalSpikeDetector.lowerMedian(logs);
    double mad =
        TemporalSpikeDetector.lowerMedian(
            java.util.Arrays.stream(logs).map(x -> Math.abs(x - median)).toArray());
    assertThat(june.unitMedian()).isEqualTo(median);
    assertThat(june.unitMad()).isEqualTo(mad);
    assertThat(june.z())
        .isCloseTo((Math.log(1_500_000) - median) / (1.4826 * Math.max(mad, 0.25)), within(1e-12));
    assertThat(june.pValue()).isEqualTo(NormalTail.upper(june.z()));
    assertThat(june.monthsObserved()).isEqualTo(24);
  }

  @Test
  void theUsualDecemberIsNotASpikeOnceTheSeasonIsRemovedButAFiveFoldDecemberIs() {
    TemporalSpikeDetector seasonal = SEEDED.withSeasonalFactors(decembersDouble());
    List<UnitMonth> quadrupled = replace(twoOrdinaryYears(), month(2022, 12, 30, 1_000_000));

    assertThat(seasonal.score(twoOrdinaryYears())).noneMatch(seasonal::flags);
    List<UnitMonthScore> spikes =
        seasonal.score(quadrupled).stream().filter(seasonal::flags).toList();
    assertThat(spikes)
        .singleElement()
        .satisfies(s -> assertThat(s.key()).isEqualTo("153000|2022-12"));
    UnitMonthScore december = spikes.get(0);
    assertThat(december.season().anchorLevel()).isEqualTo("UNIT_MONTH_UF");
    assertThat(december.seasonalFactor()).isCloseTo(Math.log(2), within(0.1));
    assertThat(december.adjustedLogTotal())
        .isEqualTo(Math.log(1_000_000) - december.seasonalFactor());
  }

  @Test
  void unitsWithShortHistoriesAndSmallMonthsAreNotTested() {
    List<UnitMonth> elevenMonths = twoOrdinaryYears().subList(0, 11);
    assertThat(SEEDED.score(elevenMonths)).isEmpty();

    List<UnitMonth> smallJune = replace(twoOrdinaryYears(), month(2022, 6, 1, 9_999.99));
    assertThat(SEEDED.score(smallJune))
        .hasSize(23)
        .noneMatch(s -> s.key().equals("153000|2022-06"));
  }

  @Test
  void theFindingListsTheMonthsLargestContractsAndIsPublishedThroughTheLargest() throws Exception {
    List<UnitMonth> months = replace(twoOrdinaryYears(), month(2022, 6, 12, 1_500_000));
    UnitMonthScore june =
        SEEDED.score(months).stream().filter(SEEDED::flags).findFirst().orElseThrow();
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

    Finding finding = SEEDED.finding(june, contracts);

    assertThat(finding.anomalyId()).isEqualTo(AnomalyIds.of("TEMPORAL_SPIKE", "153000|2022-06"));
    assertThat(finding.detector()).isEqualTo("TEMPORAL_SPIKE");
    assertThat(finding.score()).isEqualTo(june.z());
    assertThat(finding.pValue()).isEqualTo(june.pValue());
    JsonNode evidence = JSON.readTree(finding.evidenceJson());
    assertThat(evidence.get("unit_code").asText()).isEqualTo("153000");
    assertThat(evidence.get("year_month").asText()).isEqualTo("2022-06");
    assertThat(evidence.get("month_total").decimalValue()).isEqualByComparingTo("1500000");
    assertThat(evidence.get("month_contracts").asInt()).isEqualTo(12);
    assertThat(evidence.get("months_observed").asInt()).isEqualTo(24);
    assertThat(evidence.get("threshold_version").asInt()).isEqualTo(1);
    assertThat(evidence.get("seasonal_factor").asDouble()).isZero();
    assertThat(evidence.get("published_contract").asText()).isEqualTo("00107/2022");
    JsonNode top = evidence.get("top_contracts");
    assertThat(top).hasSize(10);
    assertThat(top.get(0).get("contract_number").asText()).isEqualTo("00107/2022");
    assertThat(top.get(0).get("value").decimalValue()).isEqualByComparingTo("900000");
    assertThat(top.get(1).get("contract_number").asText()).isEqualTo("00100/2022");
    assertThat(finding.explanation())
        .startsWith("Unit 153000 signed R$ 1,500,000.00 in 12 contracts in June 2022: ")
        .contains(" robust deviations above its typical month (R$ ")
        .endsWith(" over 24 months). Largest: contract 00107/2022, R$ 900,000.00.");
  }

  @Test
  void readsItsSettingsFromTheThresholdRowAndRefusesBadOnes() {
    DetectorThreshold row =
        new DetectorThreshold(
            "TEMPORAL_SPIKE",
            1,
            new BigDecimal("3.5"),
            Map.of(
                "min_months",
                "12",
                "min_total",
                "10000",
                "min_mad",
                "0.25",
                "top_contracts",
                "10"));

    assertThat(TemporalSpikeDetector.fromThreshold(row)).isEqualTo(SEEDED);
    assertThatThrownBy(
            () ->
                new TemporalSpikeDetector(
                    BigDecimal.ONE, 1, 2, BigDecimal.TEN, 0.25, 10, SeasonalFactors.NONE))
        .hasMessage("TEMPORAL_SPIKE min_months must be >= 3, got 2");
    assertThatThrownBy(
            () ->
                new TemporalSpikeDetector(
                    BigDecimal.ONE, 1, 12, BigDecimal.TEN, 0.0, 10, SeasonalFactors.NONE))
        .hasMessage("TEMPORAL_SPIKE min_mad must be > 0, got 0.0");
  }
}
