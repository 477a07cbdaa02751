package org.sentinela.reporting.api;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.sentinela.reporting.db.DatabaseSettings;
import org.sentinela.reporting.db.testing.TestPostgres;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The API refuses to start on a database it cannot read, saying why. */
class StartupTest {

  @Test
  void refusesAnUnmigratedDatabaseNamingWhatIsMissing() {
    DatabaseSettings empty = TestPostgres.emptyDatabase();

    assertThatThrownBy(() -> start(empty.url(), empty.user(), empty.password()).close())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("reporting schema is missing")
        .hasMessageContaining("anomalies")
        .hasMessageContaining("current_anomalies")
        .hasMessageContaining("scripts/sentinela serve");
  }

  @Test
  void refusesAnUnreachableDatabaseNamingItsUrl() {
    String url = "jdbc:postgresql://127.0.0.1:1/sentinela";

    assertThatThrownBy(() -> start(url, "nobody", "").close())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("Cannot reach the reporting database at " + url)
        .hasMessageContaining("SENTINELA_DB_URL");
  }

  private static ConfigurableApplicationContext start(String url, String user, String password) {
    return new SpringApplicationBuilder(ReportingApiApplication.class)
        .properties(
            "server.port=0",
            "spring.datasource.url=" + url,
            "spring.datasource.username=" + user,
            "spring.datasource.password=" + password,
            "spring.datasource.hikari.connection-timeout=1000")
        .run();
  }
}
