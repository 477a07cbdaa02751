package org.sentinela.datagen;

/**
 * Keeps the background clean of accidental anomaly patterns, so that only labelled contracts form
 * them. Every row (background and injected) is registered; a background row is accepted only if it
 * adds none of these:
 *
 * <ul>
 *   <li>a duplicate registration: another row of the same unit, supplier, signature date and
 *       initial value;
 *   <li>a split-like pair: a second dispensa at or under the works limit for the same unit,
 *       supplier and signature year (the detector groups pieces by calendar year);
 *   <li>concentration: a unit-year where one supplier would hold more than 3 contracts and more
 *       than 35% of the unit-year's contracts.
 * </ul>
 */
final class BackgroundGuards {

  static final double MAX_SUPPLIER_SHARE = 0.35;
  static final int FREE_CONTRACTS_PER_SUPPLIER = 3;

  private final LongHashSet registrations = new LongHashSet();
  private final LongHashSet dispensaPairs = new LongHashSet();
  private final LongIntMap supplierYearCounts = new LongIntMap();
  private final LongIntMap unitYearCounts = new LongIntMap();

  /** True if the row may join the background. */
  boolean accepts(ContractRow row) {
    if (registrations.contains(registrationKey(row))) {
      return false;
    }
    int year = row.signatureDate().getYear();
    if (isDispensaPiece(row) && dispensaPairs.contains(pairYearKey(row, year))) {
      return false;
    }
    int unitYear = unitYearCounts.get(unitYearKey(row, year));
    int supplierYear = supplierYearCounts.get(pairYearKey(row, year));
    return supplierYear + 1
        <= Math.max(FREE_CONTRACTS_PER_SUPPLIER, MAX_SUPPLIER_SHARE * (unitYear + 1));
  }

  /** Records a row of the output (background or injected). */
  void register(ContractRow row) {
    int year = row.signatureDate().getYear();
    registrations.add(registrationKey(row));
    if (isDispensaPiece(row)) {
      dispensaPairs.add(pairYearKey(row, year));
    }
    unitYearCounts.add(unitYearKey(row, year), 1);
    supplierYearCounts.add(pairYearKey(row, year), 1);
  }

  /**
   * A dispensa that could be a piece of a split purchase: non-zero, at or under the works limit.
   */
  private static boolean isDispensaPiece(ContractRow row) {
    return row.modality().dispensa()
        && row.initialCents() > 0
        && row.initialCents() <= DispensaLimits.limitCents(row.signatureDate(), true);
  }

  private static long registrationKey(ContractRow row) {
    long h = row.unit().index() * 0x9E3779B97F4A7C15L;
    h = (h ^ row.supplier()) * 0xBF58476D1CE4E5B9L;
    h = (h ^ row.signatureDay()) * 0x94D049BB133111EBL;
    h = (h ^ row.initialCents()) * 0x9E3779B97F4A7C15L;
    return h ^ (h >>> 29);
  }

  private static long pairYearKey(ContractRow row, int year) {
    return ((long) row.unit().index() << 40)
        | ((long) (year & 0xFF) << 32)
        | (row.supplier() & 0xFFFFFFFFL);
  }

  private static long unitYearKey(ContractRow row, int year) {
    return ((long) row.unit().index() << 16) | (year & 0xFFFF);
  }
}
