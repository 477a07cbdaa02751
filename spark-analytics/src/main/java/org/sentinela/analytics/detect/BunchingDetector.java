package org.sentinela.analytics.detect;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.sentinela.analytics.legal.Law;
import org.sentinela.analytics.legal.LegalLimit;
import org.sentinela.analytics.legal.LegalLimits;
import org.sentinela.analytics.legal.LimitKind;
import org.sentinela.analytics.significance.PValues;
import org.sentinela.model.Modality;

/**
 * BUNCHING: a buyer unit's dispensas of one year pile up just under the dispensa limit more than
 * the national distribution of dispensa values predicts.
 *
 * <p>A DISPENSA with a positive contracted value (initial, else final) is placed against every
 * dispensa limit in force at its signature for its nature ({@link ObjectNatureRules}; both Lei
 * 14.133's and Lei 8.666's while buyers could choose either law) that it does not exceed: ratio =
 * value / limit. Per unit, year of signature and limit kind, with ratios r: the <em>window</em> is
 * r ≥ {@code windowFrom}, the <em>band</em> r ≥ {@code bandFrom}, the <em>reference</em> range the
 * window below the band. Of the n dispensas in the window, k are in the band.
 *
 * <p>Under the null, the unit's dispensas in the window fall in the band with the expected share
 * p0, and k ~ Binomial(n, p0); the p-value is P(X ≥ k) ({@link BinomialTail}). p0 comes from all
 * units' dispensas of the same law (every year and nature pooled): the band is given the national
 * count of the <em>adjacent</em> bin, the range just below it and as wide (r in [2·bandFrom − 1,
 * bandFrom)), so the estimate ignores the band itself and whatever bunching is in it, and a density
 * that falls towards the limit gives a smaller share than a flat one. p0 = (adjacent + prior ×
 * flat) / (reference + adjacent + prior), where flat = (1 − bandFrom) / (1 − windowFrom) is the
 * share a flat density gives and {@code priorContracts} is how many contracts that flat guess
 * weighs: it decides when the country has few dispensas, the data decide when it has many.
 *
 * <p>Comparing the band with the unit's own window, not with all its dispensas, keeps a unit whose
 * purchases are simply dear (values spread evenly up to the limit) from looking bunched. A cell is
 * examined when it has at least {@code minDispensas} dispensas at or under the limit and {@code
 * minBandContracts} in the band; score = (k / n) / p0, flagged when the score reaches {@code
 * threshold} and the p-value is at most {@code maxPValue}.
 *
 * @param threshold score (times the expected share) at or above which a cell is flagged
 * @param thresholdVersion version of the threshold row it came from
 * @param windowFrom lower edge of the window, as a fraction of the limit (e.g. 0.5)
 * @param bandFrom lower edge of the band, as a fraction of the limit (e.g. 0.9)
 * @param minDispensas fewest dispensas at or under the limit a cell needs
 * @param minBandContracts fewest dispensas in the band a cell needs
 * @param maxPValue largest p-value flagged
 * @param priorContracts weight, in contracts, of the flat-density share in p0
 * @param evidenceContracts how many band contracts the evidence lists (the dearest)
 * @param natureRules tells works and vehicle maintenance from purchases and services
 * @param limits the legal limits table
 */
