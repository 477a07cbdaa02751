package org.sentinela.analytics.detect;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.sentinela.analytics.significance.EmpiricalTail;

/**
 * SUPPLIER_CONCENTRATION: one supplier signs most of a buyer unit's contracts of a year, far more
 * of them than the top supplier of a unit that signs as many contracts usually does.
 *
 * <p>A unit-year ({@link SupplierShares}: contracts with an identified supplier and a positive
 * contracted value, initial else final) is examined when it has at least {@code minContracts}
 * contracts worth at least {@code minTotalValue}. Its peers are the examined unit-years of similar
 * size: size bands of contract counts doubling from {@code minContracts} (10–19, 20–39, 40–79…),
 * consecutive bands merged, smallest first, until each group holds at least {@code minPeers}
 * unit-years (a remainder at the top joins the group below it). A unit with few contracts naturally
 * gives its top supplier a larger share of them; it is only compared with units like it.
 *
 * <p>The statistic is the top supplier's (most contracts) share of the unit-year's contracts, k of
 * n, on the empirical-logit scale L = ln((k + ½) / (n − k + ½)) ({@link
 * SupplierShares#topContractLogit}). Null model: a unit-year's L is exchangeable with its peers',
 * which are about normal around their median with a spread of 1.4826 × their MAD. Score = robust z
 * of L in the peer group: (L − median) / (1.4826 × max(MAD, {@code minMad})). p-value = the share
 * of the peer group (the unit-year included) with an L at least as high: under the null, P(p ≤ α) ≤
 * α. Flagged when the score reaches {@code threshold}, the p-value is at most {@code maxPValue},
 * and the top supplier signed at least {@code minTopContractShare} of the contracts and at least
 * {@code minSupplierContracts} contracts, and holds at least {@code minTopShare} of the value. The
 * p-value cannot fall below 1 / (group size), so in a small group a high score alone does not flag.
 *
 * <p>Why contracts and not the HHI of value (version 1): contract values are heavy-tailed, so one
 * large contract makes a unit-year's value HHI near 1 whoever signs the rest; among peer unit-years
 * of 10–19 contracts the median value HHI is about 0.4 with a MAD of 0.14, so even an HHI of 1
 * scores z ≈ 3.0: a robust z of a quantity bounded by 1 cannot reach 3.5 from there. Version 1
 * missed unit-years where one supplier signed every contract, and could flag ones where a few dear
 * contracts held the money (docs/quality.md). The count is not swayed by one contract, and the
 * logit keeps a bounded share's tail measurable. For the same reason version 2 seeds {@code
 * minTopShare} at 0: a supplier that signs 11 of a unit's 12 contracts has taken its purchasing
 * even when another supplier's one dear contract holds most of the money (the value share is in the
 * evidence).
 *
 * @param threshold robust z at or above which a unit-year is flagged
 * @param thresholdVersion version of the threshold row it came from
 * @param minContracts fewest contracts a unit-year needs
 * @param minTotalValue least contracted value a unit-year needs
 * @param minPeers fewest unit-years in a peer group
 * @param minMad floor of the peer groups' MAD of the contract-share logit
 * @param maxPValue largest p-value flagged
 * @param minTopShare least value share of the top supplier
 * @param minTopContractShare least share of the unit-year's contracts the top supplier signed
 * @param minSupplierContracts fewest contracts of the top supplier
 * @param evidenceContracts how many of the top supplier's contracts the evidence lists (dearest)
 */
