package org.sentinela.analytics.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.sentinela.analytics.fixtures.ContractFixtures;
import org.sentinela.analytics.fixtures.LakeFixtures;
import org.sentinela.analytics.fixtures.Quantiles;
import org.sentinela.analytics.fixtures.TestContract;

class SegmentBaselinesTest {

  /** Twelve Rio education pregões, thirty Rio health pregões, two outliers, three unscored. */
  private static List<TestContract> rio() {
    List<TestContract> contracts = new ArrayList<>();
    contracts.addAll(ContractFixtures.twelveRioPregoesAroundTenThousand());
    contracts.addAll(ContractFixtures.thirtyRioHealthPregoesAroundTwelveThousand());
    contracts.add(ContractFixtures.tenBillionRioPregao());
    contracts.add(ContractFixtures.fiveReaisRioPregao());
    contracts.addAll(ContractFixtures.contractsWithoutPositiveValue());
    return contracts;
  }

  @Test
  void everySegmentOfEveryLevelGetsSizeMedianMadAndPercentilesOfLnValue() {
    List<TestContract> contracts = rio();
    Dataset<Row> valued = ScoringValues.withValueUsed(LakeFixtures.frame(contracts));

    List<SegmentBaseline> baselines =
        SegmentBaselines.compute(valued).collectAsList().stream()
            .map(SegmentBaselines::toBaseline)
            .toList();

    Map<String, SegmentBaseline> byKey =
        baselines.stream().collect(Collectors.toMap(b -> b.level() + " " + b.segmentKey(), b -> b));
    assertThat(byKey.keySet())
        .containsExactlyInAnyOrder(
            "UF_MODALITY_ORGAN uf=RJ|modality=PREGAO|organ=26000",
            "UF_MODALITY_ORGAN uf=RJ|modality=PREGAO|organ=36000",
            "UF_MODALITY uf=RJ|modality=PREGAO",
            "MACRO_MODALITY macro=SE|modality=PREGAO",
            "MODALITY modality=PREGAO",
            "NATIONAL national");

    List<TestContract> scored = contracts.subList(0, 44);
    double[] education =
        scored.stream()
            .filter(c -> "26000".equals(c.superiorOrganCode()))
            .mapToDouble(TestContract::logValue)
            .toArray();
    double[] all = scored.stream().mapToDouble(TestContract::logValue).toArray();

    SegmentBaseline organ = byKey.get("UF_MODALITY_ORGAN uf=RJ|modality=PREGAO|organ=26000");
    assertThat(organ.contracts()).isEqualTo(13);
    assertThat(organ.buyerUf()).isEqualTo("RJ");
    assertThat(organ.modality()).isEqualTo("PREGAO");
    assertThat(organ.superiorOrganCode()).isEqualTo("26000");
    assertMatchesReference(organ, education);

    SegmentBaseline national = byKey.get("NATIONAL national");
    assertThat(national.contracts()).isEqualTo(44);
    assertThat(national.buyerUf()).isNull();
    assertThat(national.modality()).isNull();
    assertMatchesReference(national, all);

    SegmentBaseline macro = byKey.get("MACRO_MODALITY macro=SE|modality=PREGAO");
    assertThat(macro.buyerUf()).isNull();
    assertThat(macro.modality()).isEqualTo("PREGAO");
    assertThat(macro.superiorOrganCode()).isNull();
    assertMatchesReference(macro, all);
  }

  private static void assertMatchesReference(SegmentBaseline baseline, double[] logValues) {
    assertThat(baseline.medianLogValue()).isCloseTo(Quantiles.median(logValues), within(1e-12));
    assertThat(baseline.madLogValue()).isCloseTo(Quantiles.mad(logValues), within(1e-12));
    assertThat(baseline.p01LogValue()).isCloseTo(Quantiles.lower(logValues, 0.01), within(1e-12));
    assertThat(baseline.p25LogValue()).isCloseTo(Quantiles.lower(logValues, 0.25), within(1e-12));
    assertThat(baseline.p75LogValue()).isCloseTo(Quantiles.lower(logValues, 0.75), within(1e-12));
    assertThat(baseline.p99LogValue()).isCloseTo(Quantiles.lower(logValues, 0.99), within(1e-12));
  }

  @Test
  void sparkSegmentKeysAndMacroRegionsAgreeWithThePlainJavaOnes() {
    List<TestContract> contracts =
        List.of(
            TestContract.pregao("RJ", "26000").finalValue("1.00"),
            TestContract.contract("BA", "DISPENSA", null).finalValue("1.00"),
            TestContract.contract("BR", "INEXIGIBILIDADE", "20000").finalValue("1.00"),
            TestContract.contract("DF", "CONCORRENCIA", "52000").finalValue("1.00"),
            TestContract.contract("AM", "PREGAO", "36000").finalValue("1.00"),
            TestContract.contract("RS", "PREGAO", "36000").finalValue("1.00"));
    List<Column> columns = new ArrayList<>();
    for (SegmentLevel level : SegmentLevel.values()) {
      columns.add(SegmentColumns.segmentKey(level).as(level.name()));
    }
    columns.add(SegmentColumns.macroRegion().as("macro"));

    List<Row> rows =
        LakeFixtures.frame(contracts).select(columns.toArray(Column[]::new)).collectAsList();

    for (int i = 0; i < contracts.size(); i++) {
      TestContract contract = contracts.get(i);
      for (SegmentLevel level : SegmentLevel.values()) {
        assertThat(rows.get(i).<String>getAs(level.name()))
            .isEqualTo(
                level.segmentKey(
                    contract.buyerUf(), contract.modality(), contract.superiorOrganCode()));
      }
      assertThat(rows.get(i).<String>getAs("macro")).isEqualTo(contracts.get(i).macroRegion());
    }
  }
}
