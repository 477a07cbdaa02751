package org.sentinela.analytics.detect;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.sentinela.analytics.significance.RuleConvention;

/**
 * DUPLICATE_REGISTRATION: one contract registered more than once under different numbers: same
 * buyer unit, supplier, signature date, contracted value (initial, else final) and object text
 * (folded: no accents, case, punctuation or {@code "Objeto:"} prefix). Score = the number of
 * registrations; each is flagged when the score reaches {@code threshold} (2 = one
 * re-registration). Contracts without a positive value or with a classified supplier are not
 * compared (nor tested). The p-value is {@link RuleConvention}'s: a convention, not a test.
 *
 * @param threshold registrations at or above which each is flagged
 * @param thresholdVersion version of the threshold row it came from
 */
public record DuplicateRegistrationDetector(BigDecimal threshold, int thresholdVersion)
    implements GroupDetector {

  /** The detector's name in {@code detector_thresholds} and {@code anomalies}. */
  public static final String NAME = "DUPLICATE_REGISTRATION";

  public DuplicateRegistrationDetector {
    EvidenceJson.requireValid(NAME, threshold, thresholdVersion);
  }

  /** The detector configured by its current threshold row. */
  public static DuplicateRegistrationDetector fromThreshold(DetectorThreshold row) {
    row.requireDetector(NAME);
    return new DuplicateRegistrationDetector(row.threshold(), row.version());
  }

  @Override
  public List<GroupFinding> evaluate(List<ContractFacts> contracts) {
    Map<Registration, List<ContractFacts>> registrations =
        contracts.stream()
            .filter(c -> c.supplierIdentified() && c.contractedValue() != null)
            .collect(Collectors.groupingBy(this::key, LinkedHashMap::new, Collectors.toList()));
    List<GroupFinding> findings = new ArrayList<>();
    for (List<ContractFacts> same : registrations.values()) {
      double score = same.size();
      if (score < threshold.doubleValue()) {
        continue;
      }
      List<ContractFacts> ordered =
          same.stream()
              .sorted(
                  Comparator.comparing(ContractFacts::contractNumber)
                      .thenComparing(ContractFacts::naturalKey))
              .toList();
      for (ContractFacts contract : ordered) {
        findings.add(new GroupFinding(contract.naturalKey(), finding(contract, ordered, score)));
      }
    }
    return findings;
  }

  /** Contracts with an identified supplier and a positive value. */
  @Override
  public boolean tests(ContractFacts contract) {
    return contract.supplierIdentified() && contract.contractedValue() != null;
  }

  /** What two registrations of one contract share (the contract needs a contracted value). */
  public Registration key(ContractFacts contract) {
    return new Registration(
        contract.unitCode(),
        contract.supplierId(),
        contract.signatureDate(),
        contract.contractedValue().stripTrailingZeros(),
        ObjectText.fold(contract.objectText()));
  }

  /**
   * What registrations of one contract share.
   *
   * @param unitCode the buyer unit
   * @param supplierId the supplier
   * @param signatureDate the signature date
   * @param value the contracted value, without trailing zeros
   * @param foldedObject the folded object text
   */
  public record Registration(
      String unitCode,
      String supplierId,
      LocalDate signatureDate,
      BigDecimal value,
      String foldedObject) {}

  private Finding finding(ContractFacts contract, List<ContractFacts> all, double score) {
    List<ContractFacts> others = all.stream().filter(c -> c != contract).toList();
    ObjectNode evidence = EvidenceJson.start(NAME, threshold, thresholdVersion);
    evidence.put("registrations", all.size());
    evidence.put("signature_date", contract.signatureDate().toString());
    evidence.put("value", contract.contractedValue());
    evidence.put("value_column", contract.contractedValueColumn());
    evidence.put("score", score);
    double pValue = RuleConvention.pValue(score, threshold.doubleValue());
    EvidenceJson.putConventionalPValue(evidence, pValue);
    evidence
        .putArray("other_contract_numbers")
        .addAll(others.stream().map(c -> evidence.textNode(c.contractNumber())).toList());
    ArrayNode details = evidence.putArray("other_registrations");
    for (ContractFacts other : others) {
      details
          .addObject()
          .put("contract_number", other.contractNumber())
          .put(
              "publication_date",
              other.publicationDate() == null ? null : other.publicationDate().toString())
          .put("initial_value", other.initialValue())
          .put("final_value", other.finalValue());
    }
    String numbers =
        others.stream().map(ContractFacts::contractNumber).collect(Collectors.joining(", "));
    String explanation =
        "Registered "
            + all.size()
            + " times: also as contract "
            + numbers
            + ", with the same unit, supplier, signature date "
            + contract.signatureDate()
            + ", value "
            + MoneyText.reais(contract.contractedValue())
            + " and object text.";
    return new Finding(
        AnomalyIds.of(NAME, contract.naturalKey()),
        NAME,
        score,
        pValue,
        threshold,
        thresholdVersion,
        EvidenceJson.write(evidence, contract.naturalKey()),
        explanation);
  }
}
