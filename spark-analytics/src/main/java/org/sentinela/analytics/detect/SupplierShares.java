package org.sentinela.analytics.detect;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * How a buyer unit's contracted value of one year divides among its suppliers.
 *
 * @param unitCode the buyer unit
 * @param year the year of signature
 * @param contracts its contracts (identified suppliers, positive contracted value)
 * @param suppliers how many suppliers they went to
 * @param totalValue their contracted value
 * @param hhi Herfindahl–Hirschman index: the sum of the suppliers' squared value shares, in (0, 1]
 * @param topSupplierId the supplier that signed the most contracts (ties: larger value, then lower
 *     id)
 * @param topValue its value
 * @param topContracts its contracts
 * @param topShare its share of the value
 * @param secondShare the next supplier's (same order) share of the value, 0 when there is one
 */
public record SupplierShares(
    String unitCode,
    int year,
    long contracts,
    int suppliers,
    BigDecimal totalValue,
    double hhi,
    String topSupplierId,
    BigDecimal topValue,
    long topContracts,
    double topShare,
    double secondShare)
    implements Serializable {

  public SupplierShares {
    Objects.requireNonNull(unitCode, "unitCode");
    Objects.requireNonNull(totalValue, "totalValue");
    Objects.requireNonNull(topSupplierId, "topSupplierId");
    Objects.requireNonNull(topValue, "topValue");
  }

  /**
   * The shares of {@code totals} (one per supplier, each with a positive value).
   *
   * @throws IllegalArgumentException when {@code totals} is empty or a value is not positive
   */
  public static SupplierShares of(String unitCode, int year, List<SupplierTotal> totals) {
    if (totals.isEmpty()) {
      throw new IllegalArgumentException("unit " + unitCode + " in " + year + " has no suppliers");
    }
    List<SupplierTotal> largestFirst =
        totals.stream()
            .sorted(
                Comparator.comparingLong(SupplierTotal::contracts)
                    .reversed()
                    .thenComparing(Comparator.comparing(SupplierTotal::value).reversed())
                    .thenComparing(SupplierTotal::supplierId))
            .toList();
    BigDecimal total = BigDecimal.ZERO;
    long contracts = 0;
    for (SupplierTotal supplier : largestFirst) {
      total = total.add(supplier.value());
      contracts += supplier.contracts();
    }
    double hhi = 0;
    for (SupplierTotal supplier : largestFirst) {
      double share = share(supplier.value(), total);
      hhi += share * share;
    }
    SupplierTotal top = largestFirst.get(0);
    return new SupplierShares(
        unitCode,
        year,
        contracts,
        largestFirst.size(),
        total,
        hhi,
        top.supplierId(),
        top.value(),
        top.contracts(),
        share(top.value(), total),
        largestFirst.size() > 1 ? share(largestFirst.get(1).value(), total) : 0);
  }

  /** The top supplier's share of the contracts, topContracts / contracts. */
  public double topContractShare() {
    return (double) topContracts / contracts;
  }

  /**
   * The empirical logit of that share, ln((k + ½) / (n − k + ½)) for k of n contracts: the share on
   * a scale where a difference means the same near 0, ½ and 1, finite when k is 0 or n.
   */
  public double topContractLogit() {
    return Math.log((topContracts + 0.5) / (contracts - topContracts + 0.5));
  }

  private static double share(BigDecimal part, BigDecimal whole) {
    return part.divide(whole, MathContext.DECIMAL64).doubleValue();
  }

  /**
   * One supplier's contracts with a unit in a year.
   *
   * @param supplierId the supplier
   * @param value their contracted value, positive
   * @param contracts how many
   */
  public record SupplierTotal(String supplierId, BigDecimal value, long contracts)
      implements Serializable {

    public SupplierTotal {
      Objects.requireNonNull(supplierId, "supplierId");
      Objects.requireNonNull(value, "value");
      if (value.signum() <= 0 || contracts < 1) {
        throw new IllegalArgumentException(
            "supplier "
                + supplierId
                + " needs a positive value and contracts, got "
                + value
                + " in "
                + contracts);
      }
    }
  }
}
