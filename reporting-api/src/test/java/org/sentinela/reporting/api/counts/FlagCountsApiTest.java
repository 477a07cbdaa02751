package org.sentinela.reporting.api.counts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sentinela.reporting.api.ApiClient.Answer;
import org.sentinela.reporting.api.PublishedRunsApiTest;
import org.sentinela.reporting.api.PublishedRunsFixture;

/** {@code GET /api/v1/flag-counts}: the latest run's flags per month, UF and detector. */
class FlagCountsApiTest extends PublishedRunsApiTest {

  @Test
  void countsTheLatestRunsFlagsAsTheAnomaliesTableDoes() throws SQLException {
    Answer answer = api.get("/api/v1/flag-counts");

    assertThat(answer.status()).isEqualTo(200);
    JsonNode counts = answer.json();
    assertThat(counts.get("run").get("run_id").asText()).isEqualTo(PublishedRunsFixture.LATEST_RUN);
    assertThat(counts.get("flags").asLong()).isEqualTo(PublishedRunsFixture.LATEST_COUNT);
    assertThat(counts.get("high_flags").asLong())
        .isEqualTo(FIXTURE.latest().stream().filter(r -> r.severity().equals("HIGH")).count());
    assertThat(rows(counts.get("by_month"), "month"))
        .containsExactlyElementsOf(
            expected(
                "select to_char(signature_date, 'YYYY-MM'), count(*),"
                    + " count(*) filter (where severity = 'HIGH') from anomalies"
                    + " where run_id = ? group by 1 order by 1"));
    assertThat(rows(counts.get("by_uf"), "uf"))
        .containsExactlyElementsOf(
            expected(
                "select buyer_uf, count(*), count(*) filter (where severity = 'HIGH')"
                    + " from anomalies where run_id = ? group by 1 order by 2 desc, 1"));
    assertThat(rows(counts.get("by_detector"), "detector"))
        .containsExactlyElementsOf(
            expected(
                "select detector, count(*), count(*) filter (where severity = 'HIGH')"
                    + " from anomalies where run_id = ? group by 1 order by 2 desc, 1"));
  }

  private static List<String> rows(JsonNode items, String key) {
    List<String> rows = new ArrayList<>();
    items.forEach(
        item ->
            rows.add(
                item.get(key).asText()
                    + " "
                    + item.get("flags").asLong()
                    + " "
                    + item.get("high_flags").asLong()));
    return rows;
  }

  private static List<String> expected(String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection c = FIXTURE.db().connect();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, PublishedRunsFixture.LATEST_RUN);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          rows.add(rs.getString(1) + " " + rs.getLong(2) + " " + rs.getLong(3));
        }
      }
    }
    assertThat(rows).hasSizeGreaterThan(1);
    return rows;
  }
}
