package org.sentinela.reporting.api.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sentinela.reporting.api.PublishedRunsFixture.BASELINES_PER_RUN;
import static org.sentinela.reporting.api.PublishedRunsFixture.CNPJ;
import static org.sentinela.reporting.api.PublishedRunsFixture.CPF;
import static org.sentinela.reporting.api.PublishedRunsFixture.CPF_MASKED;
import static org.sentinela.reporting.api.PublishedRunsFixture.CPF_PUNCTUATED;
import static org.sentinela.reporting.api.PublishedRunsFixture.LATEST_COUNT;
import static org.sentinela.reporting.api.PublishedRunsFixture.LATEST_RUN;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sentinela.reporting.api.PublishedRunsFixture;
import org.sentinela.reporting.api.PublishedRunsFixture.Row;

/** The analyst views of migration V5 over the fixture's runs. */
class AnalystViewsTest {

  private static final PublishedRunsFixture FIXTURE = PublishedRunsFixture.shared();

  @ParameterizedTest
  @CsvSource(
      nullValues = "NULL",
      value = {
        "12345678909, ***.456.789-**",
        "123.456.789-09, ***.456.789-**",
        "' 123 456 789 09', ***.456.789-**",
        "1234567890, ***********",
        "11222333000181, ***********",
        "abcdefghijk, ***********",
        "'', ***********",
        "NULL, NULL",
      })
  void maskCpfShowsOnlyTheMiddleSixDigits(String cpf, String masked) throws SQLException {
    List<Map<String, Object>> rows = query("select mask_cpf(?) as masked", cpf);

    assertThat(rows.get(0).get("masked")).isEqualTo(masked);
  }

  @Test
  void flagsByUfMonthDetectorCountsTheLatestPublishedRunOnly() throws SQLException {
    List<Map<String, Object>> rows = query("select * from flags_by_uf_month_detector");

    assertThat(rows).allSatisfy(row -> assertThat(row.get("run_id")).isEqualTo(LATEST_RUN));
    assertThat(rows.stream().mapToLong(row -> (Long) row.get("flags")).sum())
        .isEqualTo(LATEST_COUNT);
    for (Map<String, Object> row : rows) {
      LocalDate month = ((java.sql.Date) row.get("signature_month")).toLocalDate();
      Predicate<Row> cell =
          r ->
              r.uf().equals(row.get("buyer_uf"))
                  && r.detector().equals(row.get("detector"))
                  && r.signatureDate().withDayOfMonth(1).equals(month);
      List<Row> expected = rows(cell);
      assertThat(row.get("flags")).isEqualTo((long) expected.size());
      assertThat(row.get("high_flags"))
          .isEqualTo(expected.stream().filter(r -> r.severity().equals("HIGH")).count());
      assertThat((BigDecimal) row.get("final_value_sum"))
          .isEqualByComparingTo(
              expected.stream().map(Row::finalValue).reduce(BigDecimal.ZERO, BigDecimal::add));
    }
    assertThat(rows)
        .extracting(row -> ((java.sql.Date) row.get("signature_month")).toLocalDate().getYear())
        .contains(2023, 2024);
  }

  @Test
  void riskiestBuyerUnitsCountAContractFlaggedTwiceOnceAndAreOrderedByHighFlags()
      throws SQLException {
    List<Map<String, Object>> rows = query("select * from riskiest_buyer_units");

    assertThat(rows).hasSize(50);
    assertThat(rows.stream().mapToLong(row -> (Long) row.get("flags")).sum())
        .isEqualTo(LATEST_COUNT);
    List<Long> highFlags = rows.stream().map(row -> (Long) row.get("high_flags")).toList();
    assertThat(highFlags).isSortedAccordingTo((a, b) -> Long.compare(b, a));

    Map<String, Object> unit = find(rows, "unit_code", "150002");
    List<Row> flags = rows(r -> r.unitCode().equals("150002"));
    assertThat(unit.get("flags")).isEqualTo((long) flags.size());
    assertThat(unit.get("flagged_contracts"))
        .isEqualTo(flags.stream().map(Row::contract).distinct().count())
        .isNotEqualTo((long) flags.size());
    assertThat((BigDecimal) unit.get("flagged_value"))
        .isEqualByComparingTo(
            flags.stream()
                .map(Row::contract)
                .distinct()
                .map(c -> rows(r -> r.contract() == c).get(0).finalValue())
                .reduce(BigDecimal.ZERO, BigDecimal::add));
    assertThat((Double) unit.get("max_score"))
        .isEqualTo(flags.stream().mapToDouble(Row::score).max().orElseThrow());
    assertThat(unit.get("unit_name")).isEqualTo("Pró-Reitoria de Planejamento");
  }

  @Test
  void riskiestSuppliersShowACpfOnlyMasked() throws SQLException {
    List<Map<String, Object>> rows = query("select * from riskiest_suppliers");

    assertThat(rows).hasSize(3);
    Map<String, Object> person = find(rows, "supplier_kind", "CPF");
    assertThat(person.get("supplier_id")).isEqualTo(CPF_MASKED);
    assertThat(person.get("flags")).isEqualTo((long) rows(r -> r.supplierId().equals(CPF)).size());
    assertThat(find(rows, "supplier_id", CNPJ).get("supplier_kind")).isEqualTo("CNPJ");
    assertThat(rows.toString()).doesNotContain(CPF).doesNotContain(CPF_PUNCTUATED);
  }

  @Test
  void segmentBaselineHistoryHoldsEveryPublishedRunAndNoOther() throws SQLException {
    List<Map<String, Object>> all = query("select * from segment_baseline_history");
    List<Map<String, Object>> national =
        query(
            "select run_id, median_log_value, median_value from segment_baseline_history"
                + " where level = 'NATIONAL' and segment_key = 'national' order by published_at");

    assertThat(all).hasSize(2 * BASELINES_PER_RUN);
    assertThat(all).noneMatch(row -> row.get("run_id").equals(PublishedRunsFixture.RUNNING_RUN));
    assertThat(national)
        .extracting(row -> row.get("run_id"))
        .containsExactly(PublishedRunsFixture.OLD_RUN, LATEST_RUN);
    for (Map<String, Object> row : national) {
      assertThat((Double) row.get("median_value"))
          .isCloseTo(Math.exp((Double) row.get("median_log_value")), within());
    }
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-6);
  }

  private static List<Row> rows(Predicate<Row> filter) {
    return FIXTURE.latest().stream().filter(filter).toList();
  }

  private static Map<String, Object> find(
      List<Map<String, Object>> rows, String column, Object value) {
    return rows.stream()
        .filter(row -> value.equals(row.get(column)))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no row with " + column + " = " + value));
  }

  private static List<Map<String, Object>> query(String sql, Object... params) throws SQLException {
    try (Connection c = FIXTURE.db().connect();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        s.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = s.executeQuery()) {
        ResultSetMetaData meta = rs.getMetaData();
        List<Map<String, Object>> rows = new ArrayList<>();
        while (rs.next()) {
          Map<String, Object> row = new LinkedHashMap<>();
          for (int col = 1; col <= meta.getColumnCount(); col++) {
            row.put(meta.getColumnLabel(col), rs.getObject(col));
          }
          rows.add(row);
        }
        return rows;
      }
    }
  }
}