public record SupplierConcentrationDetector(
    BigDecimal threshold,
    int thresholdVersion,
    int minContracts,
    BigDecimal minTotalValue,
    int minPeers,
    double minMad,
    double maxPValue,
    double minTopShare,
    double minTopContractShare,
    int minSupplierContracts,
    int evidenceContracts)
    implements Serializable {

  /** The detector's name in {@code detector_thresholds} and {@code anomalies}. */
  public static final String NAME = "SUPPLIER_CONCENTRATION";

  public static final String MIN_CONTRACTS = "min_contracts";
  public static final String MIN_TOTAL_VALUE = "min_total_value";
  public static final String MIN_PEERS = "min_peers";
  public static final String MIN_MAD = "min_mad";
  public static final String MAX_P_VALUE = "max_p_value";
  public static final String MIN_TOP_SHARE = "min_top_share";
  public static final String MIN_TOP_CONTRACT_SHARE = "min_top_contract_share";
  public static final String MIN_SUPPLIER_CONTRACTS = "min_supplier_contracts";
  public static final String EVIDENCE_CONTRACTS = "evidence_contracts";

  /** MAD × 1.4826 estimates the standard deviation of a normal distribution. */
  static final double MAD_TO_SIGMA = 1.4826;

  public SupplierConcentrationDetector {
    EvidenceJson.requireValid(NAME, threshold, thresholdVersion);
    requireAtLeast(MIN_CONTRACTS, minContracts, 2);
    Objects.requireNonNull(minTotalValue, MIN_TOTAL_VALUE);
    if (minTotalValue.signum() < 0) {
      throw new IllegalArgumentException(
          NAME + " " + MIN_TOTAL_VALUE + " must be >= 0, got " + minTotalValue);
    }
    requireAtLeast(MIN_PEERS, minPeers, 2);
    if (!(minMad > 0)) {
      throw new IllegalArgumentException(NAME + " " + MIN_MAD + " must be > 0, got " + minMad);
    }
    if (!(maxPValue > 0 && maxPValue <= 1)) {
      throw new IllegalArgumentException(
          NAME + " " + MAX_P_VALUE + " must be in (0, 1], got " + maxPValue);
    }
    if (!(minTopShare >= 0 && minTopShare <= 1)) {
      throw new IllegalArgumentException(
          NAME + " " + MIN_TOP_SHARE + " must be in [0, 1], got " + minTopShare);
    }
    if (!(minTopContractShare >= 0 && minTopContractShare <= 1)) {
      throw new IllegalArgumentException(
          NAME + " " + MIN_TOP_CONTRACT_SHARE + " must be in [0, 1], got " + minTopContractShare);
    }
    requireAtLeast(MIN_SUPPLIER_CONTRACTS, minSupplierContracts, 1);
    requireAtLeast(EVIDENCE_CONTRACTS, evidenceContracts, 1);
  }

  private static void requireAtLeast(String parameter, int value, int minimum) {
    if (value < minimum) {
      throw new IllegalArgumentException(
          NAME + " " + parameter + " must be >= " + minimum + ", got " + value);
    }
  }

  /** The detector configured by its current threshold row. */
  public static SupplierConcentrationDetector fromThreshold(DetectorThreshold row) {
    row.requireDetector(NAME);
    return new SupplierConcentrationDetector(
        row.threshold(),
        row.version(),
        row.intParameter(MIN_CONTRACTS),
        row.decimalParameter(MIN_TOTAL_VALUE),
        row.intParameter(MIN_PEERS),
        row.doubleParameter(MIN_MAD),
        row.doubleParameter(MAX_P_VALUE),
        row.doubleParameter(MIN_TOP_SHARE),
        row.doubleParameter(MIN_TOP_CONTRACT_SHARE),
        row.intParameter(MIN_SUPPLIER_CONTRACTS),
        row.intParameter(EVIDENCE_CONTRACTS));
  }

  /** True when the unit-year has enough contracts and value to be examined. */
  public boolean eligible(SupplierShares unitYear) {
    return unitYear.contracts() >= minContracts
        && unitYear.totalValue().compareTo(minTotalValue) >= 0;
  }

  /**
   * Every examined unit-year among {@code unitYears} (all of the night's), tested against its peer
   * group; none when fewer than {@code minPeers} are eligible.
   */
  public List<Assessment> assess(List<SupplierShares> unitYears) {
    List<Assessment> assessments = new ArrayList<>();
    for (List<SupplierShares> members : peerGroups(unitYears)) {
      double[] sorted =
          members.stream().mapToDouble(SupplierShares::topContractLogit).sorted().toArray();
      EmpiricalTail tail = EmpiricalTail.of(sorted[0], sorted.length, sorted);
      double median = median(sorted);
      double mad = median(Arrays.stream(sorted).map(h -> Math.abs(h - median)).sorted().toArray());
      long from = members.stream().mapToLong(SupplierShares::contracts).min().orElseThrow();
      long to = members.stream().mapToLong(SupplierShares::contracts).max().orElseThrow();
      PeerGroup peers = new PeerGroup(from, to, sorted.length, median, mad);
      for (SupplierShares unitYear : members) {
        double logit = unitYear.topContractLogit();
        double z = (logit - median) / (MAD_TO_SIGMA * Math.max(mad, minMad));
        double pValue = tail.pValue(logit);
        boolean flagged =
            z >= threshold.doubleValue()
                && pValue <= maxPValue
                && unitYear.topShare() >= minTopShare
                && unitYear.topContractShare() >= minTopContractShare
                && unitYear.topContracts() >= minSupplierContracts;
        assessments.add(new Assessment(unitYear, peers, z, pValue, flagged));
      }
    }
    return assessments;
  }

  /**
   * The eligible unit-years in peer groups of at least {@code minPeers}, smallest sizes first: size
   * band b holds the counts [minContracts × 2^b, minContracts × 2^(b+1)); consecutive bands are
   * merged until a group is large enough, and a remainder too small joins the group below.
   */
  List<List<SupplierShares>> peerGroups(List<SupplierShares> unitYears) {
    Map<Integer, List<SupplierShares>> bands = new TreeMap<>();
    for (SupplierShares unitYear : unitYears) {
      if (eligible(unitYear)) {
        bands.computeIfAbsent(sizeBand(unitYear.contracts()), b -> new ArrayList<>()).add(unitYear);
      }
    }
    List<List<SupplierShares>> groups = new ArrayList<>();
    List<SupplierShares> open = new ArrayList<>();
    for (List<SupplierShares> band : bands.values()) {
      open.addAll(band);
      if (open.size() >= minPeers) {
        groups.add(open);
        open = new ArrayList<>();
      }
    }
    if (!open.isEmpty() && !groups.isEmpty()) {
      groups.get(groups.size() - 1).addAll(open);
    }
    for (List<SupplierShares> group : groups) {
      group.sort(
          Comparator.comparing(SupplierShares::unitCode).thenComparingInt(SupplierShares::year));
    }
    return groups;
  }

  /** floor(log2(contracts / minContracts)): 0 for 10–19 contracts at a minimum of 10. */
  int sizeBand(long contracts) {
    return 63 - Long.numberOfLeadingZeros(contracts / minContracts);
  }

  /** The middle value of sorted values (the mean of the two middle ones for an even count). */
  static double median(double[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  /**
   * The finding of a flagged unit-year, given its top supplier's contracts, and the contract that
   * carries it: the dearest of them (then the earliest, then by contract number).
   */
  public GroupFinding finding(Assessment assessment, List<ContractFacts> topSupplierContracts) {
    SupplierShares unitYear = assessment.unitYear();
    if (topSupplierContracts.size() != unitYear.topContracts()) {
      throw new IllegalArgumentException(
          NAME
              + " unit "
              + unitYear.unitCode()
              + " in "
              + unitYear.year()
              + ": the top supplier has "
              + unitYear.topContracts()
              + " contracts, got "
              + topSupplierContracts.size());
    }
    List<ContractFacts> dearestFirst =
        topSupplierContracts.stream()
            .sorted(
                Comparator.comparing(ContractFacts::contractedValue)
                    .reversed()
                    .thenComparing(ContractFacts::signatureDate)
                    .thenComparing(ContractFacts::contractNumber)
                    .thenComparing(ContractFacts::naturalKey))
            .toList();
    SupplierConcentrationReport report =
        new SupplierConcentrationReport(this, assessment, dearestFirst);
    return new GroupFinding(
        dearestFirst.get(0).naturalKey(),
        new Finding(
            AnomalyIds.ofUnitYear(
                NAME, unitYear.unitCode(), unitYear.year(), unitYear.topSupplierId()),
            NAME,
            assessment.z(),
            assessment.pValue(),
            threshold,
            thresholdVersion,
            report.evidenceJson(),
            report.explanation()));
  }

  /**
   * Unit-years of similar size, and what share of the contracts their top suppliers usually sign.
   *
   * @param fromContracts fewest contracts of a member
   * @param toContracts most contracts of a member
   * @param unitYears how many members
   * @param medianLogit their median empirical logit of the top supplier's contract share
   * @param madLogit the median absolute deviation of those logits
   */
  public record PeerGroup(
      long fromContracts, long toContracts, int unitYears, double medianLogit, double madLogit)
      implements Serializable {

    /**
     * The contract share whose empirical logit in a unit-year of {@code contracts} is the median: k
     * / n with (k + ½) / (n − k + ½) = e^median, within [0, 1].
     */
    public double medianShare(long contracts) {
      double odds = Math.exp(medianLogit);
      double k = (odds * (contracts + 0.5) - 0.5) / (1 + odds);
      return Math.max(0, Math.min(1, k / contracts));
    }
  }

  /**
   * The test of one unit-year.
   *
   * @param unitYear its shares
   * @param peers its peer group
   * @param z robust z of its top supplier's contract-share logit in the group (the score)
   * @param pValue share of the group with a logit at least as high
   * @param flagged whether the score, the p-value and the top supplier's share and contracts pass
   */
  public record Assessment(
      SupplierShares unitYear, PeerGroup peers, double z, double pValue, boolean flagged)
      implements Serializable {}
}
