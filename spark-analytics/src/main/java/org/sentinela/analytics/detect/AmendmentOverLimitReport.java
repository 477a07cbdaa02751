package org.sentinela.analytics.detect;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import org.sentinela.analytics.legal.LegalLimit;

/** The evidence JSON and the explanation sentence of one AMENDMENT_OVER_LIMIT finding. */
record AmendmentOverLimitReport(
    AmendmentOverLimitDetector detector,
    ContractFacts contract,
    AmendmentOverLimitDetector.Growth growth) {

  /** Every number behind the finding, as one JSON object. */
  String evidenceJson() {
    LegalLimit ceiling = growth.ceiling();
    BigDecimal allowed = contract.initialValue().multiply(BigDecimal.ONE.add(ceiling.amount()));
    ObjectNode evidence =
        EvidenceJson.start(
            AmendmentOverLimitDetector.NAME, detector.threshold(), detector.thresholdVersion());
    evidence.put("initial_value", contract.initialValue());
    evidence.put("final_value", contract.finalValue());
    evidence.put("growth_ratio", growth.ratio().stripTrailingZeros());
    evidence.put("limit_ratio", ceiling.amount().stripTrailingZeros());
    evidence.put("limit_kind", ceiling.kind().name());
    evidence.put("law", ceiling.law().name());
    evidence.put("limit_basis", ceiling.kind().provision());
    evidence.put("renovation", growth.renovationTerm() != null);
    evidence.put("renovation_term", growth.renovationTerm());
    evidence.put("allowed_final_value", allowed);
    evidence.put("excess_value", contract.finalValue().subtract(allowed));
    evidence.put("signature_date", contract.signatureDate().toString());
    evidence.put("score", growth.score());
    evidence.put("p_value", detector.reference().pValue(growth.share()));
    evidence.put(
        "p_value_model", "share of tonight's tested contracts with growth / ceiling at least this");
    evidence.put("reference_contracts", detector.reference().n());
    evidence.put("reference_at_least", detector.reference().atLeast(growth.share()));
    return EvidenceJson.write(evidence, contract.naturalKey());
  }

  /**
   * One sentence, e.g. "Final value R$ 126,000.00 is 26.0% above the initial value R$ 100,000.00:
   * more than the 25% Lei 14.133/2021 art. 125 allows."
   */
  String explanation() {
    LegalLimit ceiling = growth.ceiling();
    String renovation =
        growth.renovationTerm() == null
            ? ""
            : " for a renovation (the object mentions " + growth.renovationTerm() + ")";
    return "Final value "
        + MoneyText.reais(contract.finalValue())
        + " is "
        + MoneyText.percent(growth.ratio())
        + " above the initial value "
        + MoneyText.reais(contract.initialValue())
        + ": more than the "
        + MoneyText.plainPercent(ceiling.amount())
        + " "
        + ceiling.kind().provision()
        + " allows"
        + renovation
        + ".";
  }
}
