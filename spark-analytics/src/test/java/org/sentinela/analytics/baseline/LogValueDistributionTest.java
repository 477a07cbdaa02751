package org.sentinela.analytics.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.sentinela.analytics.baseline.LogValueDistribution.Summary;
import org.sentinela.analytics.baseline.LogValueDistribution.Values;
import org.sentinela.analytics.fixtures.ContractFixtures;
import org.sentinela.analytics.fixtures.LakeFixtures;
import org.sentinela.analytics.fixtures.Quantiles;
import org.sentinela.analytics.fixtures.TestContract;

class LogValueDistributionTest {

  private final LogValueDistribution distribution = new LogValueDistribution();

  @Test
  void anEvenSegmentGetsItsLowerMiddleValueAndTheLowerMedianOfItsDeviations() {
    Summary summary = Summary.of(new double[] {4.0, 1.0, 3.0, 2.0, 10.0, 6.0});

    assertThat(summary.getContracts()).isEqualTo(6);
    assertThat(summary.getMedian()).isEqualTo(3.0); // 1 2 [3] 4 6 10
    assertThat(summary.getMad()).isEqualTo(1.0); // deviations 0 1 1 [1] 3 7
    assertThat(summary.getP01()).isEqualTo(1.0);
    assertThat(summary.getP25()).isEqualTo(2.0);
    assertThat(summary.getP75()).isEqualTo(6.0);
    assertThat(summary.getP99()).isEqualTo(10.0);
  }

  @Test
  void partialBuffersMergedInAnyOrderGiveTheStatisticsOfAllValues() {
    double[] all = new Random(11).doubles(1_001, 0, 20).toArray();
    Values left = distribution.zero();
    Values right = distribution.zero();
    for (int i = 0; i < all.length; i++) {
      distribution.reduce(i % 3 == 0 ? left : right, all[i]);
    }
    distribution.reduce(left, null);

    Summary merged = distribution.finish(distribution.merge(left, right));

    assertThat(merged.getContracts()).isEqualTo(1_001);
    assertThat(merged.getMedian()).isEqualTo(Quantiles.median(all));
    assertThat(merged.getMad()).isEqualTo(Quantiles.mad(all));
    assertThat(merged.getP01()).isEqualTo(Quantiles.lower(all, 0.01));
    assertThat(merged.getP99()).isEqualTo(Quantiles.lower(all, 0.99));
  }

  @Test
  void aBufferSurvivesItsBeanRoundTripAcrossTheShuffle() {
    Values values = distribution.zero();
    for (int i = 0; i < 40; i++) {
      distribution.reduce(values, (double) i);
    }
    Values copy = new Values();
    copy.setValues(values.getValues());
    distribution.reduce(copy, 40.0);

    assertThat(copy.getValues()).hasSize(41).startsWith(0.0, 1.0).endsWith(39.0, 40.0);
    assertThat(new Values().getValues()).isEmpty();
  }

  @Test
  void aSegmentOfMoreThanTenThousandContractsGetsItsExactMedianAndMad() {
    Random random = new Random(5);
    List<TestContract> contracts =
        random
            .doubles(12_001, 100, 1_000_000)
            .mapToObj(v -> TestContract.pregao("RJ", "26000").finalValue(ContractFixtures.reais(v)))
            .toList();
    double[] logValues = contracts.stream().mapToDouble(TestContract::logValue).toArray();
    Dataset<Row> valued = ScoringValues.withValueUsed(LakeFixtures.frame(contracts));

    SegmentBaseline national =
        SegmentBaselines.compute(valued).collectAsList().stream()
            .map(SegmentBaselines::toBaseline)
            .filter(b -> b.level() == SegmentLevel.NATIONAL)
            .findFirst()
            .orElseThrow();

    assertThat(national.contracts()).isEqualTo(12_001);
    assertThat(national.medianLogValue()).isCloseTo(Quantiles.median(logValues), within(1e-12));
    assertThat(national.madLogValue()).isCloseTo(Quantiles.mad(logValues), within(1e-12));
    assertThat(national.p99LogValue()).isCloseTo(Quantiles.lower(logValues, 0.99), within(1e-12));
    assertThat(Arrays.stream(logValues).distinct().count()).isGreaterThan(11_000);
  }
}
