package org.sentinela.reporting.api;

import java.util.List;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Refuses to start the API, before it listens, unless the reporting database is reachable and
 * migrated (the relations the API reads exist).
 */
@Component
class ReportingSchemaCheck implements SmartInitializingSingleton {

  static final List<String> REQUIRED_RELATIONS =
      List.of(
          "runs",
          "run_files",
          "run_quarantine_reasons",
          "baselines",
          "anomalies",
          "anomaly_history",
          "latest_published_run",
          "current_anomalies",
          "api_tokens");

  private final JdbcClient jdbc;
  private final String url;

  ReportingSchemaCheck(JdbcClient jdbc, DataSourceProperties dataSource) {
    this.jdbc = jdbc;
    this.url = dataSource.getUrl();
  }

  @Override
  public void afterSingletonsInstantiated() {
    List<String> missing;
    try {
      missing =
          REQUIRED_RELATIONS.stream()
              .filter(
                  name ->
                      !jdbc.sql("select to_regclass(:name) is not null")
                          .param("name", name)
                          .query(Boolean.class)
                          .single())
              .toList();
    } catch (DataAccessException e) {
      throw new IllegalStateException(
          "Cannot reach the reporting database at "
              + url
              + ": "
              + e.getMostSpecificCause().getMessage()
              + ". Start the API with `scripts/sentinela serve`, or check SENTINELA_DB_URL,"
              + " SENTINELA_DB_USER and SENTINELA_DB_PASSWORD.",
          e);
    }
    if (!missing.isEmpty()) {
      throw new IllegalStateException(
          "The reporting schema is missing from "
              + url
              + " (no "
              + String.join(", ", missing)
              + "). Start the API with `scripts/sentinela serve`, which migrates the database"
              + " first, or apply the reporting-db Flyway migrations to this database.");
    }
  }
}
