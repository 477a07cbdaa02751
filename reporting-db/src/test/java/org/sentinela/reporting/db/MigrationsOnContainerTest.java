package org.sentinela.reporting.db;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The migrations on a stock PostgreSQL server image, where Docker runs. An extra path only: it is
 * skipped without Docker, and the embedded PostgreSQL tests cover the same ground everywhere.
 */
@Testcontainers(disabledWithoutDocker = true)
class MigrationsOnContainerTest {

  @Container
  private static final PostgreSQLContainer<?> POSTGRES = new PostgreSQLContainer<>("postgres:15");

  @Test
  void migratesAStockServer() {
    DatabaseSettings db =
        new DatabaseSettings(POSTGRES.getJdbcUrl(), POSTGRES.getUsername(), POSTGRES.getPassword());

    assertThat(ReportingSchema.migrate(db).migrationsExecuted).isGreaterThanOrEqualTo(3);
    assertThat(ReportingSchema.migrate(db).migrationsExecuted).isZero();
  }
}
