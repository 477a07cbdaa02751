package org.sentinela.datagen;

/**
 * The kinds of anomaly the generator injects with {@code --anomalies labelled}, with their rates
 * per 100,000 rows (at least {@link #MINIMUM} of each kind).
 */
public enum AnomalyKind {
  /** One contract whose value is far above its segment (robust z of ln value 4–6). */
  VALUE_OUTLIER(20),
  /** One contract with a ×100 or ×1000 scale slip of its initial or final value. */
  IMPLAUSIBLE_VALUE(10),
  /** One contract whose final value exceeds the initial by 1.6–4 times the legal ceiling. */
  AMENDMENT_OVER_LIMIT(20),
  /**
   * 3–6 dispensas of one unit and supplier within 60 days, each under the limit, over it together.
   */
  CONTRACT_SPLITTING(6),
  /** A unit-year with 8–14 dispensas at 90–99.9% of the limit, each with another supplier. */
  BUNCHING(2),
  /** A unit-year where one supplier holds 3× the unit's expected yearly contracts (≥ 12). */
  SUPPLIER_CONCENTRATION(3),
  /** A unit's month (not December) with 5× its expected contracts (≥ 10 extra). */
  TEMPORAL_SPIKE(3),
  /** One contract registered twice under different numbers. */
  DUPLICATE_REGISTRATION(10);

  /** Fewest injected anomalies of each kind, so that every kind is present in a small run. */
  public static final int MINIMUM = 2;

  private final int perHundredThousandRows;

  AnomalyKind(int perHundredThousandRows) {
    this.perHundredThousandRows = perHundredThousandRows;
  }

  /** How many to inject into a run of {@code rows} rows. */
  public int countFor(long rows) {
    return (int) Math.max(MINIMUM, Math.round(rows * perHundredThousandRows / 100_000.0));
  }
}
