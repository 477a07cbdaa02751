package org.sentinela.datagen;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Planted value outliers are outliers of their segment (buyer UF × modality × superior organ, in
 * their month) as the generator draws its ordinary contracts, and of their own unit.
 */
class ValueOutlierPlacementTest {

  private static final long ROWS = 100_000;
  private static final YearMonth START = YearMonth.of(2021, 1);
  private static final int MONTHS = 24;
  private static final int SAMPLE = 20_000;

  /** Sampling error of a median and MAD from {@value #SAMPLE} draws: about 0.02 in z at 4. */
  private static final double SAMPLING_SLACK = 0.1;

  private static List<BuyerUnit> units;
  private static double[] expectedRows;
  private static List<ContractRow> outliers;

  @BeforeAll
  static void plan() {
    SplittableRandom random = new SplittableRandom(11);
    units =
        BuyerCatalogue.build(BuyerCatalogue.unitCount(ROWS, MONTHS), random.split(), Places.load())
            .units();
    ContractFactory factory =
        new ContractFactory(units, random.split(), new BackgroundGuards(), 2022);
    AnomalyPlanner.Plan plan =
        new AnomalyPlanner(factory, new Suppliers(11), ROWS, START, MONTHS).plan(ROWS);
    double activity = units.stream().mapToDouble(BuyerUnit::activity).sum();
    expectedRows = new double[units.size()];
    units.forEach(u -> expectedRows[u.index()] = ROWS * u.activity() / activity);
    outliers = new ArrayList<>();
    for (AnomalyLabel label : plan.labels()) {
      if (label.kind() == AnomalyKind.VALUE_OUTLIER) {
        outliers.add(
            plan.rows().stream()
                .filter(r -> r.unit().code().equals(label.unitCode()))
                .filter(r -> r.contractNumber().equals(label.contractNumbers().get(0)))
                .findFirst()
                .orElseThrow());
      }
    }
  }

  @Test
  void eachOutlierIsFarAboveASampleOfItsSegmentsOrdinaryContracts() {
    assertThat(outliers).hasSize(AnomalyKind.VALUE_OUTLIER.countFor(ROWS));
    ContractFactory sampler =
        new ContractFactory(units, new SplittableRandom(5), new BackgroundGuards(), 2022);
    for (ContractRow outlier : outliers) {
      List<BuyerUnit> segment = segmentOf(outlier.unit());
      double[] ln = sample(sampler, segment, outlier.modality(), outlier.signatureDay());
      double median = median(ln);
      double mad = median(Arrays.stream(ln).map(x -> Math.abs(x - median)).toArray());

      double z = 0.6745 * (Math.log(outlier.finalCents() / 100.0) - median) / mad;

      assertThat(z)
          .as("%s %s: segment z", outlier.unit().code(), outlier.modality().portalName())
          .isGreaterThanOrEqualTo(AnomalyPlanner.OUTLIER_MIN_Z - SAMPLING_SLACK);
      assertThat(outlier.finalCents()).isEqualTo(outlier.initialCents());
      assertThat(outlier.finalCents() / 100.0)
          .isLessThanOrEqualTo(AnomalyPlanner.OUTLIER_MAX_REAIS);
    }
  }

  @Test
  void eachOutlierIsAlsoFarAboveItsOwnUnitsCurve() {
    for (ContractRow outlier : outliers) {
      ModalityProfile modality = outlier.modality();
      double unitMedian =
          ContractFactory.lnValue(outlier.unit(), modality, outlier.signatureDay(), 0.5);
      double z = 0.6745 * (Math.log(outlier.finalCents() / 100.0) - unitMedian) / modality.lnMad();
      // rounding to R$ 1,000 moves a value of R$ 5,000 or more by at most 10%, far less at these
      assertThat(z).isGreaterThan(AnomalyPlanner.OUTLIER_MIN_Z - 0.01);
    }
  }

  @Test
  void eachOutliersSegmentIsLargeEnoughForTheDetectorToJudgeIt() {
    for (ContractRow outlier : outliers) {
      SegmentValueModel model =
          SegmentValueModel.of(
              segmentOf(outlier.unit()), expectedRows, outlier.modality(), outlier.signatureDay());
      assertThat(model.contracts())
          .isGreaterThanOrEqualTo(AnomalyPlanner.OUTLIER_MIN_SEGMENT_CONTRACTS);
      assertThat(outlier.modality().share())
          .isGreaterThanOrEqualTo(AnomalyPlanner.OUTLIER_MIN_MODALITY_SHARE);
    }
  }

  /** The units of the same UF and superior organ. */
  private static List<BuyerUnit> segmentOf(BuyerUnit unit) {
    return units.stream()
        .filter(u -> u.uf().equals(unit.uf()) && u.superiorCode().equals(unit.superiorCode()))
        .toList();
  }

  /**
   * ln(final value) of {@value #SAMPLE} ordinary contracts of the segment with a value, drawn as
   * the background draws them: a unit by its activity, its value, its category's amendments.
   */
  private static double[] sample(
      ContractFactory factory, List<BuyerUnit> segment, ModalityProfile modality, int day) {
    AliasSampler pick =
        new AliasSampler(segment.stream().mapToDouble(BuyerUnit::activity).toArray());
    SplittableRandom random = factory.random();
    double[] ln = new double[SAMPLE];
    int n = 0;
    while (n < SAMPLE) {
      BuyerUnit unit = segment.get(pick.sample(random));
      long initial = factory.valueCents(unit, modality, day);
      long fin = factory.finalCents(initial, factory.category(unit, modality).nature());
      if (fin > 100) {
        ln[n++] = Math.log(fin / 100.0);
      }
    }
    return ln;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
