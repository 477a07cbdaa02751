package org.sentinela.analytics.detect;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.sentinela.analytics.detect.ContractSplittingDetector.Piece;
import org.sentinela.analytics.legal.LegalLimit;

/**
 * The evidence JSON and the explanation sentence of one CONTRACT_SPLITTING finding: the flagged
 * contract and its whole window.
 */
record ContractSplittingReport(
    ContractSplittingDetector detector,
    Piece flagged,
    List<Piece> window,
    int piecesInYear,
    BigDecimal sum,
    double score,
    double pValue) {

  ContractSplittingReport {
    window = List.copyOf(window);
  }

  /** Every number behind the finding, as one JSON object. */
  String evidenceJson() {
    LegalLimit limit = flagged.limit();
    ObjectNode evidence =
        EvidenceJson.start(
            ContractSplittingDetector.NAME, detector.threshold(), detector.thresholdVersion());
    evidence.put("window_days", detector.windowDays());
    evidence.put("min_contracts", detector.minContracts());
    EvidenceJson.putLegalLimit(evidence, limit);
    evidence.put("object_nature", flagged.nature().nature().name());
    evidence.put("object_nature_term", flagged.nature().term());
    evidence.put("value_used", flagged.value());
    evidence.put("value_column", flagged.valueColumn());
    evidence.put("group_contracts", window.size());
    evidence.put("group_sum", sum);
    evidence.put("group_first_date", first().toString());
    evidence.put("group_last_date", last().toString());
    evidence.put("group_span_days", spanDays());
    evidence.put("score", score);
    evidence.put("pieces_in_year", piecesInYear);
    evidence.put("p_value", pValue);
    evidence.put(
        "p_value_model",
        "scan: the year's pieces placed uniformly over the year, k of n within the window's span");
    ArrayNode members = evidence.putArray("contracts");
    for (Piece piece : window) {
      members
          .addObject()
          .put("contract_number", piece.contract().contractNumber())
          .put("signature_date", piece.contract().signatureDate().toString())
          .put("value", piece.value())
          .put("value_column", piece.valueColumn())
          .put("object_nature", piece.nature().nature().name())
          .put("flagged_contract", piece == flagged);
    }
    return EvidenceJson.write(evidence, flagged.contract().naturalKey());
  }

  /**
   * One sentence, e.g. "3 dispensas of unit 153000 with this supplier signed within 59 days
   * (2022-01-10 to 2022-03-10), each at or under the Lei 14.133/2021 art. 75 II limit of R$
   * 54,020.41 (Dec. 10.922/2021), add up to R$ 120,000.00: 2.2 times the limit."
   */
  String explanation() {
    LegalLimit limit = flagged.limit();
    return window.size()
        + " dispensas of unit "
        + flagged.contract().unitCode()
        + " with this supplier signed within "
        + spanDays()
        + " days ("
        + first()
        + " to "
        + last()
        + "), each at or under the "
        + limit.kind().provision()
        + " limit of "
        + MoneyText.reais(limit.amount())
        + " ("
        + limit.act()
        + "), add up to "
        + MoneyText.reais(sum)
        + ": "
        + MoneyText.oneDecimal(score)
        + " times the limit.";
  }

  private LocalDate first() {
    return window.get(0).contract().signatureDate();
  }

  private LocalDate last() {
    return window.get(window.size() - 1).contract().signatureDate();
  }

  private long spanDays() {
    return ChronoUnit.DAYS.between(first(), last());
  }
}
