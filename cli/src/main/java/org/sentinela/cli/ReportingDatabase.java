package org.sentinela.cli;

import org.sentinela.reporting.db.DatabaseSettings;
import org.sentinela.reporting.db.EmbeddedReportingDatabase;
import org.sentinela.reporting.db.ReportingSchema;

/**
 * The reporting database for one command: the external one when configured, else the embedded one
 * of this home; migrated before anything writes. Closing stops an embedded server this command
 * started.
 */
final class ReportingDatabase implements AutoCloseable {

  private final EmbeddedReportingDatabase embedded;
  private final DatabaseSettings settings;

  private ReportingDatabase(EmbeddedReportingDatabase embedded, DatabaseSettings settings) {
    this.embedded = embedded;
    this.settings = settings;
  }

  static ReportingDatabase open(SentinelaSettings s) {
    ReportingDatabase db =
        s.externalDatabase()
            .map(external -> new ReportingDatabase(null, external))
            .orElseGet(
                () -> {
                  EmbeddedReportingDatabase embedded =
                      EmbeddedReportingDatabase.startOrReuse(
                          s.embeddedDatabaseData(),
                          s.embeddedDatabaseBinaries(),
                          s.embeddedDatabasePort());
                  return new ReportingDatabase(embedded, embedded.settings());
                });
    try {
      ReportingSchema.migrate(db.settings);
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
    return db;
  }

  DatabaseSettings settings() {
    return settings;
  }

  @Override
  public void close() {
    if (embedded != null) {
      embedded.close();
    }
  }
}
