package org.sentinela.reporting.db;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/** Applies the reporting schema's Flyway migrations ({@code db/migration}) to a database. */
public final class ReportingSchema {

  private ReportingSchema() {}

  /** Brings the database to the latest schema version; a no-op when it is already there. */
  public static MigrateResult migrate(DatabaseSettings db) {
    return Flyway.configure()
        .dataSource(db.url(), db.user(), db.password())
        .locations("classpath:db/migration")
        .failOnMissingLocations(true)
        .load()
        .migrate();
  }
}
