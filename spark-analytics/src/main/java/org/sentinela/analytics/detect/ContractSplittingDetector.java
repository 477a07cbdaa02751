package org.sentinela.analytics.detect;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.sentinela.analytics.legal.LegalLimit;
import org.sentinela.analytics.legal.LegalLimits;
import org.sentinela.analytics.significance.ScanTail;
import org.sentinela.model.Modality;

/**
 * CONTRACT_SPLITTING (fracionamento): DISPENSA contracts of one buyer unit with one supplier, each
 * at or under the dispensa limit, signed close together and adding up to more than the limit.
 *
 * <p>A contract is a piece when it is a DISPENSA with an identified supplier and a positive
 * contracted value (initial, else final) at or under the dispensa limit in force at its signature
 * for its nature ({@link ObjectNatureRules}; {@link LegalLimits#dispensa}). Pieces are grouped by
 * unit, supplier, calendar year of signature and limit (the limit is yearly, per fiscal year). Each
 * piece's window is the largest-sum run of pieces of its group signed within {@code windowDays}
 * (last − first ≤ windowDays) that contains it ({@link SplitWindows}). Score = window sum / limit;
 * a piece is flagged when its window holds at least {@code minContracts} pieces and the score is
 * above {@code threshold} (1.0 = the limit itself).
 *
 * <p>Every piece is tested. p-value ({@link ScanTail}): the null model places the n pieces of the
 * group's year independently and uniformly over the year's days; p is the chance that k of them
 * fall within the window's span (first to last day), times the number of such spans in the year. It
 * measures how bunched the purchases are against the pair's own pace in that year, not whether the
 * sum breaks the law (which the score says): a supplier paid every month is not bunched.
 *
 * @param threshold score above which a piece is flagged
 * @param thresholdVersion version of the threshold row it came from
 * @param windowDays longest span of a window, in days
 * @param minContracts fewest pieces a window needs
 * @param natureRules tells works and vehicle maintenance from purchases and services
 * @param limits the legal limits table
 */
