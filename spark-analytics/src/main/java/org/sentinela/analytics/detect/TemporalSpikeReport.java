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
    evidence.put("month_total", month.total());
    evidence.put("month_contracts", month.contracts());
    evidence.put("log_total", month.logTotal());
    evidence.put("seasonal_factor", spike.seasonalFactor());
    evidence.put("seasonal_multiple", Math.exp(spike.seasonalFactor()));
    evidence.put("seasonal_level", season == null ? null : season.anchorLevel());
    evidence.put("seasonal_segment_key", season == null ? null : season.segmentKey());
    evidence.put("adjusted_log_total", spike.adjustedLogTotal());
    evidence.put("unit_median_log_total", spike.unitMedian());
    evidence.put("unit_median_total", MoneyText.expReais(spike.unitMedian()));
    evidence.put("unit_mad_log_total", spike.unitMad());
    evidence.put("months_observed", spike.monthsObserved());
    evidence.put("min_months", detector.minMonths());
    evidence.put("min_total", detector.minTotal());
    evidence.put("min_mad", detector.minMad());
    evidence.put("z", spike.z());
    evidence.put("score", spike.z());
    evidence.put("p_value", spike.pValue());
    evidence.put("p_value_model", "upper normal tail of z");
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
   * One sentence, e.g. "Unit 153000 signed R$ 2,500,000.00 in 37 contracts in December 2022: 6.1
   * robust deviations above its typical month (R$ 300,000.00 over 24 months), after the usual
   * December factor of ×1.45 (RJ). Largest: contract 00123/2022, R$ 900,000.00."
   */
  String explanation() {
    UnitMonth month = spike.month();
    SeasonalFactor season = spike.season();
    String monthName = Month.of(month.month()).getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    String seasonText =
        spike.seasonalFactor() == 0.0
            ? ""
            : ", after the usual "
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
        + MoneyText.reais(month.total())
        + " in "
        + MoneyText.count(month.contracts())
        + (month.contracts() == 1 ? " contract" : " contracts")
        + " in "
        + monthName
        + " "
        + month.year()
        + ": "
        + MoneyText.oneDecimal(spike.z())
        + " robust deviations above its typical month ("
        + MoneyText.reais(MoneyText.expReais(spike.unitMedian()))
        + " over "
        + spike.monthsObserved()
        + " months)"
        + seasonText
        + ". Largest: contract "
        + largest.contractNumber()
        + ", "
        + MoneyText.reais(largestValue)
        + ".";
  }
}
