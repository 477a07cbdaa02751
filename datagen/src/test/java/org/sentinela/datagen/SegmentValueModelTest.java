package org.sentinela.datagen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The generator's model of a segment's ln(value), solved from its units' curves. */
class SegmentValueModelTest {

  private static final ModalityProfile PREGAO = Calibration.MODALITIES.get(1);
  private static final int JUNE = (int) LocalDate.of(2022, 6, 15).toEpochDay();
  private static final int DECEMBER = (int) LocalDate.of(2022, 12, 15).toEpochDay();

  @Test
  void aCurvesDistributionFunctionInvertsItsQuantiles() {
    QuantileCurve curve = PREGAO.lnValue();
    for (double u = 0.01; u < 1; u += 0.01) {
      assertThat(curve.cdf(curve.quantile(u))).isCloseTo(u, within(1e-9));
    }
    assertThat(curve.cdf(curve.quantile(0) - 1)).isZero();
    assertThat(curve.cdf(curve.quantile(1))).isEqualTo(1.0);
  }

  @Test
  void aOneUnitSegmentIsThatUnitsCurve() {
    BuyerUnit unit = unit(0, 0.4);
    double[] expected = {500};

    SegmentValueModel june = SegmentValueModel.of(List.of(unit), expected, PREGAO, JUNE);
    SegmentValueModel december = SegmentValueModel.of(List.of(unit), expected, PREGAO, DECEMBER);

    assertThat(june.median())
        .isCloseTo(ContractFactory.lnValue(unit, PREGAO, JUNE, 0.5), within(1e-9));
    assertThat(june.mad()).isCloseTo(PREGAO.lnValue().medianAbsoluteDeviation(), within(1e-3));
    assertThat(december.median() - june.median())
        .isCloseTo(PREGAO.levelScale() * Calibration.DECEMBER_VALUE_LEVEL, within(1e-9));
    assertThat(june.contracts())
        .isCloseTo(500 * PREGAO.share() * (1 - PREGAO.zeroShare()), within(1e-9));
  }

  @Test
  void unitsOfDifferentPriceLevelsWidenTheSegmentAndTheBusierOnePullsItsMedian() {
    BuyerUnit cheap = unit(0, -1.0);
    BuyerUnit dear = unit(1, 1.0);
    double[] busyDear = {100, 300};

    SegmentValueModel segment = SegmentValueModel.of(List.of(cheap, dear), busyDear, PREGAO, JUNE);

    double curveMedian = PREGAO.lnValue().quantile(0.5);
    assertThat(segment.median()).isBetween(curveMedian, curveMedian + PREGAO.levelScale());
    assertThat(segment.mad()).isGreaterThan(PREGAO.lnValue().medianAbsoluteDeviation() + 0.1);
    assertThat(segment.contracts())
        .isCloseTo(400 * PREGAO.share() * (1 - PREGAO.zeroShare()), within(1e-9));
  }

  private static BuyerUnit unit(int index, double level) {
    return new BuyerUnit(
        index,
        String.format("%06d", 100_000 + index),
        "UNIDADE " + index + " EM SAO PAULO/SP",
        "SP",
        OrganFamilies.ALL.get(0),
        "26000",
        "ORGAO",
        1.0,
        level,
        5.0);
  }
}