public record ContractSplittingDetector(
    BigDecimal threshold,
    int thresholdVersion,
    int windowDays,
    int minContracts,
    ObjectNatureRules natureRules,
    LegalLimits limits)
    implements GroupDetector {

  /** The detector's name in {@code detector_thresholds} and {@code anomalies}. */
  public static final String NAME = "CONTRACT_SPLITTING";

  public static final String WINDOW_DAYS = "window_days";
  public static final String MIN_CONTRACTS = "min_contracts";

  public ContractSplittingDetector {
    EvidenceJson.requireValid(NAME, threshold, thresholdVersion);
    if (windowDays < 0) {
      throw new IllegalArgumentException(
          NAME + " " + WINDOW_DAYS + " must be >= 0, got " + windowDays);
    }
    if (minContracts < 2) {
      throw new IllegalArgumentException(
          NAME + " " + MIN_CONTRACTS + " must be >= 2, got " + minContracts);
    }
    Objects.requireNonNull(natureRules, "natureRules");
    Objects.requireNonNull(limits, "limits");
  }

  /** The detector configured by its current threshold row. */
  public static ContractSplittingDetector fromThreshold(DetectorThreshold row, LegalLimits limits) {
    row.requireDetector(NAME);
    return new ContractSplittingDetector(
        row.threshold(),
        row.version(),
        row.intParameter(WINDOW_DAYS),
        row.intParameter(MIN_CONTRACTS),
        ObjectNatureRules.fromThreshold(row),
        limits);
  }

  /** The pieces: see {@link #piece}. */
  @Override
  public boolean tests(ContractFacts contract) {
    return piece(contract).isPresent();
  }

  @Override
  public List<GroupFinding> evaluate(List<ContractFacts> contracts) {
    Map<PieceGroup, List<Piece>> groups = new LinkedHashMap<>();
    for (ContractFacts contract : contracts) {
      piece(contract)
          .ifPresent(
              p ->
                  groups
                      .computeIfAbsent(
                          new PieceGroup(
                              contract.unitCode(),
                              contract.supplierId(),
                              contract.signatureDate().getYear(),
                              p.limit()),
                          key -> new ArrayList<>())
                      .add(p));
    }
    List<GroupFinding> findings = new ArrayList<>();
    for (List<Piece> group : groups.values()) {
      findings.addAll(evaluateGroup(group));
    }
    return findings;
  }

  /**
   * The piece a contract is: a DISPENSA with an identified supplier and a positive contracted value
   * at or under the dispensa limit for its date and nature; empty otherwise (also when no limit was
   * in force at its signature).
   */
  public Optional<Piece> piece(ContractFacts contract) {
    BigDecimal value = contract.contractedValue();
    if (!Modality.DISPENSA.name().equals(contract.modality())
        || !contract.supplierIdentified()
        || value == null) {
      return Optional.empty();
    }
    ObjectNatureRules.Classification nature = natureRules.classify(contract.objectText());
    return limits
        .dispensa(contract.signatureDate(), nature.nature())
        .filter(limit -> value.compareTo(limit.amount()) <= 0)
        .map(limit -> new Piece(contract, value, contract.contractedValueColumn(), nature, limit));
  }

  private List<GroupFinding> evaluateGroup(List<Piece> group) {
    List<Piece> pieces =
        group.stream()
            .sorted(
                Comparator.comparing((Piece p) -> p.contract().signatureDate())
                    .thenComparing(p -> p.contract().contractNumber())
                    .thenComparing(p -> p.contract().naturalKey()))
            .toList();
    LegalLimit limit = pieces.get(0).limit();
    List<SplitWindows.Window> windows =
        SplitWindows.largestContaining(
            pieces.stream().map(p -> p.contract().signatureDate()).toList(),
            pieces.stream().map(Piece::value).toList(),
            windowDays);
    List<GroupFinding> findings = new ArrayList<>();
    for (int k = 0; k < pieces.size(); k++) {
      SplitWindows.Window window = windows.get(k);
      double score = window.sum().divide(limit.amount(), MathContext.DECIMAL64).doubleValue();
      if (window.size() < minContracts || !(score > threshold.doubleValue())) {
        continue;
      }
      Piece piece = pieces.get(k);
      List<Piece> members = pieces.subList(window.first(), window.last() + 1);
      double pValue = pValue(pieces.size(), members);
      ContractSplittingReport report =
          new ContractSplittingReport(
              this, piece, members, pieces.size(), window.sum(), score, pValue);
      findings.add(
          new GroupFinding(
              piece.contract().naturalKey(),
              new Finding(
                  AnomalyIds.of(NAME, piece.contract().naturalKey()),
                  NAME,
                  score,
                  pValue,
                  threshold,
                  thresholdVersion,
                  report.evidenceJson(),
                  report.explanation())));
    }
    return findings;
  }

  /** The scan p-value of a window of {@code window} among {@code piecesInYear} pieces. */
  static double pValue(int piecesInYear, List<Piece> window) {
    LocalDate first = window.get(0).contract().signatureDate();
    LocalDate last = window.get(window.size() - 1).contract().signatureDate();
    long span = ChronoUnit.DAYS.between(first, last) + 1;
    return ScanTail.pValue(piecesInYear, window.size(), span, first.lengthOfYear());
  }

  /** Pieces that may be summed: one unit, one supplier, one fiscal year, one limit. */
  private record PieceGroup(String unitCode, String supplierId, int year, LegalLimit limit) {}

  /**
   * A contract that can be part of a split purchase.
   *
   * @param contract the contract
   * @param value its contracted value
   * @param valueColumn the column the value came from
   * @param nature its object's nature
   * @param limit the dispensa limit it is at or under
   */
  public record Piece(
      ContractFacts contract,
      BigDecimal value,
      String valueColumn,
      ObjectNatureRules.Classification nature,
      LegalLimit limit) {}
}
