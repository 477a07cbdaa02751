package org.sentinela.analytics.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.sentinela.analytics.fixtures.ContractFixtures;
import org.sentinela.analytics.fixtures.LakeFixtures;
import org.sentinela.analytics.fixtures.Quantiles;
import org.sentinela.analytics.fixtures.TestContract;

class SeasonalStatsTest {

  @Test
  void everySegmentGetsOneCellPerMonthWithItsYearsAndMedian() {
    List<TestContract> contracts = ContractFixtures.rioPregoesWithADecemberRiseOverThreeYears();
    Dataset<Row> valued = ScoringValues.withValueUsed(LakeFixtures.frame(contracts));

    List<SeasonalCell> cells =
        SeasonalStats.compute(valued).collectAsList().stream().map(SeasonalStats::toCell).toList();

    // one segment per level, 12 months each
    assertThat(cells).hasSize(5 * 12);
    SeasonalCell december =
        cells.stream()
            .filter(c -> c.level().equals("UF_MODALITY_ORGAN") && c.month() == 12)
            .findFirst()
            .orElseThrow();
    assertThat(december.segmentKey()).isEqualTo("uf=RJ|modality=PREGAO|organ=26000");
    assertThat(december.parentLevel()).isEqualTo("UF_MODALITY");
    assertThat(december.parentKey()).isEqualTo("uf=RJ|modality=PREGAO");
    assertThat(december.observations()).isEqualTo(12);
    assertThat(december.years()).isEqualTo(3);
    double[] decemberValues =
        contracts.stream()
            .filter(c -> c.finalValue().compareTo(new java.math.BigDecimal("20000")) > 0)
            .mapToDouble(TestContract::logValue)
            .toArray();
    assertThat(december.median()).isCloseTo(Quantiles.median(decemberValues), within(1e-12));
    SeasonalCell nationalJune =
        cells.stream()
            .filter(c -> c.level().equals("NATIONAL") && c.month() == 6)
            .findFirst()
            .orElseThrow();
    assertThat(nationalJune.parentKey()).isNull();
    assertThat(nationalJune.observations()).isEqualTo(12);
  }
}
