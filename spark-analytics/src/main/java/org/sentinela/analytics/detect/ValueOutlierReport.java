package org.sentinela.analytics.detect;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.sentinela.analytics.baseline.SeasonalFactor;
import org.sentinela.analytics.baseline.SegmentChoice;
import org.sentinela.analytics.baseline.SegmentLevel;
import org.sentinela.analytics.baseline.SegmentStats;
import org.sentinela.model.ContractSchema;

/**
 * The evidence JSON and the explanation sentence of one VALUE_OUTLIER finding.
 *
 * @param detector the detector's configuration
 * @param contract the flagged contract
 * @param choice the segment it was scored against and the finer ones skipped
 * @param spread that segment's spread moderated toward its parent's
 * @param season that segment's seasonal factor for the month of signature, if it has one
 * @param adjustedLogValue ln(value) minus the seasonal factor
 * @param z its robust z
 * @param pValue the one-sided Student-t tail of z
 */
record ValueOutlierReport(
    ValueOutlierDetector detector,
    ContractProfile contract,
    SegmentChoice choice,
    ModeratedSpread spread,
    Optional<SeasonalFactor> season,
    double adjustedLogValue,
    double z,
    double pValue) {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

  ValueOutlierReport {
    Objects.requireNonNull(detector, "detector");
    Objects.requireNonNull(contract, "contract");
    Objects.requireNonNull(choice, "choice");
    Objects.requireNonNull(spread, "spread");
    Objects.requireNonNull(season, "season");
  }

  /** Every number behind the finding, as one JSON object. */
  String evidenceJson() {
    SegmentStats segment = choice.chosen();
    ObjectNode evidence = JSON.createObjectNode();
    evidence.put("detector", ValueOutlierDetector.NAME);
    evidence.put("segment_level", segment.level().name());
    evidence.put("segment_key", segment.segmentKey());
    evidence.put("segment_n", segment.contracts());
    evidence.put("median_log_value", segment.medianLogValue());
    evidence.put("mad_log_value", segment.madLogValue());
    evidence.put("moderated_mad_log_value", spread.mad());
    spread
        .parent()
        .ifPresent(
            p ->
                evidence
                    .put("parent_level", p.level().name())
                    .put("parent_segment_key", p.segmentKey())
                    .put("parent_n", p.contracts())
                    .put("parent_mad_log_value", p.madLogValue())
                    .put("parent_weight", spread.weightOfParent())
                    .put(
                        "parent_weight_estimated",
                        detector.parentWeights().isEstimated(segment.level())));
    evidence.put("median_value", MoneyText.expReais(segment.medianLogValue()));
    evidence.put("value_used", contract.valueUsed());
    evidence.put("value_column", contract.valueColumn());
    evidence.put("log_value", contract.logValue());
    evidence.put("month", month());
    evidence.put("seasonal_factor", factor());
    evidence.put("seasonal_multiple", Math.exp(factor()));
    evidence.put("seasonal_level", anchor().orElse(null));
    season.ifPresent(
        s ->
            evidence
                .put("seasonal_segment_key", s.segmentKey())
                .put("seasonal_contracts", s.observations())
                .put("seasonal_years", s.years())
                .put("seasonal_raw_factor", s.rawFactor())
                .put("seasonal_weight", s.weight()));
    evidence.put("adjusted_log_value", adjustedLogValue);
    evidence.put("z", z);
    evidence.put("degrees_of_freedom", spread.degreesOfFreedom());
    evidence.put("p_value", pValue);
    evidence.put(
        "p_value_model", "upper tail of Student t of z / sqrt(1 + pi / 2n), moderated spread");
    evidence.put("threshold", detector.threshold());
    evidence.put("threshold_version", detector.thresholdVersion());
    evidence.put("direction", Direction.of(z).name());
    evidence.put("min_segment_size", detector.minSegmentSize());
    evidence.put("min_mad", detector.minMad());
    evidence.put("mad_floored", spread.mad() < detector.minMad());
    ArrayNode skipped = evidence.putArray("levels_skipped");
    for (SegmentStats small : choice.skipped()) {
      skipped
          .addObject()
          .put("level", small.level().name())
          .put("segment_key", small.segmentKey())
          .put("n", small.contracts())
          .put("mad_log_value", small.madLogValue())
          .put(
              "reason",
              small.contracts() < detector.minSegmentSize() ? "too_small" : "degenerate_mad");
    }
    try {
      return JSON.writeValueAsString(evidence);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot write the evidence of " + contract.naturalKey(), e);
    }
  }

  /**
   * One sentence, e.g. "Final value R$ 10,000,000,000.00 is 14.2 robust deviations above the median
   * R$ 31,250.00 of 412 contracts in segment UF=RJ × PREGAO × organ 26000."
   */
  String explanation() {
    SegmentStats segment = choice.chosen();
    String valueName =
        ContractSchema.INITIAL_VALUE.equals(contract.valueColumn())
            ? "Initial value"
            : "Final value";
    return valueName
        + " "
        + MoneyText.reais(contract.valueUsed())
        + " is "
        + MoneyText.oneDecimal(Math.abs(z))
        + " robust deviations "
        + Direction.of(z).word()
        + " the median "
        + MoneyText.reais(MoneyText.expReais(segment.medianLogValue()))
        + " of "
        + MoneyText.count(segment.contracts())
        + " contracts in segment "
        + segment
            .level()
            .describe(contract.buyerUf(), contract.modality(), contract.superiorOrganCode())
        + "."
        + seasonSentence();
  }

  /**
   * Empty without adjustment, else e.g. " Seasonally adjusted: December contracts run ×1.80 the
   * median (factor of UF=RJ × PREGAO)."
   */
  private String seasonSentence() {
    if (factor() == 0.0) {
      return "";
    }
    return " Seasonally adjusted: "
        + Month.of(month()).getDisplayName(TextStyle.FULL, Locale.ENGLISH)
        + " contracts run ×"
        + String.format(Locale.ROOT, "%.2f", Math.exp(factor()))
        + " the median (factor of "
        + SegmentLevel.valueOf(anchor().orElseThrow())
            .describe(contract.buyerUf(), contract.modality(), contract.superiorOrganCode())
        + ").";
  }

  private int month() {
    return contract.contract().signatureDate().getMonthValue();
  }

  private double factor() {
    return season.map(SeasonalFactor::factor).orElse(0.0);
  }

  private Optional<String> anchor() {
    return season.map(SeasonalFactor::anchorLevel);
  }
}