public record BunchingDetector(
    BigDecimal threshold,
    int thresholdVersion,
    double windowFrom,
    double bandFrom,
    int minDispensas,
    int minBandContracts,
    double maxPValue,
    int priorContracts,
    int evidenceContracts,
    ObjectNatureRules natureRules,
    LegalLimits limits)
    implements Serializable {

  /** The detector's name in {@code detector_thresholds} and {@code anomalies}. */
  public static final String NAME = "BUNCHING";

  public static final String WINDOW_FROM = "window_from";
  public static final String BAND_FROM = "band_from";
  public static final String MIN_DISPENSAS = "min_dispensas";
  public static final String MIN_BAND_CONTRACTS = "min_band_contracts";
  public static final String MAX_P_VALUE = "max_p_value";
  public static final String PRIOR_CONTRACTS = "prior_contracts";
  public static final String EVIDENCE_CONTRACTS = "evidence_contracts";

  public BunchingDetector {
    EvidenceJson.requireValid(NAME, threshold, thresholdVersion);
    if (!(windowFrom > 0 && windowFrom <= 2 * bandFrom - 1 && bandFrom < 1)) {
      throw new IllegalArgumentException(
          NAME
              + " needs 0 < "
              + WINDOW_FROM
              + " <= 2 × "
              + BAND_FROM
              + " − 1 and "
              + BAND_FROM
              + " < 1 (the window must hold a reference range as wide as the band), got "
              + windowFrom
              + " and "
              + bandFrom);
    }
    requireAtLeast(MIN_DISPENSAS, minDispensas, 1);
    requireAtLeast(MIN_BAND_CONTRACTS, minBandContracts, 1);
    requireAtLeast(PRIOR_CONTRACTS, priorContracts, 1);
    requireAtLeast(EVIDENCE_CONTRACTS, evidenceContracts, 1);
    if (!(maxPValue > 0 && maxPValue <= 1)) {
      throw new IllegalArgumentException(
          NAME + " " + MAX_P_VALUE + " must be in (0, 1], got " + maxPValue);
    }
    Objects.requireNonNull(natureRules, "natureRules");
    Objects.requireNonNull(limits, "limits");
  }

  private static void requireAtLeast(String parameter, int value, int minimum) {
    if (value < minimum) {
      throw new IllegalArgumentException(
          NAME + " " + parameter + " must be >= " + minimum + ", got " + value);
    }
  }

  /** The detector configured by its current threshold row. */
  public static BunchingDetector fromThreshold(DetectorThreshold row, LegalLimits limits) {
    row.requireDetector(NAME);
    return new BunchingDetector(
        row.threshold(),
        row.version(),
        row.doubleParameter(WINDOW_FROM),
        row.doubleParameter(BAND_FROM),
        row.intParameter(MIN_DISPENSAS),
        row.intParameter(MIN_BAND_CONTRACTS),
        row.doubleParameter(MAX_P_VALUE),
        row.intParameter(PRIOR_CONTRACTS),
        row.intParameter(EVIDENCE_CONTRACTS),
        ObjectNatureRules.fromThreshold(row),
        limits);
  }

  /** The share of the window a flat density of ratios puts in the band. */
  public double flatShare() {
    return (1 - bandFrom) / (1 - windowFrom);
  }

  /**
   * Where a contract stands against each dispensa limit in force at its signature that it does not
   * exceed; empty when it is not a DISPENSA, has no positive contracted value, or exceeds them all.
   */
  public List<Position> positions(ContractFacts contract) {
    BigDecimal value = contract.contractedValue();
    if (!Modality.DISPENSA.name().equals(contract.modality()) || value == null) {
      return List.of();
    }
    ObjectNatureRules.Classification nature = natureRules.classify(contract.objectText());
    List<Position> positions = new ArrayList<>(2);
    for (LegalLimit limit : limits.dispensaLimits(contract.signatureDate(), nature.nature())) {
      if (value.compareTo(limit.amount()) <= 0) {
        positions.add(
            new Position(
                contract,
                value,
                contract.contractedValueColumn(),
                nature,
                limit,
                value.divide(limit.amount(), MathContext.DECIMAL64).doubleValue(),
                value.compareTo(floor(limit, windowFrom)) >= 0,
                value.compareTo(floor(limit, bandFrom)) >= 0,
                value.compareTo(floor(limit, 2 * bandFrom - 1)) >= 0
                    && value.compareTo(floor(limit, bandFrom)) < 0));
      }
    }
    return positions;
  }

  /** {@code fraction} of the limit, in reais. */
  static BigDecimal floor(LegalLimit limit, double fraction) {
    return limit.amount().multiply(BigDecimal.valueOf(fraction));
  }

  /** The expected band share of each law, from the national counts of all cells of that law. */
  public Map<Law, ExpectedShare> expectedShares(Collection<Cell> cells) {
    Map<Law, long[]> counts = new EnumMap<>(Law.class);
    for (Cell cell : cells) {
      long[] sums = counts.computeIfAbsent(cell.kind().law(), law -> new long[2]);
      sums[0] += cell.window() - cell.band();
      sums[1] += cell.adjacent();
    }
    Map<Law, ExpectedShare> shares = new EnumMap<>(Law.class);
    for (Law law : Law.values()) {
      long[] sums = counts.getOrDefault(law, new long[2]);
      double share =
          (sums[1] + priorContracts * flatShare()) / (sums[0] + sums[1] + priorContracts);
      shares.put(law, new ExpectedShare(law, sums[0], sums[1], share));
    }
    return shares;
  }

  /**
   * The binomial test of one cell against its law's expected share; empty when the cell has fewer
   * than {@code minDispensas} dispensas or {@code minBandContracts} in the band.
   */
  public Optional<Assessment> assess(Cell cell, ExpectedShare expected) {
    if (cell.dispensas() < minDispensas || cell.band() < minBandContracts) {
      return Optional.empty();
    }
    double observed = (double) cell.band() / cell.window();
    double pValue =
        PValues.clamped(
            BinomialTail.upper((int) cell.window(), (int) cell.band(), expected.share()));
    double score = observed / expected.share();
    boolean flagged = score >= threshold.doubleValue() && pValue <= maxPValue;
    return Optional.of(new Assessment(cell, expected, observed, pValue, score, flagged));
  }

  /**
   * The tests of the examined cells among {@code cells} (every unit, year and limit kind of the
   * night, which also give the expected shares), flagged or not.
   */
  public List<Assessment> assess(Collection<Cell> cells) {
    Map<Law, ExpectedShare> shares = expectedShares(cells);
    return cells.stream().flatMap(c -> assess(c, shares.get(c.kind().law())).stream()).toList();
  }

  /**
   * The finding of a flagged cell, given the positions of its band contracts, and the contract that
   * carries it: the dearest in the band (then the earliest, then by contract number).
   */
  public GroupFinding finding(Assessment assessment, List<Position> band) {
    if (band.size() != assessment.cell().band()) {
      throw new IllegalArgumentException(
          NAME
              + " cell "
              + assessment.cell()
              + " has "
              + assessment.cell().band()
              + " band contracts, got "
              + band.size());
    }
    List<Position> dearestFirst =
        band.stream()
            .sorted(
                Comparator.comparing(Position::value)
                    .reversed()
                    .thenComparing(p -> p.contract().signatureDate())
                    .thenComparing(p -> p.contract().contractNumber())
                    .thenComparing(p -> p.contract().naturalKey()))
            .toList();
    Position representative = dearestFirst.get(0);
    BunchingReport report = new BunchingReport(this, assessment, dearestFirst);
    Cell cell = assessment.cell();
    return new GroupFinding(
        representative.contract().naturalKey(),
        new Finding(
            AnomalyIds.ofUnitYear(NAME, cell.unitCode(), cell.year(), cell.kind().name()),
            NAME,
            assessment.score(),
            assessment.pValue(),
            threshold,
            thresholdVersion,
            report.evidenceJson(),
            report.explanation()));
  }

  /**
   * A dispensa against one limit.
   *
   * @param contract the contract
   * @param value its contracted value
   * @param valueColumn the column the value came from
   * @param nature its object's nature
   * @param limit a dispensa limit in force at its signature, at or above the value
   * @param ratio value / limit
   * @param inWindow ratio ≥ windowFrom
   * @param inBand ratio ≥ bandFrom
   * @param inAdjacent ratio in [2·bandFrom − 1, bandFrom)
   */
  public record Position(
      ContractFacts contract,
      BigDecimal value,
      String valueColumn,
      ObjectNatureRules.Classification nature,
      LegalLimit limit,
      double ratio,
      boolean inWindow,
      boolean inBand,
      boolean inAdjacent)
      implements Serializable {

    /** The year of signature: limits are yearly. */
    public int year() {
      return contract.signatureDate().getYear();
    }
  }

  /**
   * The counts of one unit, year of signature and limit kind.
   *
   * @param unitCode the buyer unit
   * @param year the year of signature
   * @param kind the limit kind (its law and article)
   * @param dispensas dispensas at or under the limit
   * @param window of them, those in the window
   * @param band of them, those in the band
   * @param adjacent of them, those in the bin just below the band
   */
  public record Cell(
      String unitCode,
      int year,
      LimitKind kind,
      long dispensas,
      long window,
      long band,
      long adjacent)
      implements Serializable {

    public Cell {
      Objects.requireNonNull(unitCode, "unitCode");
      Objects.requireNonNull(kind, "kind");
      if (!(dispensas >= window && window >= band + adjacent && band >= 0 && adjacent >= 0)) {
        throw new IllegalArgumentException(
            "cell counts must nest (dispensas >= window >= band + adjacent >= 0), got "
                + dispensas
                + ", "
                + window
                + ", "
                + band
                + ", "
                + adjacent);
      }
    }
  }

  /**
   * The share of the window the band should hold for a law.
   *
   * @param law the law
   * @param reference national dispensas in the reference range (window minus band)
   * @param adjacent of them, those in the bin just below the band
   * @param share the expected share p0
   */
  public record ExpectedShare(Law law, long reference, long adjacent, double share)
      implements Serializable {}

  /**
   * The test of one cell.
   *
   * @param cell the counts
   * @param expected the expected share
   * @param observedShare band / window
   * @param pValue P(X ≥ band) for X ~ Binomial(window, expected share), at least {@link
   *     PValues#FLOOR}
   * @param score observed share / expected share
   * @param flagged whether the score and the p-value pass the detector's thresholds
   */
  public record Assessment(
      Cell cell,
      ExpectedShare expected,
      double observedShare,
      double pValue,
      double score,
      boolean flagged)
      implements Serializable {}
}
