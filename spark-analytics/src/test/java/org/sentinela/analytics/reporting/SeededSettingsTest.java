package org.sentinela.analytics.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sentinela.analytics.detect.AmendmentOverLimitDetector;
import org.sentinela.analytics.detect.AmendmentOverLimitDetectorTest;
import org.sentinela.analytics.detect.BunchingDetector;
import org.sentinela.analytics.detect.ContractSplittingDetector;
import org.sentinela.analytics.detect.Detectors;
import org.sentinela.analytics.detect.DuplicateRegistrationDetector;
import org.sentinela.analytics.detect.ImplausibleValueDetector;
import org.sentinela.analytics.detect.ObjectNatureRules;
import org.sentinela.analytics.detect.SupplierConcentrationDetector;
import org.sentinela.analytics.detect.TemporalSpikeDetectorTest;
import org.sentinela.analytics.fixtures.SeededLegalLimits;
import org.sentinela.analytics.fixtures.Sql;
import org.sentinela.analytics.legal.LegalLimit;
import org.sentinela.analytics.legal.LegalLimits;

/** What the migrations seed, read the way the nightly job reads it, from a real PostgreSQL. */
class SeededSettingsTest {

  private static ReportingDatabase db;

  @BeforeAll
  static void migrated() {
    db = Sql.migratedDatabase();
  }

  private static List<String> described(List<LegalLimit> limits) {
    return limits.stream()
        .map(
            l ->
                String.join(
                    " ",
                    l.kind().name(),
                    Integer.toString(l.year()),
                    l.amount().stripTrailingZeros().toPlainString(),
                    l.act(),
                    l.validFrom().toString(),
                    String.valueOf(l.validTo())))
        .toList();
  }

  @Test
  void theLegalLimitsTableHoldsTheSeededRows() throws SQLException {
    LegalLimits table = db.legalLimits();

    assertThat(described(table.limits()))
        .containsExactlyElementsOf(described(SeededLegalLimits.asMigrated().limits()));
  }

  @Test
  void everyDetectorIsConfiguredFromItsSeededThresholdRow() throws SQLException {
    LegalLimits limits = db.legalLimits();

    Detectors detectors =
        Detectors.configure(
            name -> {
              try {
                return db.currentThreshold(name).orElseThrow();
              } catch (SQLException e) {
                throw new IllegalStateException(e);
              }
            },
            limits);

    assertThat(detectors.amendmentOverLimit())
        .isEqualTo(
            new AmendmentOverLimitDetector(
                new BigDecimal("1.0"),
                1,
                List.of("REFORMA", "REFORMAS"),
                AmendmentOverLimitDetectorTest.SEEDED_CONTINUING_TERMS,
                new BigDecimal("1000"),
                limits));
    assertThat(detectors.implausibleValue())
        .isEqualTo(
            new ImplausibleValueDetector(
                new BigDecimal("1.0"),
                1,
                List.of(2, 3),
                0.01,
                new BigDecimal("1000000000"),
                1000,
                new BigDecimal("1")));
    assertThat(detectors.contractSplitting())
        .isEqualTo(
            new ContractSplittingDetector(
                new BigDecimal("1.0"),
                1,
                90,
                2,
                new ObjectNatureRules(
                    List.of("OBRA", "OBRAS", "ENGENHARIA", "REFORMA", "REFORMAS"),
                    List.of("MAO DE OBRA"),
                    List.of("MANUTENCAO"),
                    List.of(
                        "VEICULO",
                        "VEICULOS",
                        "VEICULAR",
                        "VIATURA",
                        "VIATURAS",
                        "FROTA",
                        "AUTOMOTOR",
                        "AUTOMOTORES")),
                limits));
    assertThat(detectors.duplicateRegistration())
        .isEqualTo(new DuplicateRegistrationDetector(new BigDecimal("2"), 1));
    assertThat(detectors.bunching())
        .isEqualTo(
            new BunchingDetector(
                new BigDecimal("2.0"),
                1,
                0.5,
                0.9,
                5,
                3,
                0.01,
                50,
                10,
                detectors.contractSplitting().natureRules(),
                limits));
    assertThat(detectors.supplierConcentration())
        .isEqualTo(
            new SupplierConcentrationDetector(
                new BigDecimal("3.5"),
                2,
                10,
                new BigDecimal("100000"),
                30,
                0.1,
                0.05,
                0,
                0.5,
                3,
                10));
    assertThat(detectors.temporalSpike()).isEqualTo(TemporalSpikeDetectorTest.SEEDED);
  }

  @Test
  void aLegalLimitWhoseUnitDoesNotMatchItsKindIsRefused() {
    ReportingDatabase broken = Sql.migratedDatabase();
    Sql.execute(
        broken,
        "update legal_limits set unit = 'RATIO' where limit_kind = 'ART75_II' and year = 2022");

    assertThatThrownBy(broken::legalLimits)
        .hasMessage("legal_limits row ART75_II from 2022-01-01: unit RATIO, expected BRL");
  }
}
