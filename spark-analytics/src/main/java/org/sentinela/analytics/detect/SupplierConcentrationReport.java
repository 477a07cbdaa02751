package org.sentinela.analytics.detect;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.sentinela.analytics.detect.SupplierConcentrationDetector.Assessment;
import org.sentinela.analytics.detect.SupplierConcentrationDetector.PeerGroup;

/**
 * The evidence JSON and the explanation sentence of one SUPPLIER_CONCENTRATION finding: the unit's
 * shares, its peer group and the test, and the top supplier's dearest contracts. Suppliers other
 * than the top one are counted, never named (the top one is the flagged row's supplier).
 *
 * @param detector the detector, for its parameters
 * @param assessment the flagged unit-year's test
 * @param topSupplierContracts the top supplier's contracts, dearest first (the first carries it)
 */
record SupplierConcentrationReport(
    SupplierConcentrationDetector detector,
    Assessment assessment,
    List<ContractFacts> topSupplierContracts) {

  SupplierConcentrationReport {
    topSupplierContracts = List.copyOf(topSupplierContracts);
  }

  /** Every number behind the finding, as one JSON object. */
  String evidenceJson() {
    SupplierShares unitYear = assessment.unitYear();
    PeerGroup peers = assessment.peers();
    ObjectNode evidence =
        EvidenceJson.start(
            SupplierConcentrationDetector.NAME, detector.threshold(), detector.thresholdVersion());
    evidence.put("unit_code", unitYear.unitCode());
    evidence.put("year", unitYear.year());
    evidence.put("contracts", unitYear.contracts());
    evidence.put("suppliers", unitYear.suppliers());
    evidence.put("total_value", unitYear.totalValue());
    evidence.put("hhi", unitYear.hhi());
    evidence.put("top_supplier_share", unitYear.topShare());
    evidence.put("top_supplier_value", unitYear.topValue());
    evidence.put("top_supplier_contracts", unitYear.topContracts());
    evidence.put("top_supplier_contract_share", unitYear.topContractShare());
    evidence.put("top_supplier_contract_logit", unitYear.topContractLogit());
    evidence.put("second_supplier_share", unitYear.secondShare());
    ObjectNode group = evidence.putObject("peer_group");
    group.put("from_contracts", peers.fromContracts());
    group.put("to_contracts", peers.toContracts());
    group.put("unit_years", peers.unitYears());
    group.put("median_contract_logit", peers.medianLogit());
    group.put("mad_contract_logit", peers.madLogit());
    group.put("median_contract_share", peers.medianShare(unitYear.contracts()));
    evidence.put("mad_floored", peers.madLogit() < detector.minMad());
    evidence.put("z", assessment.z());
    evidence.put("p_value", assessment.pValue());
    evidence.put(
        "p_value_model",
        "empirical: share of the peer group's unit-years whose top supplier's contract-share"
            + " logit is at least as high");
    evidence.put("max_p_value", detector.maxPValue());
    evidence.put("score", assessment.z());
    evidence.put("min_contracts", detector.minContracts());
    evidence.put("min_total_value", detector.minTotalValue());
    evidence.put("min_peers", detector.minPeers());
    evidence.put("min_mad", detector.minMad());
    evidence.put("min_top_share", detector.minTopShare());
    evidence.put("min_top_contract_share", detector.minTopContractShare());
    evidence.put("min_supplier_contracts", detector.minSupplierContracts());
    ArrayNode contracts = evidence.putArray("contracts");
    int listed = Math.min(topSupplierContracts.size(), detector.evidenceContracts());
    for (ContractFacts contract : topSupplierContracts.subList(0, listed)) {
      contracts
          .addObject()
          .put("contract_number", contract.contractNumber())
          .put("signature_date", contract.signatureDate().toString())
          .put("modality", contract.modality())
          .put("value", contract.contractedValue())
          .put("value_column", contract.contractedValueColumn())
          .put("flagged_contract", contract == topSupplierContracts.get(0));
    }
    return EvidenceJson.write(evidence, topSupplierContracts.get(0).naturalKey());
  }

  /**
   * One sentence, e.g. "This contract's supplier holds 83.4% of the R$ 40,455,242.95 unit 972931
   * contracted in 2022 and signed 39 of its 47 contracts (9 suppliers): 12.1 robust deviations
   * above the top suppliers of 319 unit-years with 40 to 79 contracts, who sign a median 5.9% of
   * them (p = 0.0063)."
   */
  String explanation() {
    SupplierShares unitYear = assessment.unitYear();
    PeerGroup peers = assessment.peers();
    return "This contract's supplier holds "
        + MoneyText.percent(unitYear.topShare())
        + " of the "
        + MoneyText.reais(unitYear.totalValue())
        + " unit "
        + unitYear.unitCode()
        + " contracted in "
        + unitYear.year()
        + " and signed "
        + unitYear.topContracts()
        + " of its "
        + unitYear.contracts()
        + " contracts ("
        + unitYear.suppliers()
        + (unitYear.suppliers() == 1 ? " supplier" : " suppliers")
        + "): "
        + MoneyText.oneDecimal(assessment.z())
        + " robust deviations above the top suppliers of "
        + peers.unitYears()
        + " unit-years with "
        + peers.fromContracts()
        + " to "
        + peers.toContracts()
        + " contracts, who sign a median "
        + MoneyText.percent(peers.medianShare(unitYear.contracts()))
        + " of them (p = "
        + MoneyText.probability(assessment.pValue())
        + ").";
  }
}
