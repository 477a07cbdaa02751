package org.sentinela.analytics.detect;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.sentinela.analytics.detect.BunchingDetector.Assessment;
import org.sentinela.analytics.detect.BunchingDetector.Cell;
import org.sentinela.analytics.detect.BunchingDetector.Position;
import org.sentinela.analytics.legal.LegalLimit;

/**
 * The evidence JSON and the explanation sentence of one BUNCHING finding: the unit's counts, the
 * expected share and the test, and the dearest band contracts.
 *
 * @param detector the detector, for its parameters
 * @param assessment the flagged cell's test
 * @param band the cell's band contracts, dearest first (the first carries the finding)
 */
record BunchingReport(BunchingDetector detector, Assessment assessment, List<Position> band) {

  BunchingReport {
    band = List.copyOf(band);
  }

  /** Every number behind the finding, as one JSON object. */
  String evidenceJson() {
    Cell cell = assessment.cell();
    LegalLimit limit = limit();
    ObjectNode evidence =
        EvidenceJson.start(
            BunchingDetector.NAME, detector.threshold(), detector.thresholdVersion());
    evidence.put("unit_code", cell.unitCode());
    evidence.put("year", cell.year());
    EvidenceJson.putLegalLimit(evidence, limit);
    evidence.put("window_from", detector.windowFrom());
    evidence.put("band_from", detector.bandFrom());
    evidence.put("window_from_value", reais(detector.windowFrom()));
    evidence.put("band_from_value", reais(detector.bandFrom()));
    evidence.put("dispensas", cell.dispensas());
    evidence.put("window_contracts", cell.window());
    evidence.put("band_contracts", cell.band());
    evidence.put("observed_share", assessment.observedShare());
    evidence.put("expected_share", assessment.expected().share());
    evidence.put("expected_band_contracts", cell.window() * assessment.expected().share());
    evidence.put(
        "excess_band_contracts", cell.band() - cell.window() * assessment.expected().share());
    evidence.put("national_reference_contracts", assessment.expected().reference());
    evidence.put("national_adjacent_contracts", assessment.expected().adjacent());
    evidence.put("prior_contracts", detector.priorContracts());
    evidence.put("flat_share", detector.flatShare());
    evidence.put("p_value", assessment.pValue());
    evidence.put(
        "p_value_model",
        "binomial: each of the window's dispensas in the band with the expected share");
    evidence.put("max_p_value", detector.maxPValue());
    evidence.put("min_dispensas", detector.minDispensas());
    evidence.put("min_band_contracts", detector.minBandContracts());
    evidence.put("score", assessment.score());
    evidence.put(
        "band_value", band.stream().map(Position::value).reduce(BigDecimal.ZERO, BigDecimal::add));
    ArrayNode contracts = evidence.putArray("contracts");
    for (Position position : band.subList(0, Math.min(band.size(), detector.evidenceContracts()))) {
      contracts
          .addObject()
          .put("contract_number", position.contract().contractNumber())
          .put("signature_date", position.contract().signatureDate().toString())
          .put("value", position.value())
          .put("value_column", position.valueColumn())
          .put("limit_ratio", position.ratio())
          .put("object_nature", position.nature().nature().name())
          .put("flagged_contract", position == band.get(0));
    }
    return EvidenceJson.write(evidence, band.get(0).contract().naturalKey());
  }

  /**
   * One sentence, e.g. "4 of the 5 dispensas of unit 154043 in 2022 between R$ 8,800.00 and the Lei
   * 8.666/93 art. 24 II limit of R$ 17,600.00 (Dec. 9.412/2018) are within 10% of the limit (R$
   * 15,840.00 or more): 80.0% against an expected 19.5%, 4.1 times the expected share (p =
   * 0.0061)."
   */
  String explanation() {
    Cell cell = assessment.cell();
    LegalLimit limit = limit();
    return cell.band()
        + " of the "
        + cell.window()
        + " dispensas of unit "
        + cell.unitCode()
        + " in "
        + cell.year()
        + " between "
        + MoneyText.reais(reais(detector.windowFrom()))
        + " and the "
        + limit.kind().provision()
        + " limit of "
        + MoneyText.reais(limit.amount())
        + " ("
        + limit.act()
        + ") are within "
        + MoneyText.plainPercent(BigDecimal.ONE.subtract(BigDecimal.valueOf(detector.bandFrom())))
        + " of the limit ("
        + MoneyText.reais(reais(detector.bandFrom()))
        + " or more): "
        + MoneyText.percent(assessment.observedShare())
        + " against an expected "
        + MoneyText.percent(assessment.expected().share())
        + ", "
        + MoneyText.oneDecimal(assessment.score())
        + " times the expected share (p = "
        + MoneyText.probability(assessment.pValue())
        + ").";
  }

  private LegalLimit limit() {
    return band.get(0).limit();
  }

  private BigDecimal reais(double fraction) {
    return BunchingDetector.floor(limit(), fraction).setScale(2, RoundingMode.HALF_EVEN);
  }
}
