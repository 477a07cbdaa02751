package org.sentinela.datagen;

import java.util.List;

/**
 * The generator's own model of ln(value) in one segment (its units, one modality, one month): the
 * units' value curves mixed by their expected contracts, with its median, MAD and size.
 *
 * <p>Each unit draws ln(value) from its modality's curve shifted by the unit's price level and the
 * December rise ({@link ContractFactory#lnShift}), so the segment's distribution function is the
 * weighted mean of the shifted curves' distribution functions; median and MAD are solved from it by
 * bisection, without sampling.
 *
 * @param median median ln(value) of the segment's contracts with a value
 * @param mad median absolute deviation of their ln(value) from {@code median}
 * @param contracts expected number of the segment's contracts with a value over the run
 */
record SegmentValueModel(double median, double mad, double contracts) {

  private static final int BISECTIONS = 100;

  SegmentValueModel {
    if (!(mad > 0) || !Double.isFinite(median) || !(contracts >= 0)) {
      throw new IllegalArgumentException(
          "a segment needs a finite median, a MAD > 0 and contracts >= 0, got "
              + median
              + ", "
              + mad
              + ", "
              + contracts);
    }
  }

  /**
   * The segment of {@code units} in {@code modality} at {@code signatureDay}'s month.
   *
   * @param expectedRows expected contracts of each unit over the run, by {@link BuyerUnit#index}
   */
  static SegmentValueModel of(
      List<BuyerUnit> units, double[] expectedRows, ModalityProfile modality, int signatureDay) {
    if (units.isEmpty()) {
      throw new IllegalArgumentException("a segment needs at least one unit");
    }
    QuantileCurve curve = modality.lnValue();
    double[] shifts = new double[units.size()];
    double[] weights = new double[units.size()];
    double total = 0;
    for (int i = 0; i < shifts.length; i++) {
      BuyerUnit unit = units.get(i);
      shifts[i] = ContractFactory.lnShift(unit, modality, signatureDay);
      weights[i] = expectedRows[unit.index()];
      total += weights[i];
    }
    if (!(total > 0)) {
      throw new IllegalArgumentException("a segment's units must expect some contracts");
    }
    double[] values = curve.values();
    double lowest = Double.MAX_VALUE;
    double highest = -Double.MAX_VALUE;
    for (double shift : shifts) {
      lowest = Math.min(lowest, values[0] + shift);
      highest = Math.max(highest, values[values.length - 1] + shift);
    }
    Mixture mixture = new Mixture(curve, shifts, weights, total);
    double lo = lowest;
    double hi = highest;
    for (int k = 0; k < BISECTIONS; k++) {
      double mid = (lo + hi) / 2;
      if (mixture.cdf(mid) < 0.5) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    double median = (lo + hi) / 2;
    double dLo = 0;
    double dHi = highest - lowest;
    for (int k = 0; k < BISECTIONS; k++) {
      double d = (dLo + dHi) / 2;
      if (mixture.cdf(median + d) - mixture.cdf(median - d) < 0.5) {
        dLo = d;
      } else {
        dHi = d;
      }
    }
    double withValue = 1 - modality.zeroShare();
    return new SegmentValueModel(median, (dLo + dHi) / 2, total * modality.share() * withValue);
  }

  /** The segment's distribution function of ln(value). */
  private record Mixture(QuantileCurve curve, double[] shifts, double[] weights, double total) {
    double cdf(double x) {
      double sum = 0;
      for (int i = 0; i < shifts.length; i++) {
        sum += weights[i] * curve.cdf(x - shifts[i]);
      }
      return sum / total;
    }
  }
}
