package org.sentinela.analytics.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sentinela.analytics.baseline.ScoringValues;
import org.sentinela.analytics.baseline.SegmentBaseline;
import org.sentinela.analytics.baseline.SegmentBaselines;
import org.sentinela.analytics.fixtures.ContractFixtures;
import org.sentinela.analytics.fixtures.LakeFixtures;
import org.sentinela.analytics.fixtures.SharedSpark;
import org.sentinela.analytics.fixtures.TestContract;
import org.sentinela.analytics.lake.ContractSnapshot;
import org.sentinela.analytics.lake.CurrentVersions;

/** The benchmark's DuckDB SQL computes what the night's baseline stage computes. */
class DuckDbBaselinesTest {

  @TempDir Path lake;

  @Test
  void duckDbFindsTheSameSegmentsSizesMediansMadsAndP99AsSpark() throws Exception {
    List<TestContract> contracts = new ArrayList<>();
    contracts.addAll(ContractFixtures.twelveRioPregoesAroundTenThousand());
    contracts.addAll(ContractFixtures.thirtyRioHealthPregoesAroundTwelveThousand());
    contracts.addAll(ContractFixtures.seasonalRegionalPregoes());
    contracts.add(TestContract.contract("BR", "INEXIGIBILIDADE", null).finalValue("7300.00"));
    contracts.add(TestContract.dispensa("AM", "36000").finalValue("12.00"));
    contracts.addAll(ContractFixtures.contractsWithoutPositiveValue());
    TestContract first =
        TestContract.pregao("RJ", "26000")
            .finalValue("10000.00")
            .published(LocalDate.of(2022, 1, 20));
    contracts.add(first);
    contracts.add(first.republished().finalValue("90000.00").published(LocalDate.of(2022, 2, 10)));
    Path snapshot = LakeFixtures.writeSnapshot(lake, "ingest-1", contracts);

    List<SegmentBaseline> spark =
        SegmentBaselines.compute(
                ScoringValues.withValueUsed(
                    CurrentVersions.latestPerContract(
                        ContractSnapshot.load(SharedSpark.session(), snapshot))))
            .collectAsList()
            .stream()
            .map(SegmentBaselines::toBaseline)
            .toList();

    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
      DuckDbBaselines sql = new DuckDbBaselines(duck);
      assertThat(sql.loadCurrentContracts(snapshot)).isEqualTo(contracts.size() - 1);
      long scored = contracts.size() - 1 - ContractFixtures.contractsWithoutPositiveValue().size();
      assertThat(sql.baselinesJoinedBack()).isEqualTo(scored);
      Map<String, double[]> duckDb = sql.baselines();

      assertThat(duckDb).hasSize(spark.size());
      assertThat(spark).hasSizeGreaterThan(10);
      for (SegmentBaseline b : spark) {
        double[] d = duckDb.get(b.level().name() + "|" + b.segmentKey());
        assertThat(d).as(b.segmentKey()).isNotNull();
        assertThat(d[0]).as(b.segmentKey()).isEqualTo(b.contracts());
        assertThat(d[1]).as(b.segmentKey()).isCloseTo(b.medianLogValue(), within(1e-12));
        assertThat(d[2]).as(b.segmentKey()).isCloseTo(b.madLogValue(), within(1e-12));
        assertThat(d[3]).as(b.segmentKey()).isCloseTo(b.p99LogValue(), within(1e-12));
      }
    }
  }
}
