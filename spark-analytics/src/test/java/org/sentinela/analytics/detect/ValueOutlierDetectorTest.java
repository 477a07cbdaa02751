package org.sentinela.analytics.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sentinela.analytics.baseline.SeasonalFactors;
import org.sentinela.analytics.baseline.SegmentLevel;
import org.sentinela.analytics.baseline.SegmentStats;
import org.sentinela.analytics.significance.StudentTail;

class ValueOutlierDetectorTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ValueOutlierDetector DETECTOR =
      new ValueOutlierDetector(new BigDecimal("3.5"), 1, 30, 0.05);
  private static final String KEY = "153000|00042/2022|12345678000195";

  private static SegmentStats segment(
      SegmentLevel level, String key, long n, double median, double mad) {
    return new SegmentStats(level, key, n, median, mad, median + 3 * mad);
  }

  /** Segments of a Rio pregão of organ 26000: the organ segment is too small (12). */
  private static List<SegmentStats> rioSegments(double median, double mad) {
    return List.of(
        segment(SegmentLevel.UF_MODALITY_ORGAN, "uf=RJ|modality=PREGAO|organ=26000", 12, 9.2, 0.1),
        segment(SegmentLevel.UF_MODALITY, "uf=RJ|modality=PREGAO", 412, median, mad),
        segment(SegmentLevel.MACRO_MODALITY, "macro=SE|modality=PREGAO", 5000, 9.0, 0.9),
        segment(SegmentLevel.MODALITY, "modality=PREGAO", 20000, 9.1, 1.0),
        segment(SegmentLevel.NATIONAL, "national", 90000, 9.5, 1.2));
  }

  private static ContractFacts facts(String column, BigDecimal value) {
    boolean initial = "initial_value".equals(column);
    return new ContractFacts(
        KEY,
        "00042/2022",
        "153000",
        "12345678000195",
        "CNPJ",
        "PREGAO",
        "Aquisição de material",
        java.time.LocalDate.of(2022, 3, 10),
        null,
        initial ? value : null,
        initial ? null : value);
  }

  private static ContractProfile rioPregao(String column, String value, List<SegmentStats> s) {
    BigDecimal reais = new BigDecimal(value);
    return new ContractProfile(
        facts(column, reais), "RJ", "26000", column, reais, Math.log(reais.doubleValue()), s);
  }

  @Test
  void leavesPlaceholderValuesOfOneRealOrLessToImplausibleValue() {
    double median = Math.log(31_250);

    assertThat(DETECTOR.tests(facts("final_value", new BigDecimal("0.01")))).isFalse();
    assertThat(DETECTOR.tests(facts("final_value", new BigDecimal("1.00")))).isFalse();
    assertThat(DETECTOR.tests(facts("final_value", new BigDecimal("1.50")))).isTrue();
    assertThat(DETECTOR.evaluate(rioPregao("final_value", "0.01", rioSegments(median, 1.0))))
        .isEmpty();
  }

  @Test
  void flagsTenBillionAgainstTheFinestSegmentBigEnoughAndExplainsIt() throws Exception {
    double median = Math.log(31_250);
    ContractProfile contract =
        rioPregao("final_value", "10000000000.0000", rioSegments(median, 1.0));

    Finding finding = DETECTOR.evaluate(contract).orElseThrow();

    // MAD 1.0 over 412 contracts, moderated toward the macro-region's 0.9 weighing as 30
    double moderated = Math.sqrt((412 * 1.0 + 30 * 0.81) / 442);
    double z = (Math.log(1e10) - median) / (1.4826 * moderated);
    assertThat(finding.score()).isCloseTo(z, within(1e-9));
    assertThat(finding.anomalyId()).isEqualTo(AnomalyIds.of("VALUE_OUTLIER", KEY));
    assertThat(finding.detector()).isEqualTo("VALUE_OUTLIER");
    assertThat(finding.pValue())
        .isEqualTo(StudentTail.upper(z / Math.sqrt(1 + Math.PI / 824), 0.37 * 442));
    assertThat(finding.pValue()).isBetween(1e-16, 1e-12);
    assertThat(finding.threshold()).isEqualByComparingTo("3.5");
    assertThat(finding.thresholdVersion()).isEqualTo(1);
    assertThat(finding.explanation())
        .isEqualTo(
            "Final value R$ 10,000,000,000.00 is 8.6 robust deviations above the median"
                + " R$ 31,250.00 of 412 contracts in segment UF=RJ × PREGAO.");

    JsonNode evidence = JSON.readTree(finding.evidenceJson());
    assertThat(evidence.get("detector").asText()).isEqualTo("VALUE_OUTLIER");
    assertThat(evidence.get("segment_level").asText()).isEqualTo("UF_MODALITY");
    assertThat(evidence.get("segment_key").asText()).isEqualTo("uf=RJ|modality=PREGAO");
    assertThat(evidence.get("segment_n").asLong()).isEqualTo(412);
    assertThat(evidence.get("median_log_value").asDouble()).isEqualTo(median);
    assertThat(evidence.get("mad_log_value").asDouble()).isEqualTo(1.0);
    assertThat(evidence.get("moderated_mad_log_value").asDouble())
        .isCloseTo(moderated, within(1e-12));
    assertThat(evidence.get("parent_level").asText()).isEqualTo("MACRO_MODALITY");
    assertThat(evidence.get("parent_n").asLong()).isEqualTo(5000);
    assertThat(evidence.get("parent_mad_log_value").asDouble()).isEqualTo(0.9);
    assertThat(evidence.get("parent_weight").asInt()).isEqualTo(30);
    assertThat(evidence.get("degrees_of_freedom").asDouble()).isCloseTo(0.37 * 442, within(1e-9));
    assertThat(evidence.get("median_value").decimalValue()).isEqualByComparingTo("31250.00");
    assertThat(evidence.get("value_used").decimalValue()).isEqualByComparingTo("1E10");
    assertThat(evidence.get("value_column").asText()).isEqualTo("final_value");
    assertThat(evidence.get("z").asDouble()).isCloseTo(z, within(1e-9));
    assertThat(evidence.get("threshold").decimalValue()).isEqualByComparingTo("3.5");
    assertThat(evidence.get("threshold_version").asInt()).isEqualTo(1);
    assertThat(evidence.get("direction").asText()).isEqualTo("ABOVE");
    assertThat(evidence.get("min_segment_size").asInt()).isEqualTo(30);
    assertThat(evidence.get("min_mad").asDouble()).isEqualTo(0.05);
    assertThat(evidence.get("levels_skipped")).hasSize(1);
    JsonNode skipped = evidence.get("levels_skipped").get(0);
    assertThat(skipped.get("level").asText()).isEqualTo("UF_MODALITY_ORGAN");
    assertThat(skipped.get("segment_key").asText()).isEqualTo("uf=RJ|modality=PREGAO|organ=26000");
    assertThat(skipped.get("n").asLong()).isEqualTo(12);
  }

  @Test
  void aValueFarBelowTheMedianIsNotFlaggedButTheSameDistanceAboveIsWithTheInitialValueNamed() {
    double median = Math.log(10_000);
    String below = "5.0000"; // R$ 5 against a R$ 10,000 median: 10 robust deviations below
    String above = BigDecimal.valueOf(10_000.0 * 10_000.0 / 5.0).toPlainString();

    assertThat(DETECTOR.evaluate(rioPregao("initial_value", below, rioSegments(median, 0.5))))
        .isEmpty();
    Finding finding =
        DETECTOR
            .evaluate(rioPregao("initial_value", above, rioSegments(median, 0.5)))
            .orElseThrow();
    assertThat(finding.explanation()).startsWith("Initial value R$ 20,000,000.00 is ");
    assertThat(finding.explanation()).contains("robust deviations above the median R$ 10,000.00");
    assertThat(finding.evidenceJson()).contains("\"direction\":\"ABOVE\"");
  }

  @Test
  void aChanceWideSpreadHidesNoOutlierWhenTonightsSegmentsSpreadLikeTheirParents()
      throws Exception {
    // 60 contracts of one organ whose MAD came out at 2.0, in a state whose MAD is 1.4
    double median = Math.log(150_000);
    List<SegmentStats> wideOrgan =
        List.of(
            segment(
                SegmentLevel.UF_MODALITY_ORGAN,
                "uf=RJ|modality=PREGAO|organ=30000",
                60,
                median,
                2.0),
            segment(SegmentLevel.UF_MODALITY, "uf=RJ|modality=PREGAO", 2500, median, 1.4),
            segment(SegmentLevel.NATIONAL, "national", 90000, median, 1.5));
    double x = median + 4.0 * 1.4826 * 1.4;
    BigDecimal value = BigDecimal.valueOf(Math.exp(x));
    ContractProfile contract =
        new ContractProfile(
            facts("final_value", value), "RJ", "30000", "final_value", value, x, wideOrgan);
    // with k = 30 the organ keeps 2/3 of its own wide variance: z ≈ 3.1, not flagged
    assertThat(DETECTOR.evaluate(contract)).isEmpty();

    // tonight, organ segments differ from their states no more than chance: k = the state's size
    ValueOutlierDetector calibrated =
        new ValueOutlierDetector(
            new BigDecimal("3.5"),
            1,
            30,
            0.05,
            SeasonalFactors.NONE,
            new ParentWeights(
                Map.of(SegmentLevel.UF_MODALITY_ORGAN, Double.POSITIVE_INFINITY), 30));
    Finding flagged = calibrated.evaluate(contract).orElseThrow();

    double moderated = Math.sqrt((60 * 4.0 + 2500 * 1.96) / 2560);
    assertThat(flagged.score())
        .isCloseTo((x - median) / (1.4826 * moderated), within(1e-9))
        .isGreaterThan(3.9);
    JsonNode evidence = JSON.readTree(flagged.evidenceJson());
    assertThat(evidence.get("parent_weight").asDouble()).isEqualTo(2500.0);
    assertThat(evidence.get("parent_weight_estimated").asBoolean()).isTrue();
    assertThat(evidence.get("degrees_of_freedom").asDouble()).isCloseTo(0.37 * 2560, within(1e-9));
  }

  @Test
  void aSmallSegmentsChanceNarrowSpreadIsModeratedTowardItsParent() {
    // 40 contracts of one organ whose MAD came out at 0.4, in a state whose MAD is 1.0
    double median = Math.log(100_000);
    List<SegmentStats> narrowOrgan =
        List.of(
            segment(
                SegmentLevel.UF_MODALITY_ORGAN, "uf=DF|modality=PREGAO|organ=1", 40, median, 0.4),
            segment(SegmentLevel.UF_MODALITY, "uf=DF|modality=PREGAO", 2000, median, 1.0),
            segment(SegmentLevel.NATIONAL, "national", 90000, median, 1.2));
    // 4 robust deviations above against the organ's own MAD; 2.2 against the moderated one
    double x = median + 4.0 * 1.4826 * 0.4;
    BigDecimal value = BigDecimal.valueOf(Math.exp(x));
    ContractProfile contract =
        new ContractProfile(
            facts("final_value", value), "DF", "1", "final_value", value, x, narrowOrgan);

    assertThat(RobustZ.of(x, median, 0.4, 0.05)).isGreaterThan(3.5);
    assertThat(DETECTOR.evaluate(contract)).isEmpty();

    double moderated = Math.sqrt((40 * 0.16 + 30 * 1.0) / 70);
    double far = median + 5.0 * 1.4826 * moderated;
    BigDecimal farValue = BigDecimal.valueOf(Math.exp(far));
    Finding flagged =
        DETECTOR
            .evaluate(
                new ContractProfile(
                    facts("final_value", farValue),
                    "DF",
                    "1",
                    "final_value",
                    farValue,
                    far,
                    narrowOrgan))
            .orElseThrow();
    assertThat(flagged.score()).isCloseTo(5.0, within(1e-9));
    // the same z in a big segment is stronger evidence than in this one of 40
    assertThat(flagged.pValue())
        .isGreaterThan(new ModeratedSpread(1.0, 2000, Optional.empty(), 30).upperPValue(5.0));
  }

  @Test
  void aSmallSegmentNeedsAHigherZThanALargeOneForTheSameEvidence() {
    double median = Math.log(100_000);
    List<SegmentStats> small =
        List.of(
            segment(
                SegmentLevel.UF_MODALITY_ORGAN, "uf=PB|modality=PREGAO|organ=1", 40, median, 1.0),
            segment(SegmentLevel.UF_MODALITY, "uf=PB|modality=PREGAO", 900, median, 1.0),
            segment(SegmentLevel.NATIONAL, "national", 90000, median, 1.0));
    List<SegmentStats> large =
        List.of(
            segment(SegmentLevel.UF_MODALITY, "uf=SP|modality=PREGAO", 5000, median, 1.0),
            segment(SegmentLevel.NATIONAL, "national", 90000, median, 1.0));
    double x = median + 3.8 * 1.4826; // z = 3.8 in both: every MAD is 1.0
    BigDecimal value = BigDecimal.valueOf(Math.exp(x));

    assertThat(
            DETECTOR.evaluate(
                new ContractProfile(
                    facts("final_value", value), "PB", "1", "final_value", value, x, small)))
        .isEmpty();
    Finding inLarge =
        DETECTOR
            .evaluate(
                new ContractProfile(
                    facts("final_value", value), "SP", "1", "final_value", value, x, large))
            .orElseThrow();
    assertThat(inLarge.score()).isCloseTo(3.8, within(1e-9));
    assertThat(inLarge.pValue()).isLessThanOrEqualTo(DETECTOR.maxPValue());
    assertThat(DETECTOR.maxPValue()).isCloseTo(2.326e-4, within(1e-7));
  }

  @Test
  void aValueWithinThresholdIsNotFlagged() {
    // 3.4 robust deviations above: just under 3.5
    double median = Math.log(10_000);
    double x = median + 3.4 * 1.4826 * 0.5;
    ContractProfile contract =
        new ContractProfile(
            facts("final_value", BigDecimal.valueOf(Math.exp(x))),
            "RJ",
            "26000",
            "final_value",
            BigDecimal.valueOf(Math.exp(x)),
            x,
            rioSegments(median, 0.5));

    assertThat(DETECTOR.evaluate(contract)).isEmpty();
  }

  @Test
  void aSegmentOfIdenticalValuesUsesMinMadSoSmallDifferencesStayQuiet() {
    // MAD 0: 10% above the median is 1.3 robust deviations with the 0.05 floor, not infinity
    List<SegmentStats> identical =
        List.of(segment(SegmentLevel.NATIONAL, "national", 500, Math.log(10_000), 0.0));
    assertThat(DETECTOR.evaluate(rioPregao("final_value", "11000.00", identical))).isEmpty();

    Finding doubled = DETECTOR.evaluate(rioPregao("final_value", "20000.00", identical)).get();
    assertThat(doubled.score()).isCloseTo(Math.log(2) / (1.4826 * 0.05), within(1e-9));
    assertThat(doubled.evidenceJson()).contains("\"mad_floored\":true");
  }

  @Test
  void whenEverySegmentIsSmallTheNationalOneIsUsedAndTheOthersAreListed() throws Exception {
    List<SegmentStats> small =
        List.of(
            segment(SegmentLevel.UF_MODALITY_ORGAN, "o", 6, 9.2, 0.05),
            segment(SegmentLevel.UF_MODALITY, "u", 6, 9.2, 0.05),
            segment(SegmentLevel.MACRO_MODALITY, "m", 6, 9.2, 0.05),
            segment(SegmentLevel.MODALITY, "p", 6, 9.2, 0.05),
            segment(SegmentLevel.NATIONAL, "national", 6, 9.2, 0.05));

    Finding finding = DETECTOR.evaluate(rioPregao("final_value", "1000000.00", small)).get();

    JsonNode evidence = JSON.readTree(finding.evidenceJson());
    assertThat(evidence.get("segment_level").asText()).isEqualTo("NATIONAL");
    assertThat(evidence.get("levels_skipped").findValuesAsText("level"))
        .containsExactly("UF_MODALITY_ORGAN", "UF_MODALITY", "MACRO_MODALITY", "MODALITY");
    assertThat(finding.explanation())
        .endsWith("of 6 contracts in segment all contracts nationwide.");
  }

  @Test
  void readsItsSettingsFromTheThresholdRow() {
    DetectorThreshold row =
        new DetectorThreshold(
            "VALUE_OUTLIER",
            3,
            new BigDecimal("4.0"),
            Map.of("min_segment_size", "50", "min_mad", "0.1"));

    assertThat(ValueOutlierDetector.fromThreshold(row))
        .isEqualTo(new ValueOutlierDetector(new BigDecimal("4.0"), 3, 50, 0.1));
  }

  @Test
  void badSettingsAreRefusedNamingTheSettingAndValue() {
    DetectorThreshold noMinMad =
        new DetectorThreshold(
            "VALUE_OUTLIER", 2, new BigDecimal("3.5"), Map.of("min_segment_size", "30"));
    DetectorThreshold textSize =
        new DetectorThreshold(
            "VALUE_OUTLIER",
            2,
            new BigDecimal("3.5"),
            Map.of("min_segment_size", "thirty", "min_mad", "0.05"));

    assertThatThrownBy(() -> ValueOutlierDetector.fromThreshold(noMinMad))
        .hasMessageContaining("VALUE_OUTLIER version 2: parameter min_mad is missing");
    assertThatThrownBy(() -> ValueOutlierDetector.fromThreshold(textSize))
        .hasMessageContaining("parameter min_segment_size must be an integer, got 'thirty'");
    assertThatThrownBy(() -> new ValueOutlierDetector(new BigDecimal("-1"), 1, 30, 0.05))
        .hasMessage("VALUE_OUTLIER threshold must be > 0, got -1");
    assertThatThrownBy(() -> new ValueOutlierDetector(BigDecimal.ONE, 1, 0, 0.05))
        .hasMessage("VALUE_OUTLIER min_segment_size must be >= 1, got 0");
    assertThatThrownBy(() -> new ValueOutlierDetector(BigDecimal.ONE, 1, 30, 0.0))
        .hasMessage("VALUE_OUTLIER min_mad must be > 0, got 0.0");
  }
}
