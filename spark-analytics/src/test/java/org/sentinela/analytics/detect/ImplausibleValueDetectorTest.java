package org.sentinela.analytics.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sentinela.analytics.baseline.SegmentLevel;
import org.sentinela.analytics.baseline.SegmentStats;
import org.sentinela.analytics.fixtures.TestContract;

class ImplausibleValueDetectorTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  static final ImplausibleValueDetector SEEDED =
      new ImplausibleValueDetector(
          new BigDecimal("1.0"),
          1,
          List.of(2, 3),
          0.01,
          new BigDecimal("1000000000"),
          1000,
          BigDecimal.ONE);

  private static Optional<Finding> evaluate(TestContract contract, List<SegmentStats> segments) {
    return SEEDED.evaluate(contract.profile(segments));
  }

  private static Optional<Finding> evaluate(String initial, String last) {
    return evaluate(
        TestContract.pregao("RJ", "26000").initialValue(initial).finalValue(last), List.of());
  }

  @Test
  void aFinalValueExactlyAHundredTimesTheInitialIsAScaleSlip() throws Exception {
    Finding finding = evaluate("5912.28", "591228.00").orElseThrow();

    assertThat(finding.detector()).isEqualTo("IMPLAUSIBLE_VALUE");
    assertThat(finding.score()).isEqualTo(10.0);
    // an exact slip: 10 times the threshold, p = 1e-6 ^ 10
    assertThat(finding.pValue()).isCloseTo(1e-60, within(1e-72));
    assertThat(finding.explanation())
        .isEqualTo(
            "Final value R$ 591,228.00 is 100.0 times the initial value R$ 5,912.28: a likely"
                + " ×100 scale slip.");
    JsonNode evidence = JSON.readTree(finding.evidenceJson());
    assertThat(evidence.get("rule").asText()).isEqualTo("SCALE_SLIP");
    assertThat(evidence.get("threshold_version").asInt()).isEqualTo(1);
    JsonNode rule = evidence.get("rules").get(0);
    assertThat(rule.get("power_of_ten").asInt()).isEqualTo(2);
    assertThat(rule.get("log10_ratio").asDouble()).isCloseTo(2.0, within(1e-12));
    assertThat(rule.get("tolerance").asDouble()).isEqualTo(0.01);
  }

  @Test
  void aSlipIsRecognisedWithinTheToleranceOnBothSidesAndInBothDirections() {
    // 1.5% off ×1000: log10 deviation 0.0065 < 0.01
    Finding thousand = evaluate("10.00", "10150.00").orElseThrow();
    assertThat(thousand.score()).isCloseTo(0.01 / Math.log10(1.015), within(1e-9));
    assertThat(thousand.pValue())
        .isCloseTo(Math.pow(1e-6, thousand.score()), within(1e-20 * thousand.pValue()));
    // 5% off ×100: deviation 0.021, not a slip
    assertThat(evaluate("100.00", "10500.00")).isEmpty();
    // the initial value is the slipped one
    Finding down = evaluate("8019600.00", "80196.00").orElseThrow();
    assertThat(down.explanation())
        .isEqualTo(
            "Initial value R$ 8,019,600.00 is 100.0 times the final value R$ 80,196.00: a likely"
                + " ×100 scale slip.");
    assertThat(down.evidenceJson()).contains("\"power_of_ten\":-2");
    // ×10 is an ordinary amendment story, not a slip the detector looks for
    assertThat(evaluate("1000.00", "10000.00")).isEmpty();
  }

  @Test
  void valuesAboveOneBillionAreImplausibleUnlessALargeSegmentsP99SaysOtherwise() throws Exception {
    TestContract huge = TestContract.pregao("RJ", "26000").finalValue("332800000000.00");

    Finding finding = evaluate(huge, List.of()).orElseThrow();

    assertThat(finding.score()).isCloseTo(332.8, within(1e-9));
    assertThat(finding.explanation())
        .isEqualTo(
            "Final value R$ 332,800,000,000.00 is 332.8 times the plausible maximum"
                + " R$ 1,000,000,000.00.");
    JsonNode rule = JSON.readTree(finding.evidenceJson()).get("rules").get(0);
    assertThat(rule.get("rule").asText()).isEqualTo("ABOVE_MAXIMUM");
    assertThat(rule.get("bound_source").asText()).isEqualTo("max_plausible_value");

    TestContract twoBillion = TestContract.pregao("RJ", "26000").finalValue("2000000000.00");
    SegmentStats bigSpenders =
        new SegmentStats(
            SegmentLevel.UF_MODALITY, "uf=RJ|modality=PREGAO", 5000, 12.0, 1.0, Math.log(5e9));
    SegmentStats tinyButWild =
        new SegmentStats(
            SegmentLevel.UF_MODALITY_ORGAN,
            "uf=RJ|modality=PREGAO|organ=26000",
            12,
            12.0,
            1.0,
            Math.log(9e12));
    assertThat(evaluate(twoBillion, List.of(bigSpenders))).isEmpty();
    // a small segment's p99 is its largest value: it does not move the bound
    assertThat(SEEDED.bound(List.of(tinyButWild)).amount()).isEqualByComparingTo("1E9");
    assertThat(SEEDED.bound(List.of(tinyButWild, bigSpenders)).segment()).isEqualTo(bigSpenders);
    Finding overP99 =
        evaluate(
                TestContract.pregao("RJ", "26000").finalValue("10000000000.00"),
                List.of(bigSpenders))
            .orElseThrow();
    assertThat(overP99.explanation())
        .endsWith("(the 99th percentile of segment uf=RJ|modality=PREGAO).");
  }

  @Test
  void nonZeroValuesAtOrBelowOneRealAreImplausibleZeroIsNotInformed() {
    Finding centavo = evaluate("0.01", null).orElseThrow();
    assertThat(centavo.score()).isEqualTo(10.0);
    assertThat(centavo.explanation())
        .isEqualTo("Initial value R$ 0.01 is at or below the plausible minimum R$ 1.00.");

    assertThat(evaluate("1.00", null).orElseThrow().score()).isEqualTo(1.0);
    assertThat(evaluate("1.00", null).orElseThrow().pValue()).isEqualTo(1e-6);
    assertThat(evaluate("0.50", null).orElseThrow().pValue()).isCloseTo(1e-12, within(1e-24));
    assertThat(evaluate("1.50", null)).isEmpty();
    assertThat(evaluate("5000.00", "0.00")).isEmpty();

    Finding negative = evaluate("5000.00", "-5000.00").orElseThrow();
    assertThat(negative.explanation()).isEqualTo("Final value R$ -5,000.00 is negative.");
  }

  @Test
  void everyRuleThatFiresIsInTheEvidenceStrongestFirst() throws Exception {
    Finding finding = evaluate("20000000.00", "2000000000.00").orElseThrow();

    JsonNode evidence = JSON.readTree(finding.evidenceJson());
    assertThat(evidence.get("rules").findValuesAsText("rule"))
        .containsExactly("SCALE_SLIP", "ABOVE_MAXIMUM");
    assertThat(finding.score()).isEqualTo(10.0);
    assertThat(finding.explanation())
        .contains("a likely ×100 scale slip. Final value R$ 2,000,000,000.00 is 2.0 times");
  }

  @Test
  void ordinaryValuesAreNotFlagged() {
    assertThat(evaluate("48000.00", "52000.00")).isEmpty();
    assertThat(evaluate("900000000.00", null)).isEmpty();
  }

  @Test
  void badSettingsAreRefused() {
    assertThatThrownBy(
            () ->
                new ImplausibleValueDetector(
                    BigDecimal.ONE, 1, List.of(0), 0.01, BigDecimal.TEN, 1000, BigDecimal.ONE))
        .hasMessageContaining("slip_powers_of_ten must be positive integers, got [0]");
    assertThatThrownBy(
            () ->
                new ImplausibleValueDetector(
                    BigDecimal.ONE, 1, List.of(2), 0.01, BigDecimal.ONE, 1000, BigDecimal.TEN))
        .hasMessageContaining("needs 0 < min_plausible_value < max_plausible_value");
  }
}
