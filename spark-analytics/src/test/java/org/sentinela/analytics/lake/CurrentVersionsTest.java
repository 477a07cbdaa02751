package org.sentinela.analytics.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sentinela.model.ContractSchema.FINAL_VALUE;
import static org.sentinela.model.ContractSchema.NATURAL_KEY;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.sentinela.analytics.fixtures.LakeFixtures;
import org.sentinela.analytics.fixtures.TestContract;

class CurrentVersionsTest {

  private static Map<String, BigDecimal> finalValueByKey(Dataset<Row> current) {
    return current.collectAsList().stream()
        .collect(
            Collectors.toMap(
                r -> r.<String>getAs(NATURAL_KEY),
                r -> r.<BigDecimal>getAs(FINAL_VALUE).stripTrailingZeros()));
  }

  @Test
  void aContractRepublishedWithACorrectedValueKeepsOnlyTheRepublication() {
    TestContract first =
        TestContract.pregao("RJ", "26000")
            .finalValue("10000.00")
            .sourceFile("202201_Compras.csv", 10)
            .published(LocalDate.of(2022, 1, 20));
    // republished in March, re-dated to February: it lives in another partition
    TestContract corrected =
        first
            .republished()
            .finalValue("12000.00")
            .sourceFile("202203_Compras.csv", 5)
            .signed(LocalDate.of(2022, 2, 28))
            .published(LocalDate.of(2022, 3, 2));
    // a later file without a publication date sorts last
    TestContract undated =
        first
            .republished()
            .finalValue("99000.00")
            .sourceFile("202204_Compras.csv", 7)
            .published(null);

    Dataset<Row> current =
        CurrentVersions.latestPerContract(LakeFixtures.frame(List.of(undated, first, corrected)));

    assertThat(current.count()).isEqualTo(1);
    Row row = current.first();
    assertThat(row.<BigDecimal>getAs(FINAL_VALUE)).isEqualByComparingTo("12000");
    assertThat(row.<Integer>getAs("sign_month")).isEqualTo(2);
    assertThat(current.columns()).isEqualTo(LakeFixtures.frame(List.of(first)).columns());
  }

  @Test
  void tiesOnPublicationDateGoToTheLaterFileThenTheLaterRecord() {
    LocalDate published = LocalDate.of(2022, 5, 2);
    TestContract inApril =
        TestContract.pregao("SP", "36000")
            .finalValue("1.00")
            .sourceFile("202204_Compras.csv", 900)
            .published(published);
    TestContract inMay =
        inApril.republished().finalValue("2.00").sourceFile("202205_Compras.csv", 1);
    TestContract line3 =
        TestContract.pregao("BA", "36000")
            .finalValue("3.00")
            .sourceFile("202206_Compras.csv", 3)
            .published(published);
    TestContract line8 = line3.republished().finalValue("4.00").sourceFile("202206_Compras.csv", 8);
    TestContract single = TestContract.pregao("BA", "36000").finalValue("5.00");

    Map<String, BigDecimal> current =
        finalValueByKey(
            CurrentVersions.latestPerContract(
                LakeFixtures.frame(List.of(inMay, line8, inApril, single, line3))));

    assertThat(current)
        .containsOnly(
            Map.entry(inApril.naturalKey(), new BigDecimal("2")),
            Map.entry(line3.naturalKey(), new BigDecimal("4")),
            Map.entry(single.naturalKey(), new BigDecimal("5")));
  }
}
