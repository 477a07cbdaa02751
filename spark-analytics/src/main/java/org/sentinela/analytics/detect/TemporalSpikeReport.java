package org.sentinela.analytics.detect;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.sentinela.analytics.baseline.SeasonalFactor;

/**
 * The evidence JSON and the explanation sentence of one TEMPORAL_SPIKE finding.
 *
 * @param detector the detector's configuration
 * @param spike the flagged unit-month
 * @param contracts the month's contracts, largest first (the first is the one published)
 */
record TemporalSpikeReport(
    TemporalSpikeDetector detector, UnitMonthScore spike, List<ContractFacts> contracts) {

  TemporalSpikeReport {
    contracts = List.copyOf(contracts);
    if (contracts.isEmpty()) {
      throw new IllegalArgumentException("spike " + spike.key() + " has no contracts");
    }
  }

  /** Largest scored value first, then contract number and natural key. */
  static List<ContractFacts> largestFirst(List<ContractFacts> contracts) {
    return contracts.stream()
        .sorted(
            Comparator.comparing(ContractFacts::scoredValue, Comparator.reverseOrder())
                .thenComparing(ContractFacts::contractNumber)
                .thenComparing(ContractFacts::naturalKey))
        .toList();
  }

  /** Every number behind the finding, as one JSON object. */
  String evidenceJson() {
    UnitMonth month = spike.month();
    SeasonalFactor season = spike.season();
    ObjectNode evidence =
        EvidenceJson.start(
            TemporalSpikeDetector.NAME, detector.threshold(), detector.thresholdVersion());
    evidence.put("unit_code", month.unitCode());
    evidence.put("buyer_uf", month.buyerUf());
    evidence.put("year_month", month.yearMonth());
    evidence.put("month_contracts", month.contracts());
    evidence.put("expected_contracts", spike.expectedContracts());
    evidence.put("unit_typical_contracts", spike.typicalContracts());
    evidence.put("seasonal_factor", spike.seasonalFactor());
    evidence.put("seasonal_multiple", Math.exp(spike.seasonalFactor()));
    evidence.put("seasonal_level", season == null ? null : season.anchorLevel());
    evidence.put("seasonal_segment_key", season == null ? null : season.segmentKey());
    evidence.put("dispersion", spike.dispersion());
    evidence.put("month_total", month.total());
    evidence.put("months_observed", spike.monthsObserved());
    evidence.put("min_months", detector.minMonths());
    evidence.put("min_total", detector.minTotal());
    evidence.put("z", spike.z());
    evidence.put("score", spike.z());
    evidence.put("p_value", spike.pValue());
    evidence.put(
        "p_value_model",
        "upper normal tail of z = (2√(x+3/8) − 2√(μ+3/8)) / √φ, x over-dispersed Poisson(μ)");
    evidence.put("published_contract", contracts.get(0).contractNumber());
    ArrayNode top = evidence.putArray("top_contracts");
    for (ContractFacts c :
        contracts.subList(0, Math.min(detector.topContracts(), contracts.size()))) {
      top.addObject()
          .put("contract_number", c.contractNumber())
          .put("signature_date", c.signatureDate().toString())
          .put("value", c.scoredValue())
          .put("modality", c.modality())
          .put("supplier_kind", c.supplierKind());
    }
    return EvidenceJson.write(evidence, spike.key());
  }

  /**
   * One sentence, e.g. "Unit 153000 signed 40 contracts in June 2022 (R$ 2,500,000.00) against 8.0
   * expected: 6.1 deviations above its typical month (8.0 contracts over 24 months, over-dispersion
   * φ = 1.3). Largest: contract 00123/2022, R$ 900,000.00." A seasonal month says "expected after
   * the usual December factor of ×1.45 (RJ)".
   */
  String explanation() {
    UnitMonth month = spike.month();
    SeasonalFactor season = spike.season();
    String monthName = Month.of(month.month()).getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    String seasonText =
        spike.seasonalFactor() == 0.0
            ? ""
            : " after the usual "
                + monthName
                + " factor of ×"
                + String.format(Locale.ROOT, "%.2f", Math.exp(spike.seasonalFactor()))
                + " ("
                + UnitMonthLevel.valueOf(season.anchorLevel()).describe(month.buyerUf())
                + ")";
    ContractFacts largest = contracts.get(0);
    BigDecimal largestValue = largest.scoredValue();
    return "Unit "
        + month.unitCode()
        + " signed "
        + MoneyText.count(month.contracts())
        + (month.contracts() == 1 ? " contract" : " contracts")
        + " in "
        + monthName
        + " "
        + month.year()
        + " ("
        + MoneyText.reais(month.total())
        + ") against "
        + MoneyText.oneDecimal(spike.expectedContracts())
        + " expected"
        + seasonText
        + ": "
        + MoneyText.oneDecimal(spike.z())
        + " deviations above its typical month ("
        + MoneyText.oneDecimal(spike.typicalContracts())
        + " contracts over "
        + spike.monthsObserved()
        + " months, over-dispersion φ = "
        + MoneyText.oneDecimal(spike.dispersion())
        + "). Largest: contract "
        + largest.contractNumber()
        + ", "
        + MoneyText.reais(largestValue)
        + ".";
  }
}
